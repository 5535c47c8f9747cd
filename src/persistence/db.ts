// The IndexedDB schema (typed for idb), opening and upgrading it, and row operations on stored updates.
import { viewHeadKey } from "./storedViews.ts";
import { openDB } from "idb";
import * as Y from "yjs";
import { checksum } from "./checksum.ts";
import type { DBSchema, IDBPDatabase, IDBPTransaction } from "idb";
import type { TalkPoint } from "../doc/talkPoint.ts";
import type { SessionSummary } from "./catalogue.ts";
import type { CommunityRow } from "./communities.ts";
import { StorageError, toStorageError } from "./errors.ts";
import { backupRemove } from "./backup/docBackup.ts";

/** Bump together with a new `if (oldVersion < N)` step in `upgrade`. */
export const DB_VERSION = 3;
export const DEFAULT_DB_NAME = "yishi";

/** One Yjs update (or a compacted state) belonging to a session. */
export interface StoredUpdate {
  sessionId: string;
  update: Uint8Array;
  /** `checksum(update)` when written; rows written before checksums existed have none. */
  sum?: number;
}

export { checksum, checksumAsync } from "./checksum.ts";

/** The row to store for `update`, with its checksum (computed here unless given). */
export function storedRow(sessionId: string, update: Uint8Array, sum = checksum(update)): StoredUpdate {
  return { sessionId, update, sum };
}

/**
 * A plain copy of what a session's screen shows, kept so the session opens before its Yjs state is
 * loaded. Only a cache: it is used only while `keys` are exactly the session's rows in `updates`.
 */
export interface StoredView {
  sessionId: string;
  /** The reader's format; a view of another format is ignored. */
  version: number;
  /** The session's `updates` keys whose content (and nothing else) the view shows. */
  keys: number[];
  data: unknown;
}

/** A stored update that failed to apply: kept for diagnosis and recovery, never deleted automatically. */
export interface QuarantinedUpdate extends StoredUpdate {
  reason: string;
  at: number;
}

export interface YishiDB extends DBSchema {
  updates: { key: number; value: StoredUpdate; indexes: { bySession: string } };
  quarantine: { key: number; value: QuarantinedUpdate; indexes: { bySession: string } };
  talkPoints: { key: string; value: TalkPoint };
  views: { key: string; value: StoredView };
  /** The communities this tablet holds (their workspace documents are rows of `updates` too). */
  communities: { key: string; value: CommunityRow };
  sessions: {
    key: string;
    value: SessionSummary;
    indexes: { byTalkPoint: string; byStartsAt: string };
  };
}

export type YishiDatabase = IDBPDatabase<YishiDB>;

export interface OpenYishiDbOptions {
  /**
   * The connection is gone: the browser closed it (storage cleared, disk error) or we closed it because
   * another tab needs a newer version or deletes the database. Tell the user and open a new connection.
   */
  onTerminated?: (error: StorageError) => void;
  /** Opening waits because another tab holds an older version open; it continues once that tab closes it. */
  onBlocked?: (error: StorageError) => void;
  /**
   * The database was made afresh (it did not exist) or the browser reports it lost data (Chromium's
   * `dataLoss` of a database it found damaged and deleted): what was stored before may be gone.
   */
  onFresh?: (info: { dataLoss: string; message: string }) => void;
}

/**
 * Open (creating or upgrading) the Yishi database.
 * Rejects with a StorageError ("unavailable" when IndexedDB is missing or refused).
 * @example const db = await openYishiDb("yishi", { onTerminated: (e) => showStorageLost(e.code) });
 */
export async function openYishiDb(
  name: string = DEFAULT_DB_NAME,
  options: OpenYishiDbOptions = {},
): Promise<YishiDatabase> {
  if (typeof indexedDB === "undefined") {
    throw new StorageError("unavailable", "IndexedDB is not available in this environment");
  }
  try {
    const db: YishiDatabase = await openDB<YishiDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, _tx, event) {
        const loss = event as IDBVersionChangeEvent & { dataLoss?: string; dataLossMessage?: string };
        const dataLoss = loss.dataLoss ?? "none";
        if (oldVersion === 0 || dataLoss !== "none") {
          options.onFresh?.({ dataLoss, message: loss.dataLossMessage ?? "" });
        }
        if (oldVersion < 1) {
          db.createObjectStore("updates", { autoIncrement: true }).createIndex("bySession", "sessionId");
          db.createObjectStore("quarantine", { autoIncrement: true }).createIndex("bySession", "sessionId");
          db.createObjectStore("talkPoints", { keyPath: "id" });
          const sessions = db.createObjectStore("sessions", { keyPath: "id" });
          sessions.createIndex("byTalkPoint", "talkPointId");
          sessions.createIndex("byStartsAt", "startsAt");
        }
        if (oldVersion < 2) db.createObjectStore("views", { keyPath: "sessionId" });
        if (oldVersion < 3) db.createObjectStore("communities", { keyPath: "id" });
      },
      blocked(currentVersion, blockedVersion) {
        options.onBlocked?.(
          new StorageError(
            "unavailable",
            `Opening version ${blockedVersion ?? "?"} waits for a connection at version ${currentVersion}`,
          ),
        );
      },
      blocking(currentVersion, blockedVersion) {
        // Holding on would stall the other tab's upgrade (or delete) forever: step aside and report.
        db.close();
        const why = blockedVersion === null ? "deletes the database" : `needs version ${blockedVersion}`;
        options.onTerminated?.(
          new StorageError("closed", `Closed version ${currentVersion}: another connection ${why}`),
        );
      },
      terminated() {
        options.onTerminated?.(new StorageError("closed", "The browser closed the database connection"));
      },
    });
    return db;
  } catch (e) {
    const error = toStorageError(e);
    // A failed open means storage is not usable, whatever the underlying name said.
    throw error.code === "quota" ? error : new StorageError("unavailable", error.message, { cause: e });
  }
}

