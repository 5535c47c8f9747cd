// The minutes' lifecycle: the secretary's amendments, locking (finalising, with a record of what was final)
// and an explicit, recorded reopen.
import * as Y from "yjs";
import { limitText } from "../docError.ts";
import {
  actorOf,
  assertWritable,
  change,
  lockState,
  RECORD_ORIGIN,
  TEXT_ORIGIN,
  transactWritable,
} from "./sessionDoc.ts";
import { LIMITS, type FinalisedState } from "./schema.ts";
import {
  readAgenda,
  readAttendees,
  readCategories,
  readFollowUps,
  readHeadcount,
  readIssues,
  readMeta,
  readReportBack,
  readVotes,
} from "./snapshot.ts";
import { spliceText } from "../text.ts";

/** Replaces the secretary's text of the minutes (typing, merged character by character). */
export function setMinutesText(doc: Y.Doc, text: string): void {
  limitText(text, LIMITS.notes, "minutes");
  change(doc, (r) => spliceText(r.minutes, text), TEXT_ORIGIN);
}

/** What the minutes are made of, now. */
export function currentState(doc: Y.Doc): FinalisedState {
  return {
    meta: readMeta(doc),
    notes: doc.getText("notes").toString(),
    headcount: readHeadcount(doc),
    attendees: readAttendees(doc),
    categories: readCategories(doc),
    agenda: readAgenda(doc),
    issues: readIssues(doc),
    votes: readVotes(doc),
    followUps: readFollowUps(doc),
    reportBack: readReportBack(doc),
    minutes: doc.getText("minutes").toString(),
  };
}

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/**
 * Locks the session: the minutes are final and every device refuses further edits until reopened. The lock
 * records what it finalised (the state vector, and the state itself), so the minutes keep showing it and
 * whatever merges in later (from a tablet that was offline) shows as arriving after finalisation.
 */
export function lockMinutes(doc: Y.Doc, now = Date.now(), followUps?: FinalisedState["followUps"]): void {
  assertWritable(doc);
  if (lockState(doc)) return;
  // `followUps`: as the community's register has them now (their status since the table), when it has them.
  const state = currentState(doc);
  const finalised = JSON.stringify(followUps ? { ...state, followUps } : state);
  const sv = base64(Y.encodeStateVector(doc));
  transactWritable(
    doc,
    (r) => r.lockLog.push([{ at: now, by: actorOf(doc), kind: "lock", sv, finalised }]),
    RECORD_ORIGIN,
  );
}

/** Reopens a locked session for edits; the reopening is recorded after the lock. */
export function reopenMinutes(doc: Y.Doc, now = Date.now()): void {
  assertWritable(doc);
  if (!lockState(doc)) return;
  transactWritable(
    doc,
    (r) => r.lockLog.push([{ at: now, by: actorOf(doc), kind: "reopen" }]),
    RECORD_ORIGIN,
  );
}
