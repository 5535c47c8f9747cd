// Cleaning records read from a document or a stored copy: defaults filled, unknown keys kept (a newer peer's
// fields survive), broken nested entries skipped, and the rules the mutators keep restored on read, so a
// merged state no single mutator allows (an anonymous issue that still has a name) is never shown.
import { byOrder } from "../order.ts";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "../civilTime.ts";
import { cleanHistory, cleanResult, cleanThreshold, closeInForce, statusOf } from "./voteState.ts";
import {
  AGENDA_STATUSES,
  ATTENDEE_ROLES,
  FOLLOW_UP_STATUSES,
  type AgendaItem,
  type Attendee,
  type Category,
  type FinalisedState,
  type FollowUp,
  type FollowUpHistoryEntry,
  type Issue,
  type ReportBackItem,
  type SessionMeta,
  type Vote,
  type VoteOption,
} from "./schema.ts";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown, d = ""): string => (typeof v === "string" ? v : d);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const num0 = (v: unknown): number => num(v) ?? 0;
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], d: T): T =>
  allowed.includes(v as T) ? (v as T) : d;
const idOrNull = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** The session header; `agendaIds` are the items that exist (a concurrent delete can orphan the marker). */
export function cleanMeta(raw: Json, agendaIds: ReadonlySet<string>): SessionMeta {
  // An older app kept the room's share code here: it is a secret of this device, never shown or frozen.
  const { shareCode: _secret, ...m } = raw;
  const tp = isObject(m.talkPoint) ? m.talkPoint : {};
  return {
    ...m,
    schemaVersion: num0(m.schemaVersion),
    id: str(m.id),
    communityId: str(m.communityId),
    timeZone: typeof m.timeZone === "string" && isValidTimeZone(m.timeZone) ? m.timeZone : DEFAULT_TIME_ZONE,
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
    currentAgendaId:
      typeof m.currentAgendaId === "string" && agendaIds.has(m.currentAgendaId) ? m.currentAgendaId : null,
    createdAt: num0(m.createdAt),
  };
}

export const cleanAttendee = (j: Json): Attendee => ({
  ...j,
  id: str(j.id),
  order: str(j.order),
  name: str(j.name),
  role: oneOf(j.role, ATTENDEE_ROLES, "resident"),
});

export const cleanCategory = (j: Json): Category => ({
  ...j,
  id: str(j.id),
  order: str(j.order),
  label: str(j.label),
});

/** A countdown runs only on an item that has a time box and is not done (two tablets can merge into that). */
export function cleanAgendaItem(j: Json): AgendaItem {
  const status = oneOf(j.status, AGENDA_STATUSES, "pending");
  const timeboxMin = num(j.timeboxMin);
  const started = num(j.timerStartedAt);
  return {
    ...j,
    id: str(j.id),
    order: str(j.order),
    title: str(j.title),
    kind: str(j.kind),
    status,
    timeboxMin,
    timerStartedAt: status === "done" || timeboxMin === null ? null : started,
    notes: str(j.notes),
  };
}

/** An anonymous issue never carries a name, whichever tablet typed it. */
export function cleanIssue(j: Json): Issue {
  const anonymous = j.anonymous === true;
  return {
    ...j,
    id: str(j.id),
    order: str(j.order),
    text: str(j.text),
    raisedBy: anonymous ? "" : str(j.raisedBy),
    anonymous,
    contact: str(j.contact),
    location: str(j.location),
    categoryId: str(j.categoryId) || "other",
    urgent: j.urgent === true,
    agendaId: idOrNull(j.agendaId),
    createdAt: num0(j.createdAt),
    sameAs: str(j.sameAs),
    settled: str(j.settled),
  };
}

/** An option of a vote; `count` is given by the caller (the live reader sums the tallies). */
export const cleanOption = (o: Json, count: number): VoteOption => ({
  ...o,
  id: str(o.id),
  order: str(o.order),
  label: str(o.label),
  role: oneOf(o.role, ["for", "against", "abstain", "choice"] as const, "choice"),
  count: Math.max(0, count),
});

/**
 * A vote from plain data whose options are already a list with counts. The status follows the history;
 * the result recorded at the close in force is kept only while the vote is closed.
 */
export function cleanVote(j: Json, options: VoteOption[], history = cleanHistory(j.history)): Vote {
  const status = statusOf(history, j.status);
  const close = status === "closed" ? closeInForce(history) : null;
  return {
    ...j,
    id: str(j.id),
    order: str(j.order),
    motion: str(j.motion),
    options: [...options].sort(byOrder),
    status,
    mode: j.mode === "minority" ? "minority" : "count",
    present: num(j.present),
    quorum: num(j.quorum),
    threshold: cleanThreshold(j.threshold),
    issueId: idOrNull(j.issueId),
    agendaId: idOrNull(j.agendaId),
    openedAt: num(j.openedAt),
    closedAt: num(j.closedAt),
    history,
    result: close ? cleanResult(close.result) : null,
  };
}

function cleanFollowUpHistory(raw: unknown): FollowUpHistoryEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((e) => ({
    ...e,
    at: num0(e.at),
    by: str(e.by),
    field: str(e.field),
    from: str(e.from),
    to: str(e.to),
    ...(typeof e.note === "string" ? { note: e.note } : {}),
    ...(typeof e.deadline === "string" ? { deadline: e.deadline } : {}),
  }));
}

export const cleanFollowUp = (j: Json): FollowUp => ({
  ...j,
  id: str(j.id),
  order: str(j.order),
  action: str(j.action),
  issueId: idOrNull(j.issueId),
  voteId: idOrNull(j.voteId),
  owner: str(j.owner),
  ownerKind: j.ownerKind === "unit" ? "unit" : "person",
  due: str(j.due),
  status: oneOf(j.status, FOLLOW_UP_STATUSES, "open"),
  escalatedTo: str(j.escalatedTo),
  createdAt: num0(j.createdAt),
  history: cleanFollowUpHistory(j.history),
});

export const cleanReportBack = (j: Json): ReportBackItem => ({
  ...j,
  id: str(j.id),
  order: str(j.order),
  text: str(j.text),
  statusThen: str(j.statusThen),
  said: str(j.said),
});

/** Each object of a stored list cleaned, anything else skipped, sorted by order. */
function list<T extends { id: string; order: string }>(raw: unknown, clean: (j: Json) => T): T[] {
  return Array.isArray(raw) ? raw.filter(isObject).map(clean).sort(byOrder) : [];
}

/** A finalised state (see lock.ts) as stored by any app version, cleaned like a live document. */
export function cleanFinalised(raw: unknown): FinalisedState | null {
  if (!isObject(raw) || !isObject(raw.meta)) return null;
  const agenda = list(raw.agenda, cleanAgendaItem);
  return {
    meta: cleanMeta(raw.meta, new Set(agenda.map((a) => a.id))),
    notes: str(raw.notes),
    headcount: Math.max(0, num0(raw.headcount)),
    attendees: list(raw.attendees, cleanAttendee),
    categories: list(raw.categories, cleanCategory),
    agenda,
    issues: list(raw.issues, cleanIssue),
    votes: list(raw.votes, (j) =>
      cleanVote(
        j,
        (Array.isArray(j.options) ? j.options : [])
          .filter(isObject)
          .map((o) => cleanOption(o, num0(o.count))),
      ),
    ),
    followUps: list(raw.followUps, cleanFollowUp),
    reportBack: list(raw.reportBack, cleanReportBack),
    minutes: str(raw.minutes),
  };
}
