// Keeping the backup copy whole: after a start, every document IndexedDB holds whose copy is missing (a
// tablet that had no copy yet, a file the browser or a crash cut), damaged or whose last write to it
// failed is written to the copy again from IndexedDB's rows, one document at a time in the background.
import * as Y from "yjs";
import type { BackupCopy } from "../persistence/backup/backupCopy.ts";
import { docFile, docOfFile } from "../persistence/backup/docBackup.ts";
import { readSessionRows, type YishiDatabase } from "../persistence/db.ts";
import { isSessionRemovedHere } from "../sync/deviceSettings.ts";
import { writeDeviceRecord } from "./backupRecord.ts";

/** The ids of every document with rows in `db`. */
async function storedDocs(db: YishiDatabase): Promise<string[]> {
  const ids: string[] = [];
  let cursor = await db.transaction("updates").store.index("bySession").openKeyCursor(null, "nextunique");
  while (cursor) {
    ids.push(cursor.key);
    cursor = await cursor.continue();
  }
  return ids;
}

const rowsOf = (db: YishiDatabase, id: string) =>
  readSessionRows(db.transaction("updates").store.index("bySession"), id);

/** Writes document `id`'s copy from its rows; true when written. */
async function rewrite(db: YishiDatabase, copy: BackupCopy, id: string): Promise<boolean> {
  const rows = await rowsOf(db, id);
  if (rows.length === 0) return false; // deleted meanwhile
  const updates = rows.map((r) => r.update);
  try {
    await copy.replace(docFile(id), [updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)]);
  } catch {
    await copy.replace(docFile(id), updates); // a damaged row Yjs cannot merge: keep them apart
  }
  // A row committed while the copy was rewritten may have been appended to the old file: append it again.
  const seen = new Set(rows.map((r) => r.key));
  const later = (await rowsOf(db, id)).filter((r) => !seen.has(r.key)).map((r) => r.update);
  if (later.length > 0) await copy.append(docFile(id), later);
  return true;
}

export interface Repaired {
  /** Documents written to the copy again. */
  rewritten: string[];
  /** Copies of sessions removed here, dropped. */
  dropped: string[];
}

/** Makes `copy` hold every document of `db` again; resolves with what it rewrote. Never rejects. */
export async function repairBackup(db: YishiDatabase, copy: BackupCopy): Promise<Repaired> {
  const out: Repaired = { rewritten: [], dropped: [] };
  try {
    await copy.ready;
    if (copy.state !== "on") return out;
    const files = new Map((await copy.check()).map((f) => [f.name, f.damaged]));
    for (const [name] of files) {
      const id = docOfFile(name);
      if (id !== null && isSessionRemovedHere(id)) {
        await copy.remove(name);
        out.dropped.push(id);
      }
    }
    for (const id of await storedDocs(db)) {
      const name = docFile(id);
      if (files.get(name) === false && !copy.failed.has(name)) continue;
      if (await rewrite(db, copy, id)) out.rewritten.push(id);
    }
    await writeDeviceRecord(db, copy);
  } catch {
    // The database closed or the copy stopped: the next start repairs again.
  }
  return out;
}
