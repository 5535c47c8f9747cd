// Readers: the workspace as plain records, cleaned (defaults filled, unknown keys kept, broken entries
// skipped), each matter's state folded from its log (lifecycle.ts).
import * as Y from "yjs";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "../civilTime.ts";
import { byOrder } from "../order.ts";
import { isValidSchedule, type Schedule } from "../talkPoint.ts";
import { foldLifecycle } from "./lifecycle.ts";
import {
  DIRECTORY_KINDS,
  FEEDBACK_HOWS,
  type CommunityCategory,
  type CommunityMeta,
  type CommunityTalkPoint,
  type DirectoryEntry,
  type Matter,
  type MatterEvent,
  type MatterEventKind,
  type SessionEntry,
  type WorkspaceSnapshot,
} from "./schema.ts";
import { isNewerWorkspace, workspaceRoots, type YRecord } from "./workspaceDoc.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const idOrNull = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

const EVENT_KINDS: readonly MatterEventKind[] = [
  "created",
  "assign",
  "start",
  "escalate",
  "acknowledge",
  "resolve",
  "feedback",
  "reopen",
  "discussed",
];

/** The map records of a root as JSON with their ids, cleaned by `clean`; non-maps skipped. */
function read<T>(ymap: Y.Map<YRecord>, clean: (j: Json) => T): T[] {
  const out: T[] = [];
  ymap.forEach((record: unknown, id) => {
    if (record instanceof Y.Map) out.push(clean({ ...(record as YRecord).toJSON(), id }));
  });
  return out;
}

/** The workspace header; a time zone this device does not know falls back to the default. */
export function readCommunityMeta(doc: Y.Doc): CommunityMeta {
  const m = workspaceRoots(doc).meta.toJSON() as Json;
  const tz = str(m.timeZone);
  return {
    ...m,
    schemaVersion: num(m.schemaVersion),
    id: str(m.id),
    name: str(m.name),
    timeZone: tz && isValidTimeZone(tz) ? tz : DEFAULT_TIME_ZONE,
    createdAt: num(m.createdAt),
  };
}

const FALLBACK_SCHEDULE: Schedule = { kind: "monthDays", days: [1], time: "10:00" };

export const cleanTalkPoint = (j: Json): CommunityTalkPoint => ({
  ...j,
  id: str(j.id),
  name: str(j.name),
  location: str(j.location),
  facilitator: str(j.facilitator),
  schedule:
    isObject(j.schedule) && isValidSchedule(j.schedule as Schedule)
      ? (j.schedule as Schedule)
      : FALLBACK_SCHEDULE,
  createdAt: num(j.createdAt),
  deleted: j.deleted === true,
});

export const cleanDirectoryEntry = (j: Json): DirectoryEntry => ({
  ...j,
  id: str(j.id),
  order: str(j.order),
  name: str(j.name),
  kind: DIRECTORY_KINDS.includes(j.kind as never) ? (j.kind as DirectoryEntry["kind"]) : "other",
  contact: str(j.contact),
  retired: j.retired === true,
});

export const cleanCategory = (j: Json): CommunityCategory => ({
  ...j,
  id: str(j.id),
  order: str(j.order),
  label: str(j.label),
});

export const cleanSessionEntry = (j: Json): SessionEntry => ({
  ...j,
  id: str(j.id),
  talkPointId: str(j.talkPointId),
  title: str(j.title),
  startsAt: str(j.startsAt),
  headcount: Math.max(0, num(j.headcount)),
  visitors: Math.max(0, num(j.visitors)),
  issues: Math.max(0, num(j.issues)),
  urgent: Math.max(0, num(j.urgent)),
  locked: j.locked === true,
  createdAt: num(j.createdAt),
});

/** A step as stored by any peer, or null when it is not one (skipped, never fatal). */
export function cleanEvent(raw: unknown): MatterEvent | null {
  if (!isObject(raw) || !EVENT_KINDS.includes(raw.kind as MatterEventKind)) return null;
  const e: MatterEvent = {
    ...raw,
    id: str(raw.id),
    at: num(raw.at),
    by: str(raw.by),
    kind: raw.kind as MatterEventKind,
  };
  for (const key of [
    "owner",
    "due",
    "departmentId",
    "department",
    "reason",
    "deadline",
    "person",
    "commitment",
    "on",
    "note",
    "sessionId",
  ] as const) {
    if (key in raw) e[key] = str(raw[key]);
  }
  if ("ownerKind" in raw) e.ownerKind = raw.ownerKind === "unit" ? "unit" : "person";
  if ("how" in raw)
    e.how = FEEDBACK_HOWS.includes(raw.how as never) ? (raw.how as MatterEvent["how"]) : "inPerson";
  if ("satisfied" in raw) e.satisfied = raw.satisfied === true;
  return e;
}

