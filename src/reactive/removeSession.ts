// Deleting a session from this tablet with a way back: its whole stored state is read into memory first, so
// "Undo" (while the notice shows) stores it again, summary row and join code included; after that it is gone
// from here, and the community's sync (peers, relay) does not fetch it back.
import * as Y from "yjs";
import { deleteSession, getSessionSummary, putSessionSummary } from "../persistence/catalogue.ts";
import type { YishiDatabase } from "../persistence/db.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { setSessionRemovedHere, setShareCodeOf, shareCodeOf } from "../sync/deviceSettings.ts";

/** Deletes session `id` from this tablet; resolves to a function that restores it as it was. */
export async function removeSessionWithUndo(db: YishiDatabase, id: string): Promise<() => Promise<void>> {
  const summary = await getSessionSummary(db, id);
  const doc = new Y.Doc();
  const store = new SessionStore(db, id, doc);
  let state: Uint8Array;
  try {
    await store.whenSynced;
    state = Y.encodeStateAsUpdate(doc);
  } finally {
    await store.destroy();
    doc.destroy();
  }
  // Paired tablets and the relay still hold it: their sync must not bring it back here.
  setSessionRemovedHere(id, true);
  await deleteSession(db, id);
  // The join code is a secret this tablet kept for the session: it goes too (and comes back with Undo).
  const code = shareCodeOf(id);
  setShareCodeOf(id, null);
  return async () => {
    setSessionRemovedHere(id, false);
    if (code) setShareCodeOf(id, code.code, code.paused);
    const restored = new Y.Doc();
    const again = new SessionStore(db, id, restored);
    try {
      await again.whenSynced;
      Y.applyUpdate(restored, state);
      await again.flush();
      if (summary) await putSessionSummary(db, summary);
    } finally {
      await again.destroy();
      restored.destroy();
    }
  };
}
