// One Yjs document per session: its root types, the transaction wrapper every mutator uses, and creation.
import * as Y from "yjs";
import { isDeviceReadOnly } from "../device.ts";
import { DocError, limitText, requireText } from "../docError.ts";
import { DEFAULT_CATEGORIES, LIMITS, SCHEMA_VERSION, type TalkPointInfo } from "./schema.ts";
import { generateNKeysBetween } from "fractional-indexing";

/** Origin of discrete local edits (taps, adds, deletes): these are what the undo button reverts. */
export const LOCAL_ORIGIN = "yishi:local";
/** Origin of typing in a text field: not tracked by undo (the field has its own). */
export const TEXT_ORIGIN = "yishi:text";
/**
 * Origin of recorded steps that Undo must not take back: opening and closing a vote (each is in the vote's
 * history), locking and reopening the minutes. Reverting them is done by another recorded step.
 */
export const RECORD_ORIGIN = "yishi:record";
/** Origin of repairs that restore a rule a merge broke (see repair.ts): allowed in a locked session. */
export const REPAIR_ORIGIN = "yishi:repair";

export type YRecord = Y.Map<unknown>;

/** The document's root types, by name. Names are part of the stored format: never rename them. */
export function roots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>("meta"),
    notes: doc.getText("notes"),
    headcount: doc.getMap<number>("headcount"),
    /** Typed corrections of the head count (see tally.ts), in causal order. */
    headcountLog: doc.getArray<unknown>("headcountLog"),
    attendees: doc.getMap<YRecord>("attendees"),
    categories: doc.getMap<YRecord>("categories"),
    agenda: doc.getMap<YRecord>("agenda"),
    issues: doc.getMap<YRecord>("issues"),
    votes: doc.getMap<YRecord>("votes"),
    followUps: doc.getMap<YRecord>("followUps"),
    /** The community's matters reported back on at this session (逐一反馈), by matter id. */
    reportBack: doc.getMap<YRecord>("reportBack"),
    /** The secretary's own text of the minutes (amendments to the generated draft). */
    minutes: doc.getText("minutes"),
    /** Append-only record of locking (finalising) and reopening the minutes, in causal order. */
    lockLog: doc.getArray<unknown>("lockLog"),
    /** The informal show of hands on screen (not part of the minutes) and its per-device counts. */
    quickPoll: doc.getMap<unknown>("quickPoll"),
    quickTally: doc.getMap<number>("quickTally"),
  };
}

export type Roots = ReturnType<typeof roots>;

export interface LockEntry {
  at: number;
  by: string;
  kind: "lock" | "reopen";
  /** A lock's record of what it finalised: the state vector (base64) and the state as JSON (see lock.ts). */
  sv?: string;
  finalised?: string;
}

/** A lock log entry as stored by any peer, or null when it is not one (a null from a buggy peer, say). */
export function asLockEntry(value: unknown): LockEntry | null {
  const e = value as Partial<LockEntry> | null;
  if (typeof e !== "object" || e === null || (e.kind !== "lock" && e.kind !== "reopen")) return null;
  return {
    ...e,
    kind: e.kind,
    at: typeof e.at === "number" ? e.at : 0,
    by: typeof e.by === "string" ? e.by : "",
  };
}

/**
 * The lock in force, or null while the session is open. The log is append-only and a tablet appends only
 * after what it has seen, so its order is the document's causal order: the last entry decides, whatever
 * the tablets' clocks said (concurrent entries get the same order on every tablet).
 */
export function lockState(doc: Y.Doc): LockEntry | null {
  const log = roots(doc).lockLog;
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = asLockEntry(log.get(i));
    if (entry) return entry.kind === "lock" ? entry : null;
  }
  return null;
}
export type CollectionName =
  "attendees" | "categories" | "agenda" | "issues" | "votes" | "followUps" | "reportBack";

export { actorOf, setActor, setDeviceReadOnly } from "../device.ts";

/** True when a newer app wrote this document: it opens read-only rather than being damaged. */
export function isNewerThanApp(doc: Y.Doc): boolean {
  const v = roots(doc).meta.get("schemaVersion");
  return typeof v === "number" && v > SCHEMA_VERSION;
}

/** True on a display device or for a document a newer app wrote: nothing may be written. */
export function isReadOnly(doc: Y.Doc): boolean {
  return isNewerThanApp(doc) || isDeviceReadOnly(doc);
}

/** Refuses when this device may not write the document at all (a display, a newer document). */
export function assertWritable(doc: Y.Doc): void {
  if (isReadOnly(doc)) throw new DocError("readOnly");
}

