// Bringing a tablet back from its backup copy when its browser lost the database (Chromium deletes one it
// finds damaged; storage can be evicted or cleared): every document the copy holds and IndexedDB lacks
// is stored again, with its list row, and the talk points, communities, settings and device key the
// record holds. Runs before the home screen shows, so the tablet never looks new when it is not.
import * as Y from "yjs";
import { docDigest } from "../doc/digest.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import { readTalkPoints } from "../doc/community/readers.ts";
import type { BackupCopy } from "../persistence/backup/backupCopy.ts";
import { docFile, docOfFile } from "../persistence/backup/docBackup.ts";
import type { SessionSummary } from "../persistence/catalogue.ts";
import { checksumAsync, storedRow, type StoredUpdate, type YishiDatabase } from "../persistence/db.ts";
import { workspaceDocId } from "../persistence/communities.ts";
import { isSessionRemovedHere } from "../sync/deviceSettings.ts";
import { restoreDeviceKey } from "../sync/deviceKey.ts";
import { readDeviceRecord } from "./backupRecord.ts";
import { summarize } from "./summary.ts";

export interface Restored {
  talkPoints: number;
  sessions: number;
  communities: number;
  /** Names of communities whose workspace neither storage held: their tablets or relay must send it. */
  waiting: string[];
}

const isWorkspace = (docId: string) => docId.startsWith("community:");

/** The documents of `ids` that hold no row in `db`. */
async function withoutRows(db: YishiDatabase, ids: string[]): Promise<Set<string>> {
  const index = db.transaction("updates").store.index("bySession");
  const counts = await Promise.all(ids.map((id) => index.count(id)));
  return new Set(ids.filter((_, i) => counts[i] === 0));
}

/** A restored document's row and, for a session, its list row; for a workspace, its talk points. */
async function rowsOf(docId: string, payloads: Uint8Array[]) {
  const update = payloads.length === 1 ? payloads[0]! : Y.mergeUpdates(payloads);
  const row: StoredUpdate = storedRow(docId, update, await checksumAsync(update));
  let summary: SessionSummary | null = null;
  let talkPoints = 0;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    if (isWorkspace(docId)) talkPoints = readTalkPoints(doc).filter((tp) => !tp.deleted).length;
    else summary = { ...summarize(snapshot(doc)), digest: docDigest(doc) };
  } catch {
    // Unreadable: its rows are stored anyway and the document's store quarantines them.
  } finally {
    doc.destroy();
  }
  return { row, summary, talkPoints };
}

/**
 * Restores what `copy` holds and `db` lacks; resolves with what was restored, or null when nothing was
 * missing. Sessions removed on this tablet stay removed. Rejects with a StorageError if writing fails.
 */
export async function restoreFromBackup(db: YishiDatabase, copy: BackupCopy): Promise<Restored | null> {
  await copy.ready;
  if (copy.state !== "on") return null;
  const files = await copy.list();
  const docIds = files.map((f) => docOfFile(f.name)).filter((id): id is string => id !== null);
  const missing = [...(await withoutRows(db, docIds))].filter((id) => !isSessionRemovedHere(id));
  const record = await readDeviceRecord(copy);
  // The device key first: lost with the database, this tablet would otherwise be a stranger to its peers.
  if (record?.key) await restoreDeviceKey(record.key);
  const [talkPointIds, communityIds] = await Promise.all([
    db.getAllKeys("talkPoints"),
    db.getAllKeys("communities"),
  ]);
  const talkPoints = (record?.talkPoints ?? []).filter((tp) => !talkPointIds.includes(tp.id));
  const communities = (record?.communities ?? []).filter((c) => !communityIds.includes(c.id));
  if (missing.length === 0 && talkPoints.length === 0 && communities.length === 0) return null;

  const read = await copy.read(missing.map(docFile));
  const restored = await Promise.all(
    read.filter((f) => f.payloads.length > 0).map((f) => rowsOf(docOfFile(f.name)!, f.payloads)),
  );
  const tx = db.transaction(["updates", "sessions", "talkPoints", "communities"], "readwrite");
  await Promise.all([
    ...restored.map(({ row }) => tx.objectStore("updates").add(row)),
    ...restored.flatMap(({ summary }) => (summary ? [tx.objectStore("sessions").put(summary)] : [])),
    ...talkPoints.map((tp) => tx.objectStore("talkPoints").put(tp)),
    ...communities.map((c) => tx.objectStore("communities").put(c)),
    tx.done,
  ]);
  restoreSettings(record?.local ?? {});

  const held = new Set(restored.map(({ row }) => row.sessionId));
  const all = await db.getAll("communities");
  const stillEmpty = await withoutRows(
    db,
    all.map((c) => workspaceDocId(c.id)),
  );
  return {
    talkPoints: talkPoints.length + restored.reduce((n, r) => n + r.talkPoints, 0),
    sessions: restored.filter(({ summary }) => summary !== null).length,
    communities: [...held].filter(isWorkspace).length,
    waiting: all.filter((c) => stillEmpty.has(workspaceDocId(c.id))).map((c) => c.name || c.id),
  };
}

/** Device settings the browser lost too (it kept those it still has). */
function restoreSettings(local: Record<string, string>): void {
  try {
    for (const [key, value] of Object.entries(local)) {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    }
  } catch {
    // No localStorage: the settings are asked for again.
  }
}
