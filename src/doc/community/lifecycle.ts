// A matter's lifecycle as a rule over its append-only log: its status, owner, actions, escalation,
// acknowledgement, resolution and feedback are folded from its steps in log order (the document's causal
// order, the same on every tablet), each step id once. A step the state at its place does not allow stays in
// the history, marked not applied and why; facts (报到, feedback) are recorded whenever they happened.
// The rules are written out in CONTRIBUTING.md ("The lifecycle, step by step").
import { applyStep, TRANSITIONS, type FoldState } from "./lifecycleSteps.ts";
import type {
  ActionState,
  Matter,
  MatterEvent,
  MatterEventKind,
  MatterStatus,
  MatterStep,
} from "./schema.ts";

/** True when `kind` may be taken from `status` as far as the status goes (the step checks the rest). */
export function allowedFrom(status: MatterStatus, kind: MatterEventKind): boolean {
  const from = TRANSITIONS[kind];
  return from === undefined || from.includes(status);
}

/**
 * The steps a person may take on a matter now (what the register offers, and what mutators accept): the
 * status allows it, and 报到 only for an escalation in force not yet acknowledged, feedback only on a
 * resolution in force.
 */
export function canTake(
  m: Pick<Matter, "status" | "escalation" | "acknowledgement" | "withdrawal">,
  kind: MatterEventKind,
): boolean {
  // Deleted or linked "same as…" in its session: the session decides, not a step.
  const why = m.withdrawal?.why;
  if (why === "removedInSession" || why === "sameAs") return false;
  if (m.status === "withdrawn" && kind !== "reinstate" && kind !== "discussed") return false;
  if (kind === "acknowledge") return m.escalation !== null && m.acknowledgement === null;
  if (kind === "feedback") return m.status === "resolved";
  return allowedFrom(m.status, kind);
}

/** Open for handling: not yet resolved (or reopened since), and not withdrawn. */
export const isOpenStatus = (status: MatterStatus): boolean =>
  status !== "resolved" && status !== "closed" && status !== "withdrawn";

/** A step of the matter's log as the fold reads it: `routed` when an older version keyed it by an action. */
export type FoldStep = MatterEvent & { routed?: boolean };

/** An action of the matter as it was made (its owner and due date come from its "created" step). */
export interface ActionSeed {
  id: string;
  sessionId: string;
  voteId: string | null;
  action: string;
  createdAt: number;
  /** Deleted in its session. */
  removed: boolean;
}

export interface FoldInput {
  /** The session where the matter was raised. */
  sessionId: string;
  actions: readonly ActionSeed[];
  /** The matter's steps in log order (duplicates of an id are skipped here). */
  steps: readonly FoldStep[];
  /** The civil day a step without one happened on: its recording day in the community's zone. */
  dayOf: (at: number) => string;
}

/** The fields of a matter that its log decides. */
export type Lifecycle = Pick<
  Matter,
  | "status"
  | "owner"
  | "ownerKind"
  | "due"
  | "actions"
  | "escalation"
  | "acknowledgement"
  | "resolution"
  | "feedback"
  | "withdrawal"
  | "reopened"
  | "sessions"
  | "resolutions"
  | "feedbacks"
  | "history"
>;

function initialState(input: FoldInput): FoldState {
  return {
    status: "open",
    founded: false,
    lead: { owner: "", ownerKind: "person", due: "" },
    actions: input.actions.map((seed) => ({
      seed,
      owner: "",
      ownerKind: "person" as const,
      due: "",
      founded: false,
      done: false,
      doneOn: null,
    })),
    escalations: [],
    escalation: null,
    acks: [],
    resolutions: [],
    resolution: null,
    notSatisfied: [],
    feedback: null,
    feedbacks: [],
    withdrawal: null,
    before: "open",
    reopened: 0,
    sessions: input.sessionId ? [input.sessionId] : [],
    episodes: [],
    dayOf: input.dayOf,
  };
}

/**
 * Folds a matter's steps, in log order, into its state: each step id once (the first), each step the state at
 * its place allows applied, the others kept in the history with `applied: false` and why.
 * @example foldLifecycle({ sessionId: "s1", actions: [], steps: [created, resolve], dayOf }).status // "resolved"
 */
export function foldLifecycle(input: FoldInput): Lifecycle {
  const s = initialState(input);
  // Each step id once: a matter has a few steps, looked up in the history; a long log gets a set.
  const seen = input.steps.length > 16 ? new Set<string>() : null;
  const history: MatterStep[] = [];
  for (const e of input.steps) {
    if (e.id !== "") {
      if (seen ? seen.has(e.id) : history.some((h) => h.id === e.id)) continue;
      seen?.add(e.id);
    }
    const outcome = applyStep(s, e);
    const step: MatterStep & { routed?: boolean } = { ...e, applied: outcome.applied };
    if (outcome.refused) step.refused = outcome.refused;
    if (outcome.factOnly) step.factOnly = true;
    if (step.routed) delete step.routed;
    history.push(step);
  }
  const actions = s.actions.map(({ seed, owner, ownerKind, due, done, doneOn }) => ({
    id: seed.id,
    sessionId: seed.sessionId,
    voteId: seed.voteId,
    action: seed.action,
    owner,
    ownerKind,
    due,
    state: (seed.removed ? "removed" : done ? "done" : "open") as ActionState,
    doneOn,
    createdAt: seed.createdAt,
  }));
  const lead = s.lead.owner ? s.lead : actions.find((a) => a.state !== "removed" && a.owner);
  // Its own due date, or the earliest of its open actions (of all its actions once none is open).
  const dues = (state?: ActionState) =>
    actions.filter((a) => a.due && a.state !== "removed" && (!state || a.state === state)).map((a) => a.due);
  const openDues = dues("open").length > 0 ? dues("open") : dues();
  return {
    status: s.status,
    owner: lead?.owner ?? "",
    ownerKind: lead?.ownerKind ?? "person",
    due: s.lead.due || openDues.sort()[0] || "",
    actions,
    escalation: s.escalation,
    acknowledgement: s.escalation
      ? (s.acks.find((a) => a.escalationId === s.escalation!.id)?.ack ?? null)
      : null,
    resolution: s.resolution,
    feedback: s.feedback,
    withdrawal: s.withdrawal,
    reopened: s.reopened,
    sessions: s.sessions,
    resolutions: s.episodes,
    feedbacks: s.feedbacks,
    history,
  };
}
