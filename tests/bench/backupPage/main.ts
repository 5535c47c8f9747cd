// Bench page of `npm run bench:backup`: session.save.2000 as tests/bench/page does it (the update written
// and committed), with the build's backup copy on when the build has one. compareBackup.ts builds this page
// in each checkout, so it runs that build's own persistence layer.
import * as Y from "yjs";
import { buildLargeSession } from "../../helpers/largeSession.ts";
import { openYishiDb } from "../../../src/persistence/db.ts";
import { SessionStore } from "../../../src/persistence/sessionStore.ts";

interface Copy {
  state: string;
  ready: Promise<void>;
  list(): Promise<{ name: string; size: number }[]>;
}
interface BackupModule {
  startBackup(dbName: string): Copy;
  stopBackup(dbName: string): void;
}
// A build before the backup copy has no such file: the glob is then empty and the copy stays off.
const backupModules = import.meta.glob<BackupModule>("../../../src/persistence/backup/backupCopy.ts");
const loadBackup = Object.values(backupModules)[0];

let state: Uint8Array | null = null;

/** One save of a 2,000-item session into a new database; its time in ms and the copy's file size. */
async function saveOnce(items: number): Promise<{ ms: number; copyBytes: number | null }> {
  state ??= Y.encodeStateAsUpdate(buildLargeSession(new Y.Doc(), { items, edits: 10 * items }));
  const name = `bench-backup-${Math.random()}`;
  const backup = loadBackup ? await loadBackup() : null;
  const copy = backup?.startBackup(name) ?? null;
  if (copy) {
    await copy.ready;
    if (copy.state !== "on") throw new Error(`the backup copy is ${copy.state}`);
  }
  const db = await openYishiDb(name);
  const doc = new Y.Doc();
  const store = new SessionStore(db, "s", doc);
  await store.whenSynced;
  const t0 = performance.now();
  Y.applyUpdate(doc, state);
  await store.flush();
  const ms = performance.now() - t0;
  const copyBytes = copy ? (await copy.list()).reduce((n, f) => n + f.size, 0) : null;
  await store.destroy();
  doc.destroy();
  db.close();
  indexedDB.deleteDatabase(name);
  if (backup) {
    backup.stopBackup(name);
    const root = await navigator.storage.getDirectory();
    await root.removeEntry("yishi-backup", { recursive: true }).catch(() => {});
  }
  return { ms, copyBytes };
}

(window as unknown as { yishiBackupBench: unknown }).yishiBackupBench = {
  saveOnce,
  hasBackup: () => loadBackup !== undefined,
};
document.title = "ready";
