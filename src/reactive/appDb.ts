// Holds the app's database connection: opens it once and, if the browser drops it, reopens it and hands the
// new connection to every open session, whose unsaved edits wait in memory meanwhile.
import { openYishiDb, type YishiDatabase } from "../persistence/db.ts";
import { requestPersistentStorage } from "../persistence/catalogue.ts";
import { clearNotice, notify } from "./notices.ts";
import { startBackup } from "../persistence/backup/backupCopy.ts";
import { afterStartBackup, restoreBeforeStart } from "./backupStart.ts";

export interface AppDb {
  /** The open connection; read it at each use, it changes after a reconnect. */
  readonly current: YishiDatabase;
  /** Called with the new connection after a reconnect; returns an unsubscribe function. */
  onReplaced(fn: (db: YishiDatabase) => void): () => void;
}

const RETRY_MS = [250, 1000, 3000, 10_000];

/** Opens the app's database; asks the browser to keep it (a tablet must not lose a session to eviction). */
export async function openAppDb(name = "yishi"): Promise<AppDb> {
  const listeners = new Set<(db: YishiDatabase) => void>();
  let fresh: { dataLoss: string; message: string } | null = null;
  const open = (): Promise<YishiDatabase> =>
    openYishiDb(name, { onTerminated: () => void reconnect(), onFresh: (info) => (fresh ??= info) });
  let current = await open();
  const copy = startBackup(name);
  await restoreBeforeStart(current, copy, fresh);
  let reconnecting = false;

  async function reconnect(): Promise<void> {
    if (reconnecting) return;
    reconnecting = true;
    notify({ kind: "error", key: "error.storage.closed", sticky: true });
    for (let attempt = 0; ; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      try {
        current = await open();
        break;
      } catch {
        // Still unavailable: keep the message up and try again.
      }
    }
    reconnecting = false;
    clearNotice("error.storage.closed");
    for (const fn of listeners) fn(current);
  }

  void requestPersistentStorage();
  afterStartBackup(() => current, copy);
  return {
    get current() {
      return current;
    },
    onReplaced(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