/** A row of `updates` with its key. */
export interface KeyedUpdate {
  key: number;
  update: Uint8Array;
  sum?: number;
}

/** The part of the `bySession` index (of any transaction) that `readSessionRows` needs. */
interface BySessionIndex {
  getAll(sessionId: string): Promise<StoredUpdate[]>;
  getAllKeys(sessionId: string): Promise<number[]>;
}

/** A session's rows in key order, read within the caller's transaction. */
export async function readSessionRows(index: BySessionIndex, sessionId: string): Promise<KeyedUpdate[]> {
  // Two requests of one transaction see the same snapshot, so values and keys line up.
  const [rows, keys] = await Promise.all([index.getAll(sessionId), index.getAllKeys(sessionId)]);
  return keys.map((key, i) => ({ key, update: rows[i]?.update ?? new Uint8Array(), sum: rows[i]?.sum }));
}

/** A transaction that can move rows from `updates` to `quarantine`. */
export type QuarantineTx = IDBPTransaction<YishiDB, ("updates" | "quarantine")[], "readwrite">;

/** A stored row that failed to apply, and why. */
export interface BadRow extends KeyedUpdate {
  reason: string;
}

/** Move rows from `updates` to `quarantine` inside the caller's transaction: kept, never silently dropped. */
export async function moveToQuarantine(tx: QuarantineTx, sessionId: string, bad: BadRow[]): Promise<void> {
  const updates = tx.objectStore("updates");
  for (const { key, update, reason } of bad) {
    if ((await updates.count(key)) === 0) continue; // another tab moved it already
    await tx.objectStore("quarantine").add({ sessionId, update, reason, at: Date.now() });
    await updates.delete(key);
  }
}

/** Total bytes of a session's rows in `updates`. */
export async function sessionBytes(db: YishiDatabase, sessionId: string): Promise<number> {
  try {
    const rows = await db.getAllFromIndex("updates", "bySession", sessionId);
    return rows.reduce((sum, row) => sum + row.update.byteLength, 0);
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Delete everything stored for a session, in one transaction: updates, quarantine, view, catalogue row. */
export async function deleteSessionData(db: YishiDatabase, sessionId: string): Promise<void> {
  // The backup copy first: a crash in between leaves the session here, not one that comes back later.
  await backupRemove(db, sessionId);
  try {
    const tx = db.transaction(["updates", "quarantine", "views", "sessions"], "readwrite");
    const updates = tx.objectStore("updates");
    const quarantine = tx.objectStore("quarantine");
    const deleteAll = async (): Promise<void> => {
      const [updateKeys, quarantineKeys] = await Promise.all([
        updates.index("bySession").getAllKeys(sessionId),
        quarantine.index("bySession").getAllKeys(sessionId),
      ]);
      await Promise.all([
        ...updateKeys.map((k) => updates.delete(k)),
        ...quarantineKeys.map((k) => quarantine.delete(k)),
        tx.objectStore("sessions").delete(sessionId),
        tx.objectStore("views").delete(sessionId),
        tx.objectStore("views").delete(viewHeadKey(sessionId)),
      ]);
    };
    await Promise.all([deleteAll(), tx.done]);
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Split rows into those safe to apply and damaged ones, before any is applied: an update that throws
 * halfway (e.g. cut off inside its delete set) has already changed the doc it was applied to.
 * A row with a checksum is checked against it (cheap, and it also catches bytes that changed yet still
 * decode); a row without one (written before checksums) is decoded in full instead.
 */
export function triageRows(
  rows: KeyedUpdate[],
  sumOf: (row: KeyedUpdate) => number = (row) => checksum(row.update),
): { good: KeyedUpdate[]; bad: BadRow[] } {
  const good: KeyedUpdate[] = [];
  const bad: BadRow[] = [];
  for (const row of rows) {
    if (row.sum !== undefined) {
      if (sumOf(row) === row.sum) good.push(row);
      else bad.push({ ...row, reason: "checksum mismatch: the stored bytes changed" });
      continue;
    }
    try {
      // Decoding reads every struct and the delete set without integrating anything.
      Y.decodeUpdate(row.update);
      good.push(row);
    } catch (e) {
      bad.push({ ...row, reason: String(e) });
    }
  }
  return { good, bad };
}
