// A new session document stored with its storage attached first, so every change is saved, and listed.
import * as Y from "yjs";
import { VIEW_VERSION } from "../doc/session/schema.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import { putSessionSummary } from "../persistence/catalogue.ts";
import type { YishiDatabase } from "../persistence/db.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { summarize } from "./summary.ts";

/**
 * Builds a new session document with storage attached first, so every change is saved, and lists it.
 * Its view is stored too (on destroy), so the session's first open is as quick as the next ones.
 */
export async function storeNewDoc(db: YishiDatabase, id: string, build: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, id, doc, { view: { version: VIEW_VERSION, read: () => snapshot(doc) } });
  try {
    await store.whenSynced;
    build(doc);
    await store.flush();
    await putSessionSummary(db, summarize(snapshot(doc)));
  } finally {
    await store.destroy();
    doc.destroy();
  }
}
