// The session document's shape: plain record types the UI reads, and the limits and defaults mutators enforce.

/**
 * Bumped when the document layout changes. 2: vote results recorded at close, typed totals as corrections
 * (history "set" entries with what they saw), the lock in the log's causal order with what it finalised.
 * An app that knows only version 1 opens a version 2 document read-only instead of misreading its counts.
 */
export const SCHEMA_VERSION = 2;

/** Longest accepted text, in characters: short fields (names, titles) and prose (notes, issue text). */
export const LIMITS = { short: 200, text: 5_000, notes: 50_000, options: 12 } as const;

export type AgendaStatus = "pending" | "discussing" | "done";
export type AttendeeRole = "resident" | "merchant" | "gridWorker" | "department";
export type OptionRole = "for" | "against" | "abstain" | "choice";
export type VoteStatus = "draft" | "open" | "closed";
export type Outcome = "passed" | "failed" | "noQuorum";
export type VoteMode = "count" | "minority";
export type FollowUpStatus = "open" | "inProgress" | "resolved" | "escalated";
export type OwnerKind = "person" | "unit";

export const AGENDA_STATUSES: readonly AgendaStatus[] = ["pending", "discussing", "done"];
export const ATTENDEE_ROLES: readonly AttendeeRole[] = ["resident", "merchant", "gridWorker", "department"];
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ["open", "inProgress", "resolved", "escalated"];

/** The seed report's kinds of matters; their labels come from i18n until a user renames one. */
export const DEFAULT_CATEGORIES = [
  "environment",
  "property",
  "utilities",
  "parking",
  "noise",
  "culture",
  "other",
] as const;

export interface TalkPointInfo {
  id: string;
  name: string;
  community: string;
  location: string;
}

export interface SessionMeta {
  schemaVersion: number;
  id: string;
  /** The community whose workspace holds this session's matters ("" for a session of no community). */
  communityId: string;
  /** The community's time zone (IANA), in which the session's dates and times are shown. */
  timeZone: string;
  talkPoint: TalkPointInfo;
  title: string;
  /** ISO date-time of the sitting. */
  startsAt: string;
  place: string;
  facilitator: string;
  recorder: string;
  currentAgendaId: string | null;
  createdAt: number;
}

export interface Category {
  id: string;
  /** Empty for a default category: the UI shows its translated name. */
  label: string;
  order: string;
}

export interface Attendee {
  id: string;
  order: string;
  name: string;
  role: AttendeeRole;
}

export interface AgendaItem {
  id: string;
  order: string;
  title: string;
  /** "reportBack": the item where the community's open matters are reported on (逐一反馈); else "". */
  kind: string;
  status: AgendaStatus;
  /** Time box in minutes, or null for none. */
  timeboxMin: number | null;
  /** Epoch ms when the countdown was started, or null when it is not running. */
  timerStartedAt: number | null;
  notes: string;
}

export interface Issue {
  id: string;
  order: string;
  text: string;
  raisedBy: string;
  anonymous: boolean;
  contact: string;
  location: string;
  categoryId: string;
  urgent: boolean;
  agendaId: string | null;
  createdAt: number;
  /** The earlier matter of the community's register this was linked to ("same as…"), or "". */
  sameAs: string;
  /** What was agreed when it was resolved on the spot at the table, or "" (not settled here). */
  settled: string;
}

export interface VoteOption {
  id: string;
  order: string;
  /** Empty for a default option: the UI shows the role's translated name. */
  label: string;
  role: OptionRole;
  /** Sum of every device's counter, never below zero. */
  count: number;
}

export type ThresholdKind = "simple" | "twoThirds" | "custom";
export type ThresholdBasis = "cast" | "present";
export interface Threshold {
  kind: ThresholdKind;
  basis: ThresholdBasis;
  /** Custom fraction num/den (used when kind is "custom"). */
  num: number;
  den: number;
}

export const DEFAULT_THRESHOLD: Threshold = { kind: "simple", basis: "cast", num: 1, den: 2 };

/** What decided a closed vote, recorded when it was closed: the minutes show this, whatever changes later. */
export interface VoteResult {
  outcome: Outcome;
  /** The options as they counted (in count-the-minority mode "for" is derived), labels as they were. */
  options: { id: string; label: string; role: OptionRole; count: number }[];
  present: number;
  quorum: number;
  threshold: Threshold;
  mode: VoteMode;
  cast: number;
  base: number;
  winnerId: string | null;
}

