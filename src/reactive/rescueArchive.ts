// The archive of a stored session without opening it for the screen: what a page that failed to render
// still offers, so a session whose screen breaks can be carried to another device whole.
import * as Y from "yjs";
import { exportArchive } from "../export/archive.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import type { AppDb } from "./appDb.ts";

/** Archive JSON text of session `id` as stored on this device (its join code left out). */
export async function rescueArchive(appDb: AppDb, id: string): Promise<string> {
  const doc = new Y.Doc();
  const store = new SessionStore(appDb.current, id, doc);
  try {
    await store.whenSynced;
    return exportArchive(doc);
  } finally {
    await store.destroy();
    doc.destroy();
  }
}
