// The register's record shapes: a matter (事项) is what a resident raised (one issue of a session), its
// actions are the follow-ups decided for it, and its handling is a log of steps folded into its state.
import type { OwnerKind } from "../session/schema.ts";

export type MatterStatus =
  "open" | "inProgress" | "escalated" | "acknowledged" | "resolved" | "closed" | "withdrawn";
export const MATTER_STATUSES: readonly MatterStatus[] = [
  "open",
  "inProgress",
  "escalated",
  "acknowledged",
  "resolved",
  "closed",
  "withdrawn",
];

export type FeedbackHow = "inPerson" | "phone" | "session";
export const FEEDBACK_HOWS: readonly FeedbackHow[] = ["inPerson", "phone", "session"];

/** Why a matter was withdrawn by a step: entered in error, a duplicate of another, or the resident withdrew it. */
export type WithdrawReason = "error" | "duplicate" | "resident";
export const WITHDRAW_REASONS: readonly WithdrawReason[] = ["error", "duplicate", "resident"];

export type MatterEventKind =
  | "created"
  | "assign"
  | "start"
  | "escalate"
  | "acknowledge"
  | "resolve"
  | "feedback"
  | "reopen"
  | "discussed"
  | "withdraw"
  | "reinstate"
  | "actionDone";
export const MATTER_EVENT_KINDS: readonly MatterEventKind[] = [
  "created",
  "assign",
  "start",
  "escalate",
  "acknowledge",
  "resolve",
  "feedback",
  "reopen",
  "discussed",
  "withdraw",
  "reinstate",
  "actionDone",
];

/** The rules a step of this version is checked against when folded (older steps are kept as they were). */
export const STEP_RULES = 2;

/** One step in a matter's life, appended to the log (who, when, what): the log is never rewritten. */
export interface MatterEvent {
  /** Unique per step: a step that arrives twice (a replay, two tablets carrying it) counts once. */
  id: string;
  /** Epoch ms when it was recorded (shown; never used to order steps). */
  at: number;
  by: string;
  kind: MatterEventKind;
  /** The action (follow-up) the step is about, when it is about one ("created", "assign", "actionDone"…). */
  actionId?: string;
  /** "created", "assign", "start": who handles it and by when ("YYYY-MM-DD" or ""). */
  owner?: string;
  ownerKind?: OwnerKind;
  due?: string;
  /** "escalate": the department whistled in (its name then too), why, and its response deadline. */
  departmentId?: string;
  department?: string;
  reason?: string;
  deadline?: string;
  /** "acknowledge": the escalation it answers (报到 of that whistle), who, and what they committed to. */
  escalationId?: string;
  person?: string;
  commitment?: string;
  /** The civil day it happened ("acknowledge", "resolve", "feedback", "reopen", "withdraw"). */
  on?: string;
  /** "resolve": the resolution; "reopen", "withdraw", "reinstate": why; "discussed", "feedback": what was said. */
  note?: string;
  /** "feedback": how the person who raised it was told, whether satisfied, and the resolution it answers. */
  how?: FeedbackHow;
  satisfied?: boolean;
  resolutionId?: string;
  /** "resolve": the "not satisfied" feedbacks the resolving tablet knew of (one it did not know wins). */
  heard?: string[];
  /** "created", "discussed": the session; "resolve": the session where it was resolved on the spot. */
  sessionId?: string;
  /** "withdraw": why, and the matter it duplicates. */
  why?: WithdrawReason;
  of?: string;
  /** STEP_RULES for steps of this version; absent on steps an older version recorded. */
  v?: number;
}

/** Why a step changed nothing: the state at its place in the log did not allow it. */
export type RefusedBecause =
  | "transition"
  | "alreadyCreated"
  | "needsNote"
  | "needsDeadline"
  | "needsOwner"
  | "notSatisfiedMeanwhile"
  | "noEscalation"
  | "alreadyAcknowledged"
  | "noResolution"
  | "unknownAction";

/** A step as the register shows it: `applied` is false for a step the state at its place refused. */
export interface MatterStep extends MatterEvent {
  applied: boolean;
  /** Why it was not applied. */
  refused?: RefusedBecause;
  /** A fact (报到, feedback) recorded though the matter had moved on: it changed no status. */
  factOnly?: boolean;
}

export type ActionState = "open" | "done" | "removed";

/** One action decided for a matter (a follow-up of a session): what is to be done, by whom, by when. */
export interface MatterAction {
  id: string;
  sessionId: string;
  voteId: string | null;
  action: string;
  owner: string;
  ownerKind: OwnerKind;
  due: string;
  /** "removed": deleted in its session (kept, never counted). */
  state: ActionState;
  doneOn: string | null;
  createdAt: number;
}

/** Why a matter is out of the count: a withdraw step's reason, or its issue deleted or linked in the session. */
export type WithdrawnBecause = WithdrawReason | "removedInSession" | "sameAs";

/** A matter (事项) of the register: what a resident raised, its actions, and its handling from its log. */
export interface Matter {
  id: string;
  /** The session where it was raised, and the issue there (null for an action decided with no issue). */
  sessionId: string;
  talkPointId: string;
  issueId: string | null;
  /** Civil date (community time zone) it was raised on. */
  raisedOn: string;
  /** What was raised, in the resident's words. */
  text: string;
  categoryId: string;
  /** The category's own name, empty for a default one (translated by the UI). */
  category: string;
  urgent: boolean;
  /** Who raised it: never a name when anonymous. */
  raisedBy: string;
  anonymous: boolean;
  location: string;
  createdAt: number;
  status: MatterStatus;
  /** Who handles the matter: its lead, or else the owner of its first action. */
  owner: string;
  ownerKind: OwnerKind;
  /** Its due date, or else the earliest due date of its open actions. */
  due: string;
  actions: MatterAction[];
  escalation: {
    id: string;
    departmentId: string;
    department: string;
    reason: string;
    deadline: string;
    at: number;
    on: string;
  } | null;
  /** The 报到 of the escalation in force. */
  acknowledgement: { person: string; commitment: string; on: string; at: number } | null;
  /** The resolution in force; `sessionId` is the session where it was resolved on the spot ("" otherwise). */
  resolution: { id: string; note: string; on: string; at: number; sessionId: string } | null;
  /** The latest feedback since the resolution in force (or the "not satisfied" that reopened it). */
  feedback: { how: FeedbackHow; on: string; satisfied: boolean; note: string; at: number } | null;
  withdrawal: { why: WithdrawnBecause; note: string; of: string; on: string } | null;
  /** How often it was reopened (not satisfied, or a reason given). */
  reopened: number;
  /** Sessions where it was raised, raised again, and reported on, in order. */
  sessions: string[];
  /** Each resolution that was in force, from its day to the day it was undone (null: still in force). */
  resolutions: { on: string; until: string | null }[];
  /** Every feedback recorded, in log order. */
  feedbacks: { on: string; satisfied: boolean }[];
  history: MatterStep[];
}