/** The steps of every matter, in log order, grouped by matter (broken entries skipped). */
export function stepsByMatter(doc: Y.Doc): Map<string, MatterEvent[]> {
  const out = new Map<string, MatterEvent[]>();
  for (const raw of workspaceRoots(doc).steps.toArray()) {
    const matter = isObject(raw) ? raw.matter : undefined;
    const step = cleanEvent(raw);
    if (typeof matter !== "string" || !step) continue;
    let list = out.get(matter);
    if (!list) out.set(matter, (list = []));
    list.push(step);
  }
  return out;
}

/** A matter from what was raised (`info`) and its steps: its handling folded from its log. */
export function matterFrom(info: Json, id: string, steps: readonly MatterEvent[]): Matter {
  const anonymous = info.anonymous === true;
  const sessionId = str(info.sessionId);
  const life = foldLifecycle(sessionId, steps);
  // Known fields first and always in the same order: every matter then has one shape, which keeps the
  // register's filters and sorts over thousands of them fast. Unknown keys (a newer peer's) follow.
  const matter: Matter = {
    id,
    sessionId,
    talkPointId: str(info.talkPointId),
    issueId: idOrNull(info.issueId),
    voteId: idOrNull(info.voteId),
    raisedOn: str(info.raisedOn),
    text: str(info.text),
    action: str(info.action),
    categoryId: str(info.categoryId) || "other",
    category: str(info.category),
    urgent: info.urgent === true,
    raisedBy: anonymous ? "" : str(info.raisedBy),
    anonymous,
    location: str(info.location),
    createdAt: num(info.createdAt),
    status: life.status,
    owner: life.owner,
    ownerKind: life.ownerKind,
    due: life.due,
    escalation: life.escalation,
    acknowledgement: life.acknowledgement,
    resolution: life.resolution,
    feedback: life.feedback,
    reopened: life.reopened,
    sessions: life.sessions,
    history: life.history,
  };
  for (const [key, value] of Object.entries(info))
    if (!(key in matter) && key !== "matter") (matter as unknown as Json)[key] = value;
  return matter;
}

/** One matter now, or null when there is none with that id. */
export function readMatter(doc: Y.Doc, id: string): Matter | null {
  const info: unknown = workspaceRoots(doc).matters.get(id);
  if (!isObject(info)) return null;
  const steps = workspaceRoots(doc)
    .steps.toArray()
    .filter((raw) => isObject(raw) && raw.matter === id)
    .map(cleanEvent)
    .filter((e) => e !== null);
  return matterFrom(info, id, steps);
}

/** A matter's state for a mutator's check (notFound when there is none). */
export function matterState(doc: Y.Doc, id: string): Matter {
  const matter = readMatter(doc, id);
  if (!matter) throw new Error(`no matter ${id}`);
  return matter;
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, "zh") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const readTalkPoints = (doc: Y.Doc): CommunityTalkPoint[] =>
  read(workspaceRoots(doc).talkPoints, cleanTalkPoint).sort(byName);
export const readDirectory = (doc: Y.Doc): DirectoryEntry[] =>
  read(workspaceRoots(doc).directory, cleanDirectoryEntry).sort(byOrder);
export const readCategories = (doc: Y.Doc): CommunityCategory[] =>
  read(workspaceRoots(doc).categories, cleanCategory).sort(byOrder);
export const readSessions = (doc: Y.Doc): SessionEntry[] =>
  read(workspaceRoots(doc).sessions, cleanSessionEntry).sort((a, b) =>
    a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : a.id < b.id ? -1 : 1,
  );
/** Every matter, oldest first (by the day raised, then when it was made). */
export function readMatters(doc: Y.Doc): Matter[] {
  const steps = stepsByMatter(doc);
  const out: Matter[] = [];
  workspaceRoots(doc).matters.forEach((info, id) => {
    if (isObject(info)) out.push(matterFrom(info, id, steps.get(id) ?? []));
  });
  return out.sort(byRaised);
}

/** Oldest first: by the day raised, then when it was made, then id. */
export const byRaised = (a: Matter, b: Matter): number =>
  a.raisedOn < b.raisedOn
    ? -1
    : a.raisedOn > b.raisedOn
      ? 1
      : a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The whole workspace as plain data. */
export function workspaceSnapshot(doc: Y.Doc): WorkspaceSnapshot {
  return {
    meta: readCommunityMeta(doc),
    talkPoints: readTalkPoints(doc),
    directory: readDirectory(doc),
    categories: readCategories(doc),
    sessions: readSessions(doc),
    matters: readMatters(doc),
    readOnly: isNewerWorkspace(doc),
  };
}
