// Mutators for the register's matters: made from a follow-up at the table, then each step of its handling
// (in progress, escalated 吹哨, acknowledged 报到, resolved, fed back 反馈, reopened) appended to its log.
import * as Y from "yjs";
import { civilDate, isCalendarDate } from "../civilTime.ts";
import { actorOf } from "../device.ts";
import { DocError, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import type { OwnerKind } from "../session/schema.ts";
import { allowedFrom } from "./lifecycle.ts";
import { matterState, readCommunityMeta } from "./readers.ts";
import { FEEDBACK_HOWS, WORKSPACE_LIMITS, type FeedbackHow, type MatterEvent } from "./schema.ts";
import { changeWorkspace, type WorkspaceRoots } from "./workspaceDoc.ts";

export interface MatterInput {
  /** The id of the follow-up the matter started as (one matter per follow-up). */
  id: string;
  sessionId: string;
  talkPointId: string;
  issueId?: string | null;
  voteId?: string | null;
  raisedOn: string;
  text: string;
  action: string;
  categoryId?: string;
  category?: string;
  urgent?: boolean;
  raisedBy?: string;
  anonymous?: boolean;
  location?: string;
  owner?: string;
  ownerKind?: OwnerKind;
  due?: string;
}

/** What the register copies from the session: kept current while the session is open on a paired tablet. */
export type MatterCopy = Partial<
  Pick<
    MatterInput,
    "text" | "action" | "categoryId" | "category" | "urgent" | "raisedBy" | "anonymous" | "location"
  >
>;

const short = (v: string | undefined, field: string) =>
  v !== undefined && limitText(v, WORKSPACE_LIMITS.short, field);
const prose = (v: string | undefined, field: string) =>
  v !== undefined && limitText(v, WORKSPACE_LIMITS.note, field);

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && value !== "" && !isCalendarDate(value))
    throw new DocError("outOfRange", { field });
}

function checkCopy(c: MatterCopy): void {
  prose(c.text, "text");
  prose(c.action, "action");
  short(c.category, "category");
  short(c.raisedBy, "raisedBy");
  short(c.location, "location");
}

/** A step of matter `matter` as it goes into the log. */
export type StoredStep = MatterEvent & { matter: string };

function info(r: WorkspaceRoots, id: string): Record<string, unknown> {
  const value = r.matters.get(id);
  if (typeof value !== "object" || value === null)
    throw new DocError("notFound", { collection: "matters", id });
  return value as Record<string, unknown>;
}

/** Copy fields in the form the register keeps: an anonymous raiser's name is never copied. */
function copyFields(c: MatterCopy): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) if (value !== undefined) out[key] = value;
  if (c.anonymous === true) out.raisedBy = "";
  return out;
}

/**
 * Puts a follow-up made at the table into the register. Does nothing when the matter is there already
 * (another tablet made it, or it was imported before); returns true when it was made here.
 */
export function createMatter(doc: Y.Doc, input: MatterInput, now = Date.now()): boolean {
  requireText(input.id, "id");
  checkCopy(input);
  short(input.owner, "owner");
  checkDate(input.due, "due");
  checkDate(input.raisedOn, "raisedOn");
  return changeWorkspace(doc, (r) => {
    if (r.matters.has(input.id)) return false;
    r.matters.set(input.id, {
      id: input.id,
      sessionId: input.sessionId,
      talkPointId: input.talkPointId,
      issueId: input.issueId ?? null,
      voteId: input.voteId ?? null,
      raisedOn: input.raisedOn,
      createdAt: now,
      ...copyFields({
        text: input.text,
        action: input.action,
        categoryId: input.categoryId ?? "other",
        category: input.category ?? "",
        urgent: input.urgent ?? false,
        raisedBy: input.raisedBy ?? "",
        anonymous: input.anonymous ?? false,
        location: input.location ?? "",
      }),
    });
    const created: StoredStep = {
      matter: input.id,
      id: newId(),
      at: now,
      by: actorOf(doc),
      kind: "created",
      sessionId: input.sessionId,
      owner: input.owner ?? "",
      ownerKind: input.ownerKind ?? "person",
      due: input.due ?? "",
    };
    r.steps.push([created]);
    return true;
  });
}

/** Brings the register's copy of what was raised up to date with the session (text, category…). */
export function updateMatterCopy(doc: Y.Doc, id: string, copy: MatterCopy): void {
  checkCopy(copy);
  changeWorkspace(doc, (r) => {
    const current = info(r, id);
    const fields = copyFields(copy);
    if (Object.entries(fields).some(([key, value]) => current[key] !== value))
      r.matters.set(id, { ...current, ...fields });
  });
}

/**
 * Appends a step after checking the matter's state allows it; `more` validates against the workspace and
 * returns fields the step records with it (a department's name as it is now).
 */
