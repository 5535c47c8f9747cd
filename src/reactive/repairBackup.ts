// Keeping the two copies whole, after each start, in the background: every document IndexedDB holds is
// compared with its backup copy (in the worker). What the copy holds and the rows lack is stored again
// (a database that lost some records silently); a copy that is missing, damaged, behind the rows or whose
// last write failed is rewritten from them. Copies of sessions removed here are dropped.
import * as Y from "yjs";
import type { BackupCopy } from "../persistence/backup/backupCopy.ts";
import { docFile, docOfFile } from "../persistence/backup/docBackup.ts";
import { checksumAsync, readSessionRows, storedRow, type YishiDatabase } from "../persistence/db.ts";
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
  /** Documents whose rows lacked something the copy held, stored again. */
  restored: string[];
  /** Documents written to the copy again. */
  rewritten: string[];
  /** Copies of sessions removed here, dropped. */
  dropped: string[];
}

/** One document: the rows completed from the copy, the copy from the rows. */
async function repairDoc(db: YishiDatabase, copy: BackupCopy, id: string, out: Repaired): Promise<void> {
  const name = docFile(id);
  const rows = await rowsOf(db, id);
  if (rows.length === 0) return;
  let result: Awaited<ReturnType<BackupCopy["reconcile"]>> = null;
  try {
    result = await copy.reconcile(
      name,
      rows.map((r) => r.update),
    );
  } catch {
    // A copy Yjs cannot read: rewritten below.
  }
  if (result?.toStore) {
    const row = storedRow(id, result.toStore, await checksumAsync(result.toStore));
    await db.add("updates", row);
    out.restored.push(id);
  }
  const behind = !result || result.damaged || result.copyBehind || copy.failed.has(name);
  if (behind && (await rewrite(db, copy, id))) out.rewritten.push(id);
}

/** Makes `db` and `copy` hold the same documents; resolves with what it did. Never rejects. */
export async function repairBackup(db: YishiDatabase, copy: BackupCopy): Promise<Repaired> {
  const out: Repaired = { restored: [], rewritten: [], dropped: [] };
  try {
    await copy.ready;
    if (copy.state !== "on") return out;
    for (const { name } of await copy.list()) {
      const id = docOfFile(name);
      if (id !== null && isSessionRemovedHere(id)) {
        await copy.remove(name);
        out.dropped.push(id);
      }
    }
    for (const id of await storedDocs(db)) {
      try {
        await repairDoc(db, copy, id, out);
      } catch {
        // This one could not be compared (the database closing): the next start tries again.
      }
    }
    await writeDeviceRecord(db, copy);
  } catch {
    // The database closed or the copy stopped: the next start repairs again.
  }
  return out;
}
