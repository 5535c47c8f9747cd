// Mutators for the register's matters: each step of a matter's handling (in progress, escalated 吹哨,
// acknowledged 报到, resolved, fed back 反馈, reopened, withdrawn) appended to its log after checking that the
// matter's state allows it. Making matters and actions from a session is in matterRecords.ts.
import * as Y from "yjs";
import { civilDate, isCalendarDate } from "../civilTime.ts";
import { actorOf } from "../device.ts";
import { DocError, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import type { OwnerKind } from "../session/schema.ts";
import { canTake } from "./lifecycle.ts";
import { matterState, readCommunityMeta } from "./readers.ts";
import {
  FEEDBACK_HOWS,
  STEP_RULES,
  WITHDRAW_REASONS,
  WORKSPACE_LIMITS,
  type FeedbackHow,
  type Matter,
  type MatterEvent,
  type WithdrawReason,
} from "./schema.ts";
import { changeWorkspace, type WorkspaceRoots } from "./workspaceDoc.ts";

export { createAction, createMatter, updateActionCopy, updateMatterCopy } from "./matterRecords.ts";
export type { ActionInput, MatterCopy, MatterInput } from "./matterRecords.ts";

const short = (v: string | undefined, field: string) =>
  v !== undefined && limitText(v, WORKSPACE_LIMITS.short, field);
const prose = (v: string | undefined, field: string) =>
  v !== undefined && limitText(v, WORKSPACE_LIMITS.note, field);

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && value !== "" && !isCalendarDate(value))
    throw new DocError("outOfRange", { field });
}

/** A step of matter `matter` as it goes into the log. */
export type StoredStep = MatterEvent & { matter: string };

type StepFields = Omit<MatterEvent, "id" | "at" | "by" | "v">;

const today = (doc: Y.Doc, now: number) => civilDate(now, readCommunityMeta(doc).timeZone);

/** The day a fact happened: given (a real day, not after today) or today, in the community's zone. */
function dayOfFact(doc: Y.Doc, on: string | undefined, now: number, field = "on"): string {
  const day = today(doc, now);
  if (on === undefined || on === "") return day;
  checkDate(on, field);
  if (on > day) throw new DocError("dateInFuture", { date: on, today: day });
  return on;
}

/**
 * Appends a step after checking the matter's state allows it; `more` validates against the matter and the
 * workspace and returns fields the step records with it (a department's name as it is now).
 */
function step(
  doc: Y.Doc,
  id: string,
  event: StepFields,
  now: number,
  more: (m: Matter, r: WorkspaceRoots) => Partial<MatterEvent> = () => ({}),
): string {
  return changeWorkspace(doc, (r) => {
    const matter = matterState(doc, id);
    if (!canTake(matter, event.kind))
      throw new DocError("transition", { from: matter.status, step: event.kind });
    const extra = more(matter, r);
    const stepId = newId();
    const stored: StoredStep = {
      matter: id,
      id: stepId,
      at: now,
      by: actorOf(doc),
      v: STEP_RULES,
      ...event,
      ...extra,
    };
    r.steps.push([stored]);
    return stepId;
  });
}

const HANDLED = new Set(["inProgress", "escalated", "acknowledged"]);

/**
 * Changes who handles the matter (or one of its actions) and by when, at any time; only the fields given are
 * recorded, so a field another tablet changed meanwhile is kept. A matter being handled keeps an owner.
 */
export function assignMatter(
  doc: Y.Doc,
  id: string,
  patch: { actionId?: string; owner?: string; ownerKind?: OwnerKind; due?: string },
  now = Date.now(),
): void {
  short(patch.owner, "owner");
  checkDate(patch.due, "due");
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  step(doc, id, { kind: "assign", ...fields }, now, (m) => {
    if (patch.actionId && !m.actions.some((a) => a.id === patch.actionId))
      throw new DocError("notFound", { collection: "actions", id: patch.actionId });
    if (!patch.actionId && patch.owner !== undefined && patch.owner.trim() === "" && HANDLED.has(m.status))
      throw new DocError("ownerRequired", { status: m.status });
    return {};
  });
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
  step(doc, id, { kind: "escalate", departmentId, reason, deadline }, now, (_m, r) => {
    const entry: unknown = r.directory.get(departmentId);
    if (!(entry instanceof Y.Map) || entry.get("retired") === true) {
      throw new DocError("notInDirectory", { department: departmentId });
    }
    const day = today(doc, now);
    if (deadline < day) throw new DocError("deadlineBeforeEscalation", { deadline, today: day });
    return { department: String(entry.get("name") ?? ""), on: day };
  });
}

