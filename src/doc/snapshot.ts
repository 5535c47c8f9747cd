// Readers: the document as plain records for the UI, with defaults filled and unknown keys kept (newer peers).
import * as Y from "yjs";
import { counterTotal, counterTotals } from "./counter.ts";
import { byOrder } from "./order.ts";
import { isNewerThanApp, lockState, roots, type YRecord } from "./sessionDoc.ts";
import { HEADCOUNT_SCOPE } from "./schema.ts";
import type {
  AgendaItem,
  Attendee,
  Category,
  FollowUp,
  Issue,
  SessionMeta,
  SessionSnapshot,
  Vote,
  VoteOption,
} from "./schema.ts";
import { DEFAULT_THRESHOLD } from "./votes.ts";
import { readQuickPoll } from "./quickPoll.ts";

type Json = Record<string, unknown>;

const str = (v: unknown, d = ""): string => (typeof v === "string" ? v : d);
const num = (v: unknown, d: number | null = null): number | null => (typeof v === "number" ? v : d);
const bool = (v: unknown): boolean => v === true;
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

function sorted<T extends { id: string; order: string }>(
  ymap: Y.Map<YRecord>,
  read: (j: Json, y: YRecord) => T,
): T[] {
  const out: T[] = [];
  ymap.forEach((record, id) => {
    if (record instanceof Y.Map) out.push(read({ ...record.toJSON(), id }, record));
  });
  return out.sort(byOrder);
}

/** The session header. */
export function readMeta(doc: Y.Doc): SessionMeta {
  const m = roots(doc).meta.toJSON() as Json;
  const tp = (m.talkPoint ?? {}) as Json;
  return {
    ...m,
    schemaVersion: num(m.schemaVersion, 0)!,
    id: str(m.id),
    talkPoint: {
      ...tp,
      id: str(tp.id),
      name: str(tp.name),
      community: str(tp.community),
      location: str(tp.location),
    },
    title: str(m.title),
    startsAt: str(m.startsAt),
    place: str(m.place),
    facilitator: str(m.facilitator),
    recorder: str(m.recorder),
    // A concurrent delete can leave the marker pointing at nothing.
    currentAgendaId:
      typeof m.currentAgendaId === "string" && roots(doc).agenda.has(m.currentAgendaId)
        ? m.currentAgendaId
        : null,
    createdAt: num(m.createdAt, 0)!,
    shareCode: typeof m.shareCode === "string" ? m.shareCode : null,
  };
}

export const readAttendees = (doc: Y.Doc): Attendee[] =>
  sorted(roots(doc).attendees, (j) => ({
    ...j,
    id: str(j.id),
    order: str(j.order),
    name: str(j.name),
    role: (str(j.role) || "resident") as Attendee["role"],
  }));

export const readCategories = (doc: Y.Doc): Category[] =>
  sorted(roots(doc).categories, (j) => ({ ...j, id: str(j.id), order: str(j.order), label: str(j.label) }));

export const readAgenda = (doc: Y.Doc): AgendaItem[] =>
  sorted(roots(doc).agenda, (j) => ({
    ...j,
    id: str(j.id),
    order: str(j.order),
    title: str(j.title),
    status: (str(j.status) || "pending") as AgendaItem["status"],
    timeboxMin: num(j.timeboxMin),
    timerStartedAt: num(j.timerStartedAt),
    notes: str(j.notes),
  }));

export const readIssues = (doc: Y.Doc): Issue[] =>
  sorted(roots(doc).issues, (j) => ({
    ...j,
    id: str(j.id),
    order: str(j.order),
    text: str(j.text),
    raisedBy: str(j.raisedBy),
    anonymous: bool(j.anonymous),
    contact: str(j.contact),
    location: str(j.location),
    categoryId: str(j.categoryId, "other"),
    urgent: bool(j.urgent),
    agendaId: typeof j.agendaId === "string" ? j.agendaId : null,
    createdAt: num(j.createdAt, 0)!,
  }));

function readOptions(j: Json, tally: unknown): VoteOption[] {
  const totals = counterTotals((tally ?? {}) as Json);
  return Object.entries((j.options ?? {}) as Record<string, Json>)
    .map(([id, o]) => ({
      ...o,
      id,
      order: str(o.order),
      label: str(o.label),
      role: (str(o.role) || "choice") as VoteOption["role"],
      count: Math.max(0, totals.get(id) ?? 0),
    }))
    .sort(byOrder);
}

export const readVotes = (doc: Y.Doc): Vote[] =>
  sorted(roots(doc).votes, ({ tally: _tally, ...j }) => ({
    ...j,
    id: str(j.id),
    order: str(j.order),
    motion: str(j.motion),
    options: readOptions(j, _tally),
    status: (str(j.status) || "draft") as Vote["status"],
    mode: (str(j.mode) || "count") as Vote["mode"],
    present: num(j.present),
    quorum: num(j.quorum),
    threshold: { ...DEFAULT_THRESHOLD, ...((j.threshold ?? {}) as Json) } as Vote["threshold"],
    issueId: typeof j.issueId === "string" ? j.issueId : null,
    agendaId: typeof j.agendaId === "string" ? j.agendaId : null,
    openedAt: num(j.openedAt),
    closedAt: num(j.closedAt),
    history: arr(j.history),
  }));

export const readFollowUps = (doc: Y.Doc): FollowUp[] =>
  sorted(roots(doc).followUps, (j) => ({
    ...j,
    id: str(j.id),
    order: str(j.order),
    action: str(j.action),
    issueId: typeof j.issueId === "string" ? j.issueId : null,
    voteId: typeof j.voteId === "string" ? j.voteId : null,
    owner: str(j.owner),
    ownerKind: (str(j.ownerKind) || "person") as FollowUp["ownerKind"],
    due: str(j.due),
    status: (str(j.status) || "open") as FollowUp["status"],
    escalatedTo: str(j.escalatedTo),
    createdAt: num(j.createdAt, 0)!,
    history: arr(j.history),
  }));

/** The head count now, over every device. */
export const readHeadcount = (doc: Y.Doc): number =>
  Math.max(0, counterTotal(roots(doc).headcount, HEADCOUNT_SCOPE));

/** The whole session as plain data. */
export function snapshot(doc: Y.Doc): SessionSnapshot {
  return {
    meta: readMeta(doc),
    notes: roots(doc).notes.toString(),
    headcount: readHeadcount(doc),
    attendees: readAttendees(doc),
    categories: readCategories(doc),
    agenda: readAgenda(doc),
    issues: readIssues(doc),
    votes: readVotes(doc),
    followUps: readFollowUps(doc),
    readOnly: isNewerThanApp(doc),
    minutes: roots(doc).minutes.toString(),
    lockLog: readLockLog(doc),
    lock: readLock(doc),
    quickPoll: readQuickPoll(doc),
  };
}

/** Locking and reopening of the minutes, by time. */
export const readLockLog = (doc: Y.Doc): SessionSnapshot["lockLog"] =>
  roots(doc)
    .lockLog.toArray()
    .map((e) => ({ at: e.at, by: e.by, kind: e.kind }))
    .sort((a, b) => a.at - b.at);

export const readLock = (doc: Y.Doc): SessionSnapshot["lock"] => {
  const lock = lockState(doc);
  return lock ? { at: lock.at, by: lock.by } : null;
};

/** People present for votes: the head count, or the named attendees when more of them are listed. */
export const presentCount = (s: Pick<SessionSnapshot, "headcount" | "attendees">): number =>
  Math.max(s.headcount, s.attendees.length);
