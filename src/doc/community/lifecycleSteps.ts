// Each kind of step as the fold applies it to a matter's state (lifecycle.ts runs them in log order):
// what it needs, what it changes, and why it changes nothing when the state at its place refuses it.
import type { OwnerKind } from "../session/schema.ts";
import type { ActionSeed, FoldStep } from "./lifecycle.ts";
import { STEP_RULES, type Matter, type MatterStatus, type RefusedBecause } from "./schema.ts";

interface ActionFold {
  seed: ActionSeed;
  owner: string;
  ownerKind: OwnerKind;
  due: string;
  founded: boolean;
  done: boolean;
  doneOn: string | null;
}

type Escalation = NonNullable<Matter["escalation"]>;
type Resolution = NonNullable<Matter["resolution"]>;

export interface FoldState {
  status: MatterStatus;
  founded: boolean;
  lead: { owner: string; ownerKind: OwnerKind; due: string };
  // Arrays, not maps: a matter has one or two of each, and a register folds thousands of matters.
  actions: ActionFold[];
  escalations: Escalation[];
  escalation: Escalation | null;
  /** 报到 by the escalation it answers. */
  acks: { escalationId: string; ack: NonNullable<Matter["acknowledgement"]> }[];
  resolutions: Resolution[];
  resolution: Resolution | null;
  /** Ids of "not satisfied" feedbacks so far: a resolution that did not hear of one is refused. */
  notSatisfied: string[];
  feedback: Matter["feedback"];
  feedbacks: Matter["feedbacks"];
  withdrawal: Matter["withdrawal"];
  /** The status a withdrawal interrupted (a reinstatement returns to it). */
  before: MatterStatus;
  reopened: number;
  sessions: string[];
  episodes: Matter["resolutions"];
  dayOf: (at: number) => string;
}

export interface StepOutcome {
  applied: boolean;
  refused?: RefusedBecause;
  factOnly?: boolean;
}

const APPLIED: StepOutcome = { applied: true };
const FACT: StepOutcome = { applied: true, factOnly: true };
const refuse = (refused: RefusedBecause): StepOutcome => ({ applied: false, refused });

/** Steps of this version are held to its rules; those an older version recorded stay as they were. */
const checked = (e: FoldStep) => e.v !== undefined && e.v >= STEP_RULES;
const blank = (v: string | undefined) => (v ?? "").trim() === "";
const dayOf = (s: FoldState, e: FoldStep) => e.on || s.dayOf(e.at);

/** Who handles the matter now: its lead, or the owner of its first action still kept. */
function ownerOf(s: FoldState): string {
  if (s.lead.owner) return s.lead.owner;
  for (const a of s.actions) if (!a.seed.removed && a.owner) return a.owner;
  return "";
}

/** Statuses of a matter being handled (a resolution or an escalation may be taken from them). */
const HANDLING: readonly MatterStatus[] = ["open", "inProgress", "escalated", "acknowledged"];
const needsOwner = (status: MatterStatus) => status !== "open" && HANDLING.includes(status);
const afterReopen = (s: FoldState): MatterStatus => (ownerOf(s) ? "inProgress" : "open");

function setOwner(target: { owner: string; ownerKind: OwnerKind; due: string }, e: FoldStep): void {
  if (e.owner !== undefined) target.owner = e.owner;
  if (e.ownerKind !== undefined) target.ownerKind = e.ownerKind;
  if (e.due !== undefined) target.due = e.due;
}

/** The action a step names, or null (refused) when the matter has no such action. */
const actionOf = (s: FoldState, e: FoldStep): ActionFold | null =>
  e.actionId ? (s.actions.find((a) => a.seed.id === e.actionId) ?? null) : null;

function created(s: FoldState, e: FoldStep): StepOutcome {
  if (e.actionId) {
    const a = actionOf(s, e);
    if (!a) return refuse("unknownAction");
    if (a.founded) return refuse("alreadyCreated");
    a.founded = true;
    setOwner(a, e);
    return APPLIED;
  }
  // Only the first "created" founds the matter: a tablet that made it again never resets what it holds.
  if (s.founded) return refuse("alreadyCreated");
  s.founded = true;
  setOwner(s.lead, e);
  if (e.sessionId && !s.sessions.includes(e.sessionId)) s.sessions.push(e.sessionId);
  return APPLIED;
}