/** The department reports (报到) for the escalation in force: who, on which day, what they committed to. */
export function acknowledgeMatter(
  doc: Y.Doc,
  id: string,
  input: { person: string; commitment: string; on: string },
  now = Date.now(),
): void {
  short(requireText(input.person, "person"), "person");
  prose(requireText(input.commitment, "commitment"), "commitment");
  requireText(input.on, "on");
  const on = dayOfFact(doc, input.on, now);
  const { person, commitment } = input;
  step(doc, id, { kind: "acknowledge", person, commitment, on }, now, (m) => ({
    escalationId: m.escalation!.id,
  }));
}

/**
 * Resolved: a note of how is required, with the day it was resolved (today by default); `sessionId` when it
 * was resolved on the spot at a session. It records the "not satisfied" feedbacks this tablet knows of.
 */
export function resolveMatter(
  doc: Y.Doc,
  id: string,
  input: { note: string; on?: string; sessionId?: string },
  now = Date.now(),
): void {
  prose(requireText(input.note, "resolution"), "resolution");
  const on = dayOfFact(doc, input.on, now);
  const event: StepFields = { kind: "resolve", note: input.note, on };
  if (input.sessionId) event.sessionId = input.sessionId;
  step(doc, id, event, now, (m) => ({
    heard: m.history.filter((h) => h.kind === "feedback" && h.applied && !h.satisfied).map((h) => h.id),
  }));
}

/** Fed back (反馈) to the person who raised it on the resolution in force: "not satisfied" reopens it. */
export function feedbackMatter(
  doc: Y.Doc,
  id: string,
  input: { how: FeedbackHow; on: string; satisfied: boolean; note?: string },
  now = Date.now(),
): void {
  if (!FEEDBACK_HOWS.includes(input.how)) throw new DocError("outOfRange", { field: "how" });
  requireText(input.on, "on");
  const on = dayOfFact(doc, input.on, now);
  prose(input.note, "note");
  const event: StepFields = {
    kind: "feedback",
    how: input.how,
    on,
    satisfied: input.satisfied === true,
    note: input.note ?? "",
  };
  step(doc, id, event, now, (m) => ({ resolutionId: m.resolution!.id }));
}

/** Reopens a resolved or closed matter; the reason is required. */
export function reopenMatter(doc: Y.Doc, id: string, input: { reason: string }, now = Date.now()): void {
  prose(requireText(input.reason, "reason"), "reason");
  step(doc, id, { kind: "reopen", note: input.reason, on: today(doc, now) }, now);
}

/**
 * Withdraws a matter: entered in error, a duplicate of matter `of`, or withdrawn by the resident. It stays in
 * the register with its history, out of the count, until it is reinstated.
 */
export function withdrawMatter(
  doc: Y.Doc,
  id: string,
  input: { why: WithdrawReason; note?: string; of?: string },
  now = Date.now(),
): void {
  if (!WITHDRAW_REASONS.includes(input.why)) throw new DocError("outOfRange", { field: "why" });
  prose(input.note, "note");
  if (input.of !== undefined) short(input.of, "of");
  const event: StepFields = { kind: "withdraw", why: input.why, note: input.note ?? "", on: today(doc, now) };
  if (input.why === "duplicate" && input.of) event.of = input.of;
  step(doc, id, event, now);
}

/** Takes a withdrawal back: the matter is where it was before. */
export function reinstateMatter(
  doc: Y.Doc,
  id: string,
  input: { note?: string } = {},
  now = Date.now(),
): void {
  prose(input.note, "note");
  step(doc, id, { kind: "reinstate", note: input.note ?? "" }, now);
}

/** One action of the matter is done (the matter itself is resolved with its own step). */
export function markActionDone(
  doc: Y.Doc,
  id: string,
  input: { actionId: string; on?: string },
  now = Date.now(),
): void {
  const on = dayOfFact(doc, input.on, now);
  step(doc, id, { kind: "actionDone", actionId: input.actionId, on }, now, (m) => {
    const action = m.actions.find((a) => a.id === input.actionId);
    if (!action) throw new DocError("notFound", { collection: "actions", id: input.actionId });
    if (action.state !== "open") throw new DocError("transition", { from: action.state, step: "actionDone" });
    return {};
  });
}
