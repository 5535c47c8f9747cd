// One Yjs document per session: its root types, the transaction wrapper every mutator uses, and creation.
import * as Y from "yjs";
import { DocError, limitText, requireText } from "./docError.ts";
import { DEFAULT_CATEGORIES, LIMITS, SCHEMA_VERSION, type TalkPointInfo } from "./schema.ts";
import { generateNKeysBetween } from "fractional-indexing";

/** Origin of discrete local edits (taps, adds, deletes): these are what the undo button reverts. */
export const LOCAL_ORIGIN = "yishi:local";
/** Origin of typing in a text field: not tracked by undo (the field has its own). */
export const TEXT_ORIGIN = "yishi:text";

export type YRecord = Y.Map<unknown>;

/** The document's root types, by name. Names are part of the stored format: never rename them. */
export function roots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>("meta"),
    notes: doc.getText("notes"),
    headcount: doc.getMap<number>("headcount"),
    attendees: doc.getMap<YRecord>("attendees"),
    categories: doc.getMap<YRecord>("categories"),
    agenda: doc.getMap<YRecord>("agenda"),
    issues: doc.getMap<YRecord>("issues"),
    votes: doc.getMap<YRecord>("votes"),
    followUps: doc.getMap<YRecord>("followUps"),
    /** The secretary's own text of the minutes (amendments to the generated draft). */
    minutes: doc.getText("minutes"),
    /** Append-only record of locking (finalising) and reopening the minutes. */
    lockLog: doc.getArray<LockEntry>("lockLog"),
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
}

/** The latest lock entry when the session is locked (finalised), else null. Concurrent entries order by time. */
export function lockState(doc: Y.Doc): LockEntry | null {
  const entries = roots(doc).lockLog.toArray();
  const last = entries.reduce<LockEntry | null>((a, e) => (!a || e.at >= a.at ? e : a), null);
  return last?.kind === "lock" ? last : null;
}
export type CollectionName = "attendees" | "categories" | "agenda" | "issues" | "votes" | "followUps";

const actors = new WeakMap<Y.Doc, string>();

/** Names this device in history entries ("secretary tablet"). */
export function setActor(doc: Y.Doc, name: string): void {
  actors.set(doc, name);
}
export function actorOf(doc: Y.Doc): string {
  return actors.get(doc) ?? "";
}

/** True when a newer app wrote this document: it opens read-only rather than being damaged. */
export function isNewerThanApp(doc: Y.Doc): boolean {
  const v = roots(doc).meta.get("schemaVersion");
  return typeof v === "number" && v > SCHEMA_VERSION;
}

const readOnlyDevices = new WeakSet<Y.Doc>();

/** Marks this device's copy as view-only (a residents' display): every mutator then refuses. */
export function setDeviceReadOnly(doc: Y.Doc): void {
  readOnlyDevices.add(doc);
}

/** Runs `fn` as one transaction with `origin`, after checking the document may be written. */
export function change<T>(doc: Y.Doc, fn: (r: Roots) => T, origin: string = LOCAL_ORIGIN): T {
  if (isNewerThanApp(doc) || readOnlyDevices.has(doc)) throw new DocError("readOnly");
  const lock = lockState(doc);
  if (lock) throw new DocError("locked", { by: lock.by, at: lock.at });
  let result!: T;
  doc.transact(() => {
    result = fn(roots(doc));
  }, origin);
  return result;
}

/** A new record map holding `fields`; string values of `textKeys` become Y.Text. */
export function makeRecord(fields: Record<string, unknown>, textKeys: readonly string[] = []): YRecord {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    record.set(key, textKeys.includes(key) ? new Y.Text(String(value ?? "")) : value);
  }
  return record;
}

/** The record `id` in a collection, or a notFound error. */
export function getRecord(r: Roots, collection: CollectionName, id: string): YRecord {
  const record = r[collection].get(id);
  if (!record) throw new DocError("notFound", { collection, id });
  return record;
}

export interface SessionInit {
  id: string;
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

/** An undo manager over every root, tracking discrete local edits only; each action is its own undo step. */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const r = roots(doc);
  return new Y.UndoManager(
    [
      r.meta,
      r.headcount,
      r.attendees,
      r.categories,
      r.agenda,
      r.issues,
      r.votes,
      r.followUps,
      r.minutes,
      r.quickTally,
    ],
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 },
  );
}
