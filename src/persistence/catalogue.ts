// The catalogue: talk points and session summaries (for lists), plus the browser's storage-durability APIs.
import type { TalkPoint } from "../doc/talkPoint.ts";
import { deleteSessionData } from "./db.ts";
import type { YishiDatabase } from "./db.ts";
import { toStorageError } from "./errors.ts";
import { deviceRecordChanged } from "./backup/docBackup.ts";

/** Tallies shown in session lists, copied from the session document whenever it is saved. */
export interface SessionCounts {
  issues: number;
  urgent: number;
  votes: number;
  followUps: number;
  resolved: number;
}

/** What a session list needs without opening the session's Yjs document. */
export interface SessionSummary {
  id: string;
  talkPointId: string;
  title: string;
  /** ISO 8601 in one fixed form (e.g. `Date#toISOString()`), so that string order is time order. */
  startsAt: string;
  updatedAt: number;
  counts: SessionCounts;
  schemaVersion: number;
  /** The community the session belongs to ("" for none). */
  communityId?: string;
  /** `docDigest` of the stored state when this row was written (what community sync compares). */
  digest?: string;
}

const EMPTY_COUNTS: SessionCounts = { issues: 0, urgent: 0, votes: 0, followUps: 0, resolved: 0 };

// Rows written by an older app version may lack newer fields: fill defaults, keep unknown keys.
function withDefaults(s: SessionSummary): SessionSummary {
  return { ...s, counts: { ...EMPTY_COUNTS, ...s.counts } };
}

// Every function below rethrows IndexedDB failures as StorageError.
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** All talk points, sorted by name (locale-aware, so Chinese names sort by the user's collation). */
export function listTalkPoints(db: YishiDatabase): Promise<TalkPoint[]> {
  return guarded(async () => {
    const all = await db.getAll("talkPoints");
    return all.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  });
}

/** Create or replace a talk point (the caller sets `updatedAt`). */
export function putTalkPoint(db: YishiDatabase, tp: TalkPoint): Promise<void> {
  return guarded(async () => {
    await db.put("talkPoints", tp);
    await deviceRecordChanged(db);
  });
}

/** Delete a talk point. Its sessions are kept (they still carry its id); delete them first if wanted. */
export function deleteTalkPoint(db: YishiDatabase, id: string): Promise<void> {
  return guarded(async () => {
    await db.delete("talkPoints", id);
    await deviceRecordChanged(db);
  });
}

// Newest first; ties by id so the order is stable.
const byStartsAtDesc = (a: SessionSummary, b: SessionSummary): number =>
  a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Session summaries, newest first by `startsAt`; only those of one talk point when `talkPointId` is given.
 * @example const recent = (await listSessions(db, tp.id)).slice(0, 5);
 */
export function listSessions(db: YishiDatabase, talkPointId?: string): Promise<SessionSummary[]> {
  return guarded(async () => {
    const rows =
      talkPointId === undefined
        ? await db.getAllFromIndex("sessions", "byStartsAt")
        : await db.getAllFromIndex("sessions", "byTalkPoint", talkPointId);
    return rows.map(withDefaults).sort(byStartsAtDesc);
  });
}

/** One session summary, or undefined when there is none. */
export function getSessionSummary(db: YishiDatabase, id: string): Promise<SessionSummary | undefined> {
  return guarded(async () => {
    const row = await db.get("sessions", id);
    return row && withDefaults(row);
  });
}

/** Create or replace a session summary. */
export function putSessionSummary(db: YishiDatabase, s: SessionSummary): Promise<void> {
  return guarded(async () => {
    await db.put("sessions", s);
  });
}

/**
 * Delete a session: its summary, its stored updates and its quarantined updates, in one transaction.
 * Destroy any SessionStore open on it first, or its next save writes the session back.
 */
export function deleteSession(db: YishiDatabase, id: string): Promise<void> {
  return deleteSessionData(db, id);
}

/**
 * Ask the browser not to evict our data under storage pressure. Resolves false where unsupported or
 * refused; never rejects.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = globalThis.navigator?.storage;
    if (typeof storage?.persist !== "function") return false;
    if ((await storage.persisted?.()) === true) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Bytes used and available to this origin, or null where the browser cannot tell. Never rejects. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const storage = globalThis.navigator?.storage;
    if (typeof storage?.estimate !== "function") return null;
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