function assign(s: FoldState, e: FoldStep): StepOutcome {
  const a = e.actionId ? actionOf(s, e) : null;
  if (e.actionId && !a) return refuse("unknownAction");
  const lead = { ...s.lead };
  const target = a ? { owner: a.owner, ownerKind: a.ownerKind, due: a.due } : lead;
  setOwner(target, e);
  // An older version kept one owner per follow-up-matter: its steps set the matter's too.
  if (a && e.routed) setOwner(lead, e);
  const saved = { lead: s.lead, a: a && { owner: a.owner, ownerKind: a.ownerKind, due: a.due } };
  s.lead = lead;
  if (a) Object.assign(a, target);
  if (checked(e) && needsOwner(s.status) && !ownerOf(s)) {
    s.lead = saved.lead;
    if (a && saved.a) Object.assign(a, saved.a);
    return refuse("needsOwner");
  }
  return APPLIED;
}

function start(s: FoldState, e: FoldStep): StepOutcome {
  if (checked(e) && blank(e.owner)) return refuse("needsOwner");
  setOwner(s.lead, e);
  const a = actionOf(s, e);
  if (a && e.routed) setOwner(a, e);
  s.status = "inProgress";
  return APPLIED;
}

function escalate(s: FoldState, e: FoldStep): StepOutcome {
  if (checked(e) && blank(e.deadline)) return refuse("needsDeadline");
  const escalation: Escalation = {
    id: e.id,
    departmentId: e.departmentId ?? "",
    department: e.department ?? "",
    reason: e.reason ?? "",
    deadline: e.deadline ?? "",
    at: e.at,
    on: dayOf(s, e),
  };
  s.escalations.push(escalation);
  s.escalation = escalation;
  s.status = "escalated";
  return APPLIED;
}

/** 报到 is a fact: recorded for the escalation it answers even when the matter moved on meanwhile. */
function acknowledge(s: FoldState, e: FoldStep): StepOutcome {
  const target = e.escalationId ? s.escalations.find((x) => x.id === e.escalationId) : s.escalation;
  if (!target) return refuse("noEscalation");
  // An older version acknowledged only an escalation in force.
  if (!checked(e) && s.status !== "escalated") return refuse("transition");
  if (s.acks.some((a) => a.escalationId === target.id)) return refuse("alreadyAcknowledged");
  s.acks.push({
    escalationId: target.id,
    ack: {
      person: e.person ?? "",
      commitment: e.commitment ?? "",
      on: dayOf(s, e),
      at: e.at,
    },
  });
  if (s.escalation?.id === target.id && s.status === "escalated") {
    s.status = "acknowledged";
    return APPLIED;
  }
  return FACT;
}

function endEpisode(s: FoldState, on: string): void {
  const current = s.episodes.at(-1);
  if (current && current.until === null) current.until = on;
}

function resolveMatter(s: FoldState, e: FoldStep): void {
  const resolution: Resolution = {
    id: e.id,
    note: e.note ?? "",
    on: dayOf(s, e),
    at: e.at,
    sessionId: e.sessionId ?? "",
  };
  s.resolutions.push(resolution);
  s.resolution = resolution;
  s.feedback = null;
  s.status = "resolved";
  s.episodes.push({ on: resolution.on, until: null });
}

function resolve(s: FoldState, e: FoldStep): StepOutcome {
  if (checked(e) && blank(e.note)) return refuse("needsNote");
  // "Not satisfied" from the resident is never overridden by a resolution that did not know of it.
  if (Array.isArray(e.heard) && s.notSatisfied.some((id) => !e.heard!.includes(id)))
    return refuse("notSatisfiedMeanwhile");
  const a = actionOf(s, e);
  if (e.actionId && !a) return refuse("unknownAction");
  if (a) {
    // An action done: the matter is resolved when every action it keeps is done.
    if (a.done) return refuse("transition");
    a.done = true;
    a.doneOn = dayOf(s, e);
    const allDone = s.actions.every((x) => x.done || x.seed.removed);
    if (allDone && HANDLING.includes(s.status)) resolveMatter(s, e);
    return APPLIED;
  }
  if (!HANDLING.includes(s.status)) return refuse("transition");
  resolveMatter(s, e);
  return APPLIED;
}

