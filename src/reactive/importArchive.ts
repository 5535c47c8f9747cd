// Importing a session archive on this device: read into a scratch document and checked whole first (storage
// untouched on any problem), then stored as one row in one transaction, beside the session's rows if it is
// already here. A join code in the archive is kept paused: the session does not join its room by itself.
import * as Y from "yjs";
import type { SessionSnapshot } from "../doc/session/schema.ts";
import { roots } from "../doc/session/sessionDoc.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import { loadArchive, type ArchiveErrorCode } from "../export/archive.ts";
import { checksum, checksumAsync, readSessionRows, storedRow } from "../persistence/db.ts";
import type { KeyedUpdate, YishiDatabase } from "../persistence/db.ts";
import { toStorageError } from "../persistence/errors.ts";
import { backupAppend } from "../persistence/backup/docBackup.ts";
import { setShareCodeOf, shareCodeOf } from "../sync/deviceSettings.ts";
import { formatShareCode, parseShareCode } from "../sync/shareCode.ts";
import type { AppDb } from "./appDb.ts";
import { summarize } from "./summary.ts";

export type ImportResult = { ok: true; id: string } | { ok: false; error: ArchiveErrorCode };

/** A stored row that applies cleanly (a damaged one is left for the session's store to quarantine). */
function isSound(row: KeyedUpdate): boolean {
  if (row.sum !== undefined) return checksum(row.update) === row.sum;
  try {
    Y.decodeUpdate(row.update);
    return true;
  } catch {
    return false;
  }
}

/** The session as it will load: the archive's content (already in `doc`) merged with the rows stored here. */
function mergedSession(doc: Y.Doc, rows: KeyedUpdate[], archived: SessionSnapshot): SessionSnapshot {
  if (rows.length === 0) return archived;
  for (const row of rows) {
    if (!isSound(row)) continue;
    try {
      Y.applyUpdate(doc, row.update);
    } catch {
      // Also left for the store; the summary is only a cache, rewritten when the session is opened.
    }
  }
  return snapshot(doc);
}

/**
 * Adds the archive's update as one row of session `id` and its catalogue summary, in one transaction:
 * either both are stored or, on any failure (quota, a closed connection, a bug between the steps), neither.
 * Rejects with a StorageError.
 */
async function storeAtomically(
  db: YishiDatabase,
  id: string,
  update: Uint8Array,
  doc: Y.Doc,
  archived: SessionSnapshot,
): Promise<void> {
  // Hashed before the transaction: awaiting anything but its own requests would let it commit early.
  const row = storedRow(id, update, await checksumAsync(update));
  let abort = (): void => {};
  try {
    const tx = db.transaction(["updates", "sessions"], "readwrite");
    abort = () => tx.abort();
    const done = tx.done;
    done.catch(() => {}); // awaited below; a failure before that is reported by the step that failed
    const updates = tx.objectStore("updates");
    const rows = await readSessionRows(updates.index("bySession"), id);
    const summary = summarize(mergedSession(doc, rows, archived));
    // One after the other, so that no request is left without a listener when a later step throws.
    await updates.add(row);
    await tx.objectStore("sessions").put(summary);
    await done;
  } catch (e) {
    try {
      abort(); // rolls back whatever was written; throws when the transaction has already ended
    } catch {
      // Already aborted (or never committed): nothing of it is stored.
    }
    throw toStorageError(e);
  }
}

/** The join code the archive carries: the envelope's, else one an older app kept in the document. */
function carriedCode(envelopeCode: string | undefined, doc: Y.Doc): string | null {
  const legacy = roots(doc).meta.get("shareCode");
  const raw = envelopeCode ?? (typeof legacy === "string" ? legacy : null);
  const parsed = raw === null ? null : parseShareCode(raw);
  return parsed && formatShareCode(parsed);
}

/**
 * Imports archive text; resolves to the session id, or the reason it was refused (nothing stored then).
 * Rejects with a StorageError when the write fails; nothing of the import is stored then either.
 * A join code in the archive is kept paused, unless this device already knows one for the session.
 */
export async function importArchiveText(appDb: AppDb, text: string): Promise<ImportResult> {
  const loaded = loadArchive(text);
  if (!loaded.ok) return loaded;
  const { archive, update, doc, session } = loaded;
  const id = archive.data.id;
  try {
    const code = carriedCode(archive.data.shareCode, doc);
    await storeAtomically(appDb.current, id, update, doc, session);
    await backupAppend(appDb.current, id, [update]);
    if (code !== null && shareCodeOf(id) === null) setShareCodeOf(id, code, true);
  } finally {
    doc.destroy();
  }
  return { ok: true, id };
}