function step(
  doc: Y.Doc,
  id: string,
  event: Omit<MatterEvent, "id" | "at" | "by">,
  now: number,
  more: (r: WorkspaceRoots) => Partial<MatterEvent> = () => ({}),
): void {
  changeWorkspace(doc, (r) => {
    info(r, id);
    const { status } = matterState(doc, id);
    if (!allowedFrom(status, event.kind))
      throw new DocError("transition", { from: status, step: event.kind });
    const extra = more(r);
    const stored: StoredStep = { matter: id, id: newId(), at: now, by: actorOf(doc), ...event, ...extra };
    r.steps.push([stored]);
  });
}

/** Changes who handles the matter and by when (at any time); recorded as a step. */
export function assignMatter(
  doc: Y.Doc,
  id: string,
  patch: { owner?: string; ownerKind?: OwnerKind; due?: string },
  now = Date.now(),
): void {
  short(patch.owner, "owner");
  checkDate(patch.due, "due");
  step(doc, id, { kind: "assign", ...patch }, now);
}

/** Open → in progress: someone takes it on (an owner is required; a due date optional). */
export function startMatter(
  doc: Y.Doc,
  id: string,
  input: { owner: string; ownerKind?: OwnerKind; due?: string },
  now = Date.now(),
): void {
  short(requireText(input.owner, "owner"), "owner");
  checkDate(input.due, "due");
  step(doc, id, { kind: "start", ...input }, now);
}

/**
 * The grid blows the whistle (吹哨): to a department of the directory, with a reason and a response
 * deadline that is not before today (in the community's time zone).
 */
export function escalateMatter(
  doc: Y.Doc,
  id: string,
  input: { departmentId: string; reason: string; deadline: string },
  now = Date.now(),
): void {
  prose(requireText(input.reason, "reason"), "reason");
  requireText(input.deadline, "deadline");
  checkDate(input.deadline, "deadline");
  const { departmentId, reason, deadline } = input;
  step(doc, id, { kind: "escalate", departmentId, reason, deadline }, now, (r) => {
    const entry: unknown = r.directory.get(departmentId);
    if (!(entry instanceof Y.Map) || entry.get("retired") === true) {
      throw new DocError("notInDirectory", { department: departmentId });
    }
    const today = civilDate(now, readCommunityMeta(doc).timeZone);
    if (deadline < today) throw new DocError("deadlineBeforeEscalation", { deadline, today });
    return { department: String(entry.get("name") ?? "") };
  });
}

/** The department reports (报到): who, on which day, and what they committed to. */
export function acknowledgeMatter(
  doc: Y.Doc,
  id: string,
  input: { person: string; commitment: string; on: string },
  now = Date.now(),
): void {
  short(requireText(input.person, "person"), "person");
  prose(requireText(input.commitment, "commitment"), "commitment");
  requireText(input.on, "on");
  checkDate(input.on, "on");
  step(doc, id, { kind: "acknowledge", ...input }, now);
}

/** Resolved: a note of how is required. */
export function resolveMatter(doc: Y.Doc, id: string, input: { note: string }, now = Date.now()): void {
  prose(requireText(input.note, "resolution"), "resolution");
  step(doc, id, { kind: "resolve", note: input.note }, now);
}

/** Fed back (反馈) to the person who raised it: how, when, satisfied or not ("not satisfied" reopens it). */
export function feedbackMatter(
  doc: Y.Doc,
  id: string,
  input: { how: FeedbackHow; on: string; satisfied: boolean; note?: string },
  now = Date.now(),
): void {
  if (!FEEDBACK_HOWS.includes(input.how)) throw new DocError("outOfRange", { field: "how" });
  requireText(input.on, "on");
  checkDate(input.on, "on");
  prose(input.note, "note");
  step(
    doc,
    id,
    {
      kind: "feedback",
      how: input.how,
      on: input.on,
      satisfied: input.satisfied === true,
      note: input.note ?? "",
    },
    now,
  );
}

/** Reopens a resolved or closed matter; the reason is required. */
export function reopenMatter(doc: Y.Doc, id: string, input: { reason: string }, now = Date.now()): void {
  prose(requireText(input.reason, "reason"), "reason");
  step(doc, id, { kind: "reopen", note: input.reason }, now);
}

/** Records that the matter was reported back on at a session (逐一反馈), with what was said. */
export function noteDiscussed(
  doc: Y.Doc,
  id: string,
  input: { sessionId: string; note?: string },
  now = Date.now(),
): void {
  requireText(input.sessionId, "sessionId");
  prose(input.note, "note");
  step(doc, id, { kind: "discussed", sessionId: input.sessionId, note: input.note ?? "" }, now);
}