function reopenBy(s: FoldState, on: string): void {
  s.reopened++;
  endEpisode(s, on);
  s.resolution = null;
  s.status = afterReopen(s);
}

/** Feedback is a fact: recorded whenever it was given; "not satisfied" opens the matter again. */
function feedback(s: FoldState, e: FoldStep): StepOutcome {
  const target = e.resolutionId ? s.resolutions.find((x) => x.id === e.resolutionId) : s.resolution;
  if (!target) return refuse("noResolution");
  if (!checked(e) && s.status !== "resolved") return refuse("transition");
  const on = dayOf(s, e);
  const satisfied = e.satisfied === true;
  s.feedbacks.push({ on, satisfied });
  s.feedback = { how: e.how ?? "inPerson", on, satisfied, note: e.note ?? "", at: e.at };
  if (!satisfied) {
    s.notSatisfied.push(e.id);
    if (s.status !== "resolved" && s.status !== "closed") return FACT;
    reopenBy(s, on);
    return APPLIED;
  }
  if (s.status === "resolved" && s.resolution?.id === target.id) {
    s.status = "closed";
    return APPLIED;
  }
  return FACT;
}

/** Reopened (a reason is asked by the register's form; a guest's reopening carries none). */
function reopen(s: FoldState, e: FoldStep): StepOutcome {
  s.feedback = null;
  reopenBy(s, dayOf(s, e));
  return APPLIED;
}

function withdraw(s: FoldState, e: FoldStep): StepOutcome {
  if (checked(e) && !e.why) return refuse("transition");
  s.before = s.status;
  s.status = "withdrawn";
  s.withdrawal = { why: e.why ?? "error", note: e.note ?? "", of: e.of ?? "", on: dayOf(s, e) };
  return APPLIED;
}

function reinstate(s: FoldState): StepOutcome {
  s.status = s.before;
  s.withdrawal = null;
  return APPLIED;
}

function actionDone(s: FoldState, e: FoldStep): StepOutcome {
  const a = actionOf(s, e);
  if (!a) return refuse("unknownAction");
  if (a.done) return refuse("transition");
  a.done = true;
  a.doneOn = dayOf(s, e);
  return APPLIED;
}

function discussed(s: FoldState, e: FoldStep): StepOutcome {
  if (e.sessionId && !s.sessions.includes(e.sessionId)) s.sessions.push(e.sessionId);
  return APPLIED;
}

/** The statuses a step may be taken from, for the steps that depend on the status alone. */
export const TRANSITIONS: Partial<Record<FoldStep["kind"], readonly MatterStatus[]>> = {
  start: ["open"],
  resolve: HANDLING,
  escalate: HANDLING,
  reopen: ["resolved", "closed"],
  withdraw: ["open", "inProgress", "escalated", "acknowledged", "resolved", "closed"],
  reinstate: ["withdrawn"],
};

/** Applies one step to the state (in place) and says whether it was applied. */
export function applyStep(s: FoldState, e: FoldStep): StepOutcome {
  const from = e.kind === "resolve" ? undefined : TRANSITIONS[e.kind];
  if (from && !from.includes(s.status)) return refuse("transition");
  switch (e.kind) {
    case "created":
      return created(s, e);
    case "assign":
      return assign(s, e);
    case "start":
      return start(s, e);
    case "escalate":
      return escalate(s, e);
    case "acknowledge":
      return acknowledge(s, e);
    case "resolve":
      return resolve(s, e);
    case "feedback":
      return feedback(s, e);
    case "reopen":
      return reopen(s, e);
    case "withdraw":
      return withdraw(s, e);
    case "reinstate":
      return reinstate(s);
    case "actionDone":
      return actionDone(s, e);
    case "discussed":
      return discussed(s, e);
  }
}
