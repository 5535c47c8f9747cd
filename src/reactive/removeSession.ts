// Deleting a session from this tablet with a way back: its whole stored state is read into memory first, so
// "Undo" (while the notice shows) stores it again, summary row and join code included; after that it is gone
// from here, and the community's sync (peers, relay) does not fetch it back.
import * as Y from "yjs";
import { deleteSession, getSessionSummary, putSessionSummary } from "../persistence/catalogue.ts";
import type { YishiDatabase } from "../persistence/db.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { setSessionRemovedHere, setShareCodeOf, shareCodeOf } from "../sync/deviceSettings.ts";

type RemovalListener = (id: string) => void | Promise<void>;
const removalListeners = new Set<RemovalListener>();

/**
 * Calls `fn` when a session is removed from this tablet, before its rows are read for Undo and deleted
 * (awaited): a sync holding a copy of it drops the copy (writing back what it holds, never after). Returns
 * an unsubscribe.
 */
export function onSessionRemoved(fn: RemovalListener): () => void {
  removalListeners.add(fn);
  return () => removalListeners.delete(fn);
}

/** Deletes session `id` from this tablet; resolves to a function that restores it as it was. */
export async function removeSessionWithUndo(db: YishiDatabase, id: string): Promise<() => Promise<void>> {
  // First of all: paired tablets and the relay still hold it, and from now on their sync must not bring it
  // back here, not even an update already on its way to a copy the sync has loaded.
  setSessionRemovedHere(id, true);
  let summary: Awaited<ReturnType<typeof getSessionSummary>>;
  let state: Uint8Array;
  try {
    await Promise.all([...removalListeners].map((fn) => fn(id)));
    summary = await getSessionSummary(db, id);
    const doc = new Y.Doc();
    const store = new SessionStore(db, id, doc);
    try {
      await store.whenSynced;
      state = Y.encodeStateAsUpdate(doc);
    } finally {
      await store.destroy();
      doc.destroy();
    }
  } catch (e) {
    setSessionRemovedHere(id, false); // not removed after all
    throw e;
  }
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
