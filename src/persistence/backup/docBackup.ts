// What the stores of persistence/ tell the backup copy: a document's new rows, its compaction, its
// deletion. Each resolves once the copy holds it (or noted it for repair); none rejects, since IndexedDB
// holds the data either way. A database with no copy started (a unit test, a browser without OPFS) is
// left alone.
import { backupOf } from "./backupCopy.ts";

/** The backup file of stored document `docId` (a session id or a community's workspace id). */
export const docFile = (docId: string): string => `doc:${docId}`;
/** The document a backup file holds, or null for another kind of file. */
export const docOfFile = (name: string): string | null => (name.startsWith("doc:") ? name.slice(4) : null);

const done = Promise.resolve();

export const backupAppend = (db: { name: string }, docId: string, updates: Uint8Array[]): Promise<void> =>
  backupOf(db.name)?.append(docFile(docId), updates) ?? done;

export const backupReplace = (db: { name: string }, docId: string, updates: Uint8Array[]): Promise<void> =>
  backupOf(db.name)?.replace(docFile(docId), updates) ?? done;

export const backupRemove = (db: { name: string }, docId: string): Promise<void> =>
  backupOf(db.name)?.remove(docFile(docId)) ?? done;

const recordWriters = new Map<string, () => Promise<void>>();

/** `write` is called whenever a talk point or a community of database `dbName` changes. */
export function onDeviceRecordChange(dbName: string, write: () => Promise<void>): void {
  recordWriters.set(dbName, write);
}

/**
 * A talk point or a community changed: the device's record in the backup copy is written again; resolves
 * once it is (such changes are rare: a pairing, a new talk point), so the change counts as saved after.
 */
export function deviceRecordChanged(db: { name: string }): Promise<void> {
  return recordWriters.get(db.name)?.() ?? done;
}
