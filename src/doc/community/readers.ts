// Readers: the workspace as plain records, cleaned (defaults filled, unknown keys kept, broken entries
// skipped), each matter's state folded from its log (lifecycle.ts).
import * as Y from "yjs";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "../civilTime.ts";
import { byOrder } from "../order.ts";
import { isValidSchedule, type Schedule } from "../talkPoint.ts";
import { DocError } from "../docError.ts";
import { foldLifecycle } from "./lifecycle.ts";
import { buildMatterIndex, type MatterIndex } from "./matterIndex.ts";
import { civilDates } from "./report/fastDates.ts";
import {
  DIRECTORY_KINDS,
  type CommunityCategory,
  type CommunityMeta,
  type CommunityTalkPoint,
  type DirectoryEntry,
  type Matter,
  type SessionEntry,
  type WorkspaceSnapshot,
} from "./schema.ts";
import { isNewerWorkspace, workspaceRoots, type YRecord } from "./workspaceDoc.ts";
import { idOrNull, isObject, num, str, type Json } from "./plainValues.ts";

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
  // An older version did not say: a session where nothing was counted was not held.
  held:
    typeof j.held === "boolean"
      ? j.held
      : num(j.headcount) > 0 || num(j.issues) > 0 || num(j.visitors) > 0 || j.locked === true,
  createdAt: num(j.createdAt),
});

/** The civil day of an instant in the community's zone ("" for one that is not an instant). */
export function dayReader(timeZone: string): (at: number) => string {
  const dates = civilDates(timeZone);
  return (at) => dates(at) ?? "";
}

/** Matter `id` of the index, its handling folded from its log, or null when there is none. */
export function matterOf(index: MatterIndex, id: string, dayOf: (at: number) => string): Matter | null {
  const info = index.infos.get(id);
  if (!info) return null;
  const anonymous = info.anonymous === true;
  const sessionId = str(info.sessionId);
  const life = foldLifecycle({
    sessionId,
    actions: index.actions.get(id) ?? [],
    steps: index.steps.get(id) ?? [],
    dayOf,
  });
  for (const linked of index.linkedFrom.get(id) ?? [])
    if (linked && !life.sessions.includes(linked)) life.sessions.push(linked);
  // An issue deleted in its session, or linked there to an earlier matter, is out of the count (kept).
  const sameAs = str(info.sameAs);
  if (info.removed === true) {
    life.status = "withdrawn";
    life.withdrawal = { why: "removedInSession", note: "", of: "", on: "" };
  } else if (sameAs && sameAs !== id) {
    life.status = "withdrawn";
    life.withdrawal = { why: "sameAs", note: "", of: sameAs, on: "" };
  }
  // Known fields first and always in the same order: every matter then has one shape, which keeps the
  // register's filters and sorts over thousands of them fast. Unknown keys (a newer peer's) follow.
  const matter: Matter = {
    id,
    sessionId,
    talkPointId: str(info.talkPointId),
    issueId: idOrNull(info.issueId),
    raisedOn: str(info.raisedOn),
    text: str(info.text),
    categoryId: str(info.categoryId) || "other",
    category: str(info.category),
    urgent: info.urgent === true,
    raisedBy: anonymous ? "" : str(info.raisedBy),
    anonymous,
    location: str(info.location),
    createdAt: num(info.createdAt),
    ...life,
  };
  for (const [key, value] of Object.entries(info))
    if (!(key in matter) && !INTERNAL_INFO.has(key)) (matter as unknown as Json)[key] = value;
  return matter;
}

/** Keys of a matter's stored info that are not fields of the Matter record. */
const INTERNAL_INFO = new Set(["v", "sameAs", "removed", "matter", "action", "voteId"]);

/** One matter now, or null when there is none with that id. */
export function readMatter(doc: Y.Doc, id: string): Matter | null {
  return matterOf(buildMatterIndex(doc, id), id, dayReader(readCommunityMeta(doc).timeZone));
}

/** A matter's state for a mutator's check (notFound when there is none). */
export function matterState(doc: Y.Doc, id: string): Matter {
  const matter = readMatter(doc, id);
  if (!matter) throw new DocError("notFound", { collection: "matters", id });
  return matter;
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, "zh") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const readTalkPoints = (doc: Y.Doc): CommunityTalkPoint[] =>
  read(workspaceRoots(doc).talkPoints, cleanTalkPoint).sort(byName);
/**
 * The directory in its order, one entry per name: two tablets that each made the same community (or added
 * the same department) before they were paired keep the first entry of each name.
 */
export function readDirectory(doc: Y.Doc): DirectoryEntry[] {
  const seen = new Set<string>();
  return read(workspaceRoots(doc).directory, cleanDirectoryEntry)
    .sort(byOrder)
    .filter((d) => {
      const name = d.name.trim();
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    });
}
export const readCategories = (doc: Y.Doc): CommunityCategory[] =>
  read(workspaceRoots(doc).categories, cleanCategory).sort(byOrder);
export const readSessions = (doc: Y.Doc): SessionEntry[] =>
  read(workspaceRoots(doc).sessions, cleanSessionEntry).sort((a, b) =>
    a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : a.id < b.id ? -1 : 1,
  );
/** Every matter, oldest first (by the day raised, then when it was made). */
export function readMatters(doc: Y.Doc): Matter[] {
  const index = buildMatterIndex(doc);
  const dayOf = dayReader(readCommunityMeta(doc).timeZone);
  const out: Matter[] = [];
  for (const id of index.infos.keys()) out.push(matterOf(index, id, dayOf)!);
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
