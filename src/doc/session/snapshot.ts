// Readers: the document as plain records for the UI, cleaned by clean.ts (defaults filled, unknown keys kept,
// broken entries skipped), so nothing a peer stores can make a session unreadable.
import * as Y from "yjs";
import { byOrder } from "../order.ts";
import {
  cleanAgendaItem,
  cleanAttendee,
  cleanCategory,
  cleanFollowUp,
  cleanIssue,
  cleanMeta,
  cleanOption,
  cleanReportBack,
  cleanVote,
  isObject,
  type Json,
} from "./clean.ts";
import { finalisedOf } from "./lock.ts";
import { asLockEntry, isNewerThanApp, lockState, roots, type YRecord } from "./sessionDoc.ts";
import { asCorrection, sharesOf, total, type Correction } from "../tally.ts";
import { cleanHistory, lastCorrection } from "./voteState.ts";
import { HEADCOUNT_SCOPE } from "./schema.ts";
import type {
  AgendaItem,
  Attendee,
  Category,
  FollowUp,
  Issue,
  ReportBackItem,
  SessionMeta,
  SessionSnapshot,
  Vote,
} from "./schema.ts";
import { readQuickPoll } from "./quickPoll.ts";

/** The map records of a collection as JSON with their ids, read by `read`, in order; non-maps skipped. */
function sorted<T extends { id: string; order: string }>(ymap: Y.Map<YRecord>, read: (j: Json) => T): T[] {
  const out: T[] = [];
  ymap.forEach((record: unknown, id) => {
    if (record instanceof Y.Map) out.push(read({ ...(record as YRecord).toJSON(), id }));
  });
  return out.sort(byOrder);
}

/** The session header. */
export function readMeta(doc: Y.Doc): SessionMeta {
  const r = roots(doc);
  const agenda = new Set<string>();
  r.agenda.forEach((record: unknown, id) => record instanceof Y.Map && agenda.add(id));
  return cleanMeta(r.meta.toJSON() as Json, agenda);
}

export const readAttendees = (doc: Y.Doc): Attendee[] => sorted(roots(doc).attendees, cleanAttendee);
export const readCategories = (doc: Y.Doc): Category[] => sorted(roots(doc).categories, cleanCategory);
export const readAgenda = (doc: Y.Doc): AgendaItem[] => sorted(roots(doc).agenda, cleanAgendaItem);
export const readIssues = (doc: Y.Doc): Issue[] => sorted(roots(doc).issues, cleanIssue);
export const readFollowUps = (doc: Y.Doc): FollowUp[] => sorted(roots(doc).followUps, cleanFollowUp);
export const readReportBack = (doc: Y.Doc): ReportBackItem[] =>
  sorted(roots(doc).reportBack, cleanReportBack);

/** A vote from its record's JSON: each option's count is its taps, after the last correction it saw. */
export function voteFromJson(j: Json): Vote {
  const history = cleanHistory(j.history);
  const tally = isObject(j.tally) ? j.tally : {};
  const rawOptions = isObject(j.options) ? j.options : {};
  const options = Object.entries(rawOptions)
    .filter((entry): entry is [string, Json] => isObject(entry[1]))
    .map(([id, o]) => cleanOption({ ...o, id }, total(sharesOf(tally, id), lastCorrection(history, id))));
  const { tally: _tally, ...rest } = j;
  return cleanVote(rest, options, history);
}

export const readVotes = (doc: Y.Doc): Vote[] => sorted(roots(doc).votes, voteFromJson);

/** The head count now over every device: the last typed correction plus the taps it had not seen. */
export function readHeadcount(doc: Y.Doc): number {
  const r = roots(doc);
  const log = r.headcountLog.toArray();
  let last: Correction | null = null;
  for (let i = log.length - 1; i >= 0 && !last; i--) last = asCorrection(log[i]);
  return total(sharesOf(r.headcount.toJSON() as Json, HEADCOUNT_SCOPE), last);
}

/** Locking and reopening of the minutes, in the log's (causal) order; broken entries skipped. */
export const readLockLog = (doc: Y.Doc): SessionSnapshot["lockLog"] =>
  roots(doc)
    .lockLog.toArray()
    .map(asLockEntry)
    .filter((e) => e !== null)
    .map((e) => ({ at: e.at, by: e.by, kind: e.kind }));

export const readLock = (doc: Y.Doc): SessionSnapshot["lock"] => {
  const lock = lockState(doc);
  return lock ? { at: lock.at, by: lock.by } : null;
};

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
    reportBack: readReportBack(doc),
    readOnly: isNewerThanApp(doc),
    minutes: roots(doc).minutes.toString(),
    lockLog: readLockLog(doc),
    lock: readLock(doc),
    finalised: finalisedOf(doc),
    quickPoll: readQuickPoll(doc),
  };
}

/** People present for votes: the head count, or the named attendees when more of them are listed. */
export const presentCount = (s: Pick<SessionSnapshot, "headcount" | "attendees">): number =>
  Math.max(s.headcount, s.attendees.length);
