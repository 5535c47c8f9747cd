// A matter's lifecycle as a rule over its append-only log: the status, owner, escalation, acknowledgement,
// resolution and feedback are folded from the steps in log order (the document's causal order; concurrent
// steps get the same order on every tablet). A step the state at its place does not allow (a resolution
// concurrent with an escalation, say) stays in the history, marked not applied: every merge ends in a state
// the rules allow, with both steps recorded.
import type { Matter, MatterEvent, MatterEventKind, MatterStatus, MatterStep } from "./schema.ts";

/** From which statuses each step may be taken. "assign" and "discussed" may be taken at any time. */
export const ALLOWED_FROM: Record<MatterEventKind, readonly MatterStatus[] | "any"> = {
  created: [],
  assign: "any",
  discussed: "any",
  start: ["open"],
  escalate: ["open", "inProgress", "escalated", "acknowledged"],
  acknowledge: ["escalated"],
  resolve: ["open", "inProgress", "escalated", "acknowledged"],
  feedback: ["resolved"],
  reopen: ["resolved", "closed"],
};

/** True when `kind` may be taken from `status`. */
export function allowedFrom(status: MatterStatus, kind: MatterEventKind): boolean {
  const from = ALLOWED_FROM[kind];
  return from === "any" || from.includes(status);
}

/** The fields of a matter that its log decides. */
export type Lifecycle = Pick<
  Matter,
  | "status"
  | "owner"
  | "ownerKind"
  | "due"
  | "escalation"
  | "acknowledgement"
  | "resolution"
  | "feedback"
  | "reopened"
  | "sessions"
  | "history"
>;

/** The state before any step: open, unowned, raised in `sessionId`. */
export function initialLifecycle(sessionId: string): Lifecycle {
  return {
    status: "open",
    owner: "",
    ownerKind: "person",
    due: "",
    escalation: null,
    acknowledgement: null,
    resolution: null,
    feedback: null,
    reopened: 0,
    sessions: sessionId ? [sessionId] : [],
    history: [],
  };
}

const afterReopen = (s: Lifecycle): MatterStatus => (s.owner ? "inProgress" : "open");

function assign(s: Lifecycle, e: MatterEvent): void {
  if (e.owner !== undefined) s.owner = e.owner;
  if (e.ownerKind !== undefined) s.ownerKind = e.ownerKind;
  if (e.due !== undefined) s.due = e.due;
}

/** Applies one allowed step to the state (in place). */
function apply(s: Lifecycle, e: MatterEvent): void {
  switch (e.kind) {
    case "created":
    case "assign":
      assign(s, e);
      return;
    case "start":
      assign(s, e);
      s.status = "inProgress";
      return;
    case "escalate":
      s.status = "escalated";
      s.escalation = {
        departmentId: e.departmentId ?? "",
        department: e.department ?? "",
        reason: e.reason ?? "",
        deadline: e.deadline ?? "",
        at: e.at,
      };
      s.acknowledgement = null;
      return;
    case "acknowledge":
      s.status = "acknowledged";
      s.acknowledgement = {
        person: e.person ?? "",
        commitment: e.commitment ?? "",
        on: e.on ?? "",
        at: e.at,
      };
      return;
    case "resolve":
      s.status = "resolved";
      s.resolution = { note: e.note ?? "", at: e.at };
      return;
    case "feedback":
      s.feedback = {
        how: e.how ?? "inPerson",
        on: e.on ?? "",
        satisfied: e.satisfied === true,
        note: e.note ?? "",
        at: e.at,
      };
      if (e.satisfied === true) s.status = "closed";
      else {
        // Not satisfied: the matter is handled again.
        s.reopened++;
        s.resolution = null;
        s.status = afterReopen(s);
      }
      return;
    case "reopen":
      s.reopened++;
      s.resolution = null;
      s.feedback = null;
      s.status = afterReopen(s);
      return;
    case "discussed":
      if (e.sessionId && !s.sessions.includes(e.sessionId)) s.sessions.push(e.sessionId);
      return;
  }
}

/**
 * Folds a matter's steps, in log order, into its state. Each step the state at its place allows is applied;
 * the others are kept in the history with `applied: false`.
 * @example foldLifecycle("s1", [{ kind: "created", … }, { kind: "resolve", note: "已更換", … }]).status // "resolved"
 */
export function foldLifecycle(sessionId: string, events: readonly MatterEvent[]): Lifecycle {
  const s = initialLifecycle(sessionId);
  const history: MatterStep[] = [];
  for (const e of events) {
    // The first "created" founds the matter; a second one (a peer that made it again) only assigns.
    const ok = e.kind === "created" || allowedFrom(s.status, e.kind);
    if (ok) apply(s, e);
    history.push({ ...e, applied: ok });
  }
  s.history = history;
  return s;
}

/** Open for handling: not yet resolved (or reopened since). */
export const isOpenStatus = (status: MatterStatus): boolean => status !== "resolved" && status !== "closed";