/** Refuses while the minutes are locked. */
export function assertUnlocked(doc: Y.Doc): void {
  const lock = lockState(doc);
  if (lock) throw new DocError("locked", { by: lock.by, at: lock.at });
}

/** One transaction with `origin`; a document of an older layout is marked with ours (it now holds ours). */
export function transactWritable<T>(doc: Y.Doc, fn: (r: Roots) => T, origin: string): T {
  assertWritable(doc);
  let result!: T;
  doc.transact(() => {
    const r = roots(doc);
    const version = r.meta.get("schemaVersion");
    if (typeof version === "number" && version < SCHEMA_VERSION) r.meta.set("schemaVersion", SCHEMA_VERSION);
    result = fn(r);
  }, origin);
  return result;
}

/** Runs `fn` as one transaction with `origin`, after checking the document may be written and is not locked. */
export function change<T>(doc: Y.Doc, fn: (r: Roots) => T, origin: string = LOCAL_ORIGIN): T {
  assertWritable(doc);
  assertUnlocked(doc);
  return transactWritable(doc, fn, origin);
}

/** A new record map holding `fields`; string values of `textKeys` become Y.Text. */
export function makeRecord(fields: Record<string, unknown>, textKeys: readonly string[] = []): YRecord {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    record.set(key, textKeys.includes(key) ? new Y.Text(String(value ?? "")) : value);
  }
  return record;
}

/** The record `id` in a collection, or a notFound error (also for an entry a peer stored as something else). */
export function getRecord(r: Roots, collection: CollectionName, id: string): YRecord {
  const record: unknown = r[collection].get(id);
  if (!(record instanceof Y.Map)) throw new DocError("notFound", { collection, id });
  return record as YRecord;
}

/** The records of a collection that are maps, with their ids (anything else a peer stored is skipped). */
export function recordsOf(r: Roots, collection: CollectionName): [string, YRecord][] {
  const out: [string, YRecord][] = [];
  r[collection].forEach((record: unknown, id) => {
    if (record instanceof Y.Map) out.push([id, record as YRecord]);
  });
  return out;
}

export interface SessionInit {
  id: string;
  communityId?: string;
  timeZone?: string;
  talkPoint: TalkPointInfo;
  title: string;
  startsAt: string;
  place?: string;
  facilitator?: string;
  recorder?: string;
  createdAt?: number;
}

/** Fills a fresh document with a session's metadata and the default categories. */
export function initSessionDoc(doc: Y.Doc, init: SessionInit): Y.Doc {
  requireText(init.title, "title");
  limitText(init.title, LIMITS.short, "title");
  change(doc, (r) => {
    r.meta.set("schemaVersion", SCHEMA_VERSION);
    r.meta.set("id", init.id);
    r.meta.set("communityId", init.communityId ?? "");
    if (init.timeZone) r.meta.set("timeZone", init.timeZone);
    r.meta.set("talkPoint", { ...init.talkPoint });
    r.meta.set("title", init.title);
    r.meta.set("startsAt", init.startsAt);
    r.meta.set("place", init.place ?? init.talkPoint.location);
    r.meta.set("facilitator", init.facilitator ?? "");
    r.meta.set("recorder", init.recorder ?? "");
    r.meta.set("currentAgendaId", null);
    r.meta.set("createdAt", init.createdAt ?? Date.now());
    const keys = generateNKeysBetween(null, null, DEFAULT_CATEGORIES.length);
    DEFAULT_CATEGORIES.forEach((id, i) => {
      r.categories.set(id, makeRecord({ id, label: "", order: keys[i] }));
    });
  });
  return doc;
}

/**
 * An undo manager over every root, tracking discrete local edits only; each action is its own undo step.
 * Locking the minutes (here or on another tablet) empties its stacks: nothing from before finalisation can
 * be taken back afterwards, even after a reopen. Call `undoChecked` rather than `undo()`.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const r = roots(doc);
  const manager = new Y.UndoManager(
    [
      r.meta,
      r.headcount,
      r.headcountLog,
      r.attendees,
      r.categories,
      r.agenda,
      r.issues,
      r.votes,
      r.followUps,
      r.reportBack,
      r.minutes,
      r.quickTally,
    ],
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 },
  );
  const onLock = () => {
    if (lockState(doc)) manager.clear();
  };
  r.lockLog.observe(onLock);
  const destroy = manager.destroy;
  manager.destroy = () => {
    r.lockLog.unobserve(onLock);
    destroy();
  };
  return manager;
}

/** Undo (or redo) one step, refused on a read-only device or in a locked session like any other edit. */
export function undoChecked(doc: Y.Doc, manager: Y.UndoManager, redo = false): void {
  assertWritable(doc);
  assertUnlocked(doc);
  if (redo) manager.redo();
  else manager.undo();
}
