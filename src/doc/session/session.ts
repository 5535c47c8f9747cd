// Mutators for the session as a whole: metadata, notes, attendance (head count and named attendees), categories.
import type * as Y from "yjs";
import { addToCounter, sharesIn } from "../tally.ts";
import { DocError, limitInt, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { appendRecord, setFields } from "./records.ts";
import { actorOf, change, getRecord, RECORD_ORIGIN, TEXT_ORIGIN } from "./sessionDoc.ts";
import { readHeadcount, readMeta } from "./snapshot.ts";
import { ATTENDEE_ROLES, HEADCOUNT_SCOPE, LIMITS, type AttendeeRole } from "./schema.ts";
import { spliceText } from "../text.ts";

const MAX_PEOPLE = 100_000;

export interface MetaPatch {
  title?: string;
  startsAt?: string;
  place?: string;
  facilitator?: string;
  recorder?: string;
}

/** Edits the session's header fields. */
export function updateMeta(doc: Y.Doc, patch: MetaPatch): void {
  if (patch.title !== undefined) requireText(patch.title, "title");
  for (const [field, value] of Object.entries(patch)) limitText(String(value), LIMITS.short, field);
  change(doc, (r) => setFields(r.meta, { ...patch }));
}

/**
 * Names the recorder when nobody is named yet: the secretary's tablet, when it joins or starts a session,
 * with its device name. Not an edit Undo takes back (nobody typed it); a name already there is kept.
 */
export function fillRecorder(doc: Y.Doc, name: string): boolean {
  const value = name.trim();
  if (value === "" || String(readMeta(doc).recorder ?? "") !== "") return false;
  limitText(value, LIMITS.short, "recorder");
  change(doc, (r) => r.meta.set("recorder", value), RECORD_ORIGIN);
  return true;
}

/** Marks the agenda item on the table now (null for none): a pending item is then being discussed. */
export function setCurrentAgendaItem(doc: Y.Doc, agendaId: string | null): void {
  change(doc, (r) => {
    const item = agendaId === null ? null : getRecord(r, "agenda", agendaId);
    r.meta.set("currentAgendaId", agendaId);
    if (item && item.get("status") === "pending") item.set("status", "discussing");
  });
}

/** Replaces the free-text session notes (typing, merged character by character). */
export function setSessionNotes(doc: Y.Doc, text: string): void {
  limitText(text, LIMITS.notes, "notes");
  change(doc, (r) => spliceText(r.notes, text), TEXT_ORIGIN);
}

/** +1 / −1 on the head count; concurrent taps on several tablets all count. */
export function tapHeadcount(doc: Y.Doc, delta: 1 | -1): void {
  if (delta < 0 && readHeadcount(doc) <= 0) throw new DocError("belowZero", { field: "headcount" });
  change(doc, (r) => addToCounter(r.headcount, HEADCOUNT_SCOPE, doc.clientID, delta));
}

/**
 * Sets the head count to a typed total: a correction with the taps it saw (tally.ts), so two tablets that
 * both type 12 agree on 12, and taps made since still add up.
 */
export function setHeadcount(doc: Y.Doc, total: number, now = Date.now()): void {
  limitInt(total, 0, MAX_PEOPLE, "headcount");
  change(doc, (r) => {
    if (readHeadcount(doc) === total) return;
    const seen = sharesIn(r.headcount, HEADCOUNT_SCOPE);
    r.headcountLog.push([{ kind: "set", to: total, seen, at: now, by: actorOf(doc) }]);
  });
}

export interface AttendeeInput {
  name: string;
  role: AttendeeRole;
}

function checkAttendee(input: Partial<AttendeeInput>): void {
  if (input.name !== undefined) limitText(requireText(input.name, "name"), LIMITS.short, "name");
  if (input.role !== undefined && !ATTENDEE_ROLES.includes(input.role)) {
    throw new DocError("outOfRange", { field: "role" });
  }
}

/** Adds a named attendee with a role; returns the id. */
export function addAttendee(doc: Y.Doc, input: AttendeeInput): string {
  checkAttendee(input);
  return change(doc, (r) => appendRecord(r, "attendees", newId(), { name: input.name, role: input.role }));
}

/** Edits a named attendee. */
export function updateAttendee(doc: Y.Doc, id: string, patch: Partial<AttendeeInput>): void {
  checkAttendee(patch);
  change(doc, (r) => setFields(getRecord(r, "attendees", id), { ...patch }));
}

/** Adds a category to the session's editable list; returns the id. */
export function addCategory(doc: Y.Doc, label: string): string {
  limitText(requireText(label, "category"), LIMITS.short, "category");
  return change(doc, (r) => appendRecord(r, "categories", newId(), { label }));
}

/** Renames a category (a default one too: its label then replaces the translated name). */
export function renameCategory(doc: Y.Doc, id: string, label: string): void {
  limitText(requireText(label, "category"), LIMITS.short, "category");
  change(doc, (r) => getRecord(r, "categories", id).set("label", label));
}