/** Per-device tap counters as a typed correction saw them: client id → that device's counter. */
export type SeenCounts = Record<string, number>;

export interface VoteHistoryEntry {
  at: number;
  by: string;
  kind: "open" | "close" | "reopen" | "set" | "mode" | "settings";
  optionId?: string;
  /** "set": the total before and the typed total; "settings": the field changed (present, quorum…). */
  from?: number | string;
  to?: number | string;
  field?: string;
  /** "set": the tap counters this correction saw; taps it did not see are added to its total. */
  seen?: SeenCounts;
  /** "close": what decided the vote. */
  result?: VoteResult;
}

export interface Vote {
  id: string;
  order: string;
  motion: string;
  options: VoteOption[];
  status: VoteStatus;
  mode: VoteMode;
  /** People present for this vote; null means "use the session's attendance". */
  present: number | null;
  /** Minimum people present; null means "use the session's attendance". */
  quorum: number | null;
  threshold: Threshold;
  issueId: string | null;
  agendaId: string | null;
  openedAt: number | null;
  closedAt: number | null;
  history: VoteHistoryEntry[];
  /** Recorded at the close now in force; null while not closed (or for a vote closed by an older app). */
  result: VoteResult | null;
}

export interface FollowUpHistoryEntry {
  at: number;
  by: string;
  field: string;
  from: string;
  to: string;
  /** A status change to resolved: how it was resolved; to escalated: the department's response deadline. */
  note?: string;
  deadline?: string;
}

export interface FollowUp {
  id: string;
  order: string;
  action: string;
  issueId: string | null;
  voteId: string | null;
  owner: string;
  ownerKind: OwnerKind;
  /** "YYYY-MM-DD" or "". */
  due: string;
  status: FollowUpStatus;
  /** The department whistled in when escalated (吹哨), e.g. 电力局. */
  escalatedTo: string;
  createdAt: number;
  history: FollowUpHistoryEntry[];
}

/**
 * The stored format of a SessionSnapshot (the view a session opens from before its Yjs state is loaded):
 * bump it whenever SessionSnapshot or a type in it changes, so views of the old shape are ignored.
 * tests/doc/session/viewVersion.test.ts fails until it is bumped.
 */
export const VIEW_VERSION = 6;

/** A matter reported back on at this session (逐一反馈): as it stood when the session began, and what was said. */
export interface ReportBackItem {
  /** The matter's id in the community's register. */
  id: string;
  order: string;
  text: string;
  /** Its status (a register status) when the session began. */
  statusThen: string;
  /** What was said about it at the table. */
  said: string;
}

/** Everything the UI shows of one session, as plain data. */
export interface SessionSnapshot {
  meta: SessionMeta;
  notes: string;
  headcount: number;
  attendees: Attendee[];
  categories: Category[];
  agenda: AgendaItem[];
  issues: Issue[];
  votes: Vote[];
  followUps: FollowUp[];
  reportBack: ReportBackItem[];
  /** True when the document was written by a newer app: it opens read-only. */
  readOnly: boolean;
  /** The secretary's own text of the minutes. */
  minutes: string;
  /** Locking and reopening of the minutes, in the document's causal order. */
  lockLog: { at: number; by: string; kind: "lock" | "reopen" }[];
  /** The lock in force (finalised minutes), or null while the session is open for edits. */
  lock: { at: number; by: string } | null;
  /** What the lock in force finalised, as it was then (null for a lock made by an older app). */
  finalised: FinalisedState | null;
  /** The informal show of hands on screen, if any (never part of the minutes). */
  quickPoll: { id: string; question: string; active: boolean; yes: number; no: number } | null;
}

/** The part of a session that the minutes are made of: what a lock freezes. */
export type FinalisedState = Pick<
  SessionSnapshot,
  | "meta"
  | "notes"
  | "headcount"
  | "attendees"
  | "categories"
  | "agenda"
  | "issues"
  | "votes"
  | "followUps"
  | "reportBack"
  | "minutes"
>;

/** The counter scope of the session's head count in the `headcount` root. */
export const HEADCOUNT_SCOPE = "present";
