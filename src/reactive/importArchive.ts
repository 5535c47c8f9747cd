// Importing a session archive on this device: validated first (storage untouched on any problem), then merged
// into the session if it is already here, or stored as a new one.
import * as Y from "yjs";
import { snapshot } from "../doc/snapshot.ts";
import { applyArchive, parseArchive, type ArchiveErrorCode } from "../export/archive.ts";
import { putSessionSummary } from "../persistence/catalogue.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import type { AppDb } from "./appDb.ts";
import { summarize } from "./summary.ts";

export type ImportResult = { ok: true; id: string } | { ok: false; error: ArchiveErrorCode };

/** Imports archive text; resolves to the session id, or the reason it was refused. */
export async function importArchiveText(appDb: AppDb, text: string): Promise<ImportResult> {
  const parsed = parseArchive(text);
  if (!parsed.ok) return parsed;
  const id = parsed.archive.data.id;
  const doc = new Y.Doc();
  const store = new SessionStore(appDb.current, id, doc);
  try {
    await store.whenSynced;
    applyArchive(doc, parsed.update);
    await store.flush();
    await putSessionSummary(appDb.current, summarize(snapshot(doc)));
  } finally {
    await store.destroy();
    doc.destroy();
  }
  return { ok: true, id };
}
