// The community workspace's shape: plain record types the UI reads, and the limits and defaults mutators keep.
// One workspace per community (社区): its talk points, directory of departments and units, categories, the
// index of its sessions, and the register of matters (台账) that outlive a sitting.
import type { OwnerKind } from "../session/schema.ts";
import type { Schedule } from "../talkPoint.ts";

/** Bumped when the workspace layout changes; a workspace of a newer version opens read-only. */
export const WORKSPACE_SCHEMA_VERSION = 1;

export const WORKSPACE_LIMITS = { short: 200, text: 5_000, note: 5_000 } as const;

export interface CommunityMeta {
  schemaVersion: number;
  id: string;
  name: string;
  /** IANA time zone every civil date of the community is in (due dates, schedules, report periods). */
  timeZone: string;
  createdAt: number;
}

export interface CommunityTalkPoint {
  id: string;
  name: string;
  location: string;
  facilitator: string;
  schedule: Schedule;
  createdAt: number;
  /** Set when deleted: the sessions and matters that name it stay readable. */
  deleted: boolean;
}

export type DirectoryKind = "department" | "property" | "partyCommittee" | "partner" | "gridUnit" | "other";
export const DIRECTORY_KINDS: readonly DirectoryKind[] = [
  "department",
  "property",
  "partyCommittee",
  "partner",
  "gridUnit",
  "other",
];

/** A department or unit a matter can be escalated to (吹哨): 电力局, a property company, partner units… */
export interface DirectoryEntry {
  id: string;
  order: string;
  name: string;
  kind: DirectoryKind;
  contact: string;
  /** No longer offered for new escalations; matters that name it keep it. */
  retired: boolean;
}

/** The seed report's departments and units, made with every new workspace (names editable). */
export const DEFAULT_DIRECTORY: readonly { name: string; kind: DirectoryKind }[] = [
  { name: "电力局", kind: "department" },
  { name: "物业公司", kind: "property" },
  { name: "街道党工委", kind: "partyCommittee" },
  { name: "后盾单位", kind: "partner" },
  { name: "共建单位", kind: "partner" },
  { name: "小区业委会", kind: "gridUnit" },
];

export interface CommunityCategory {
  id: string;
  order: string;
  /** Empty for a default category: the UI shows its translated name. */
  label: string;
}

/** What the register and the report need of one session, kept current by the tablets that hold it. */
export interface SessionEntry {
  id: string;
  talkPointId: string;
  title: string;
  /** ISO instant of the sitting. */
  startsAt: string;
  headcount: number;
  /** Named attendees who came as residents or merchants (来访群众). */
  visitors: number;
  issues: number;
  urgent: number;
  locked: boolean;
  createdAt: number;
}

export type MatterStatus = "open" | "inProgress" | "escalated" | "acknowledged" | "resolved" | "closed";
export const MATTER_STATUSES: readonly MatterStatus[] = [
  "open",
  "inProgress",
  "escalated",
  "acknowledged",
  "resolved",
  "closed",
];

export type FeedbackHow = "inPerson" | "phone" | "session";
export const FEEDBACK_HOWS: readonly FeedbackHow[] = ["inPerson", "phone", "session"];

export type MatterEventKind =
  | "created"
  | "assign"
  | "start"
  | "escalate"
  | "acknowledge"
  | "resolve"
  | "feedback"
  | "reopen"
  | "discussed";

/** One step in a matter's life, appended to its log (who, when, what): the log is never rewritten. */
export interface MatterEvent {
  id: string;
  /** Epoch ms when it was recorded (shown; never used to order steps). */
  at: number;
  by: string;
  kind: MatterEventKind;
  /** "created", "assign", "start": who handles it and by when ("YYYY-MM-DD" or ""). */
  owner?: string;
  ownerKind?: OwnerKind;
  due?: string;
  /** "escalate": the department whistled in (its name then too), why, and its response deadline. */
  departmentId?: string;
  department?: string;
  reason?: string;
  deadline?: string;
  /** "acknowledge": the department's person and what they committed to; "acknowledge"/"feedback": the day. */
  person?: string;
  commitment?: string;
  on?: string;
  /** "resolve": the resolution; "reopen": why; "discussed", "feedback": what was said. */
  note?: string;
  /** "feedback": how the person who raised it was told, and whether they were satisfied. */
  how?: FeedbackHow;
  satisfied?: boolean;
  /** "discussed", "created": the session. */
  sessionId?: string;
}

/** A step as the register shows it: `applied` is false for a step a concurrent one made moot. */
export interface MatterStep extends MatterEvent {
  applied: boolean;
}

/** A matter (事项) of the register: what was raised, and its whole handling, derived from its log. */
export interface Matter {
  id: string;
  /** The session where it was made a follow-up, and its issue and vote there (if any). */
  sessionId: string;
  talkPointId: string;
  issueId: string | null;
  voteId: string | null;
  /** Civil date (community time zone) it was raised on. */
  raisedOn: string;
  /** What was raised (the issue's text), and what is to be done (the follow-up's action). */
  text: string;
  action: string;
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
  owner: string;
  ownerKind: OwnerKind;
  due: string;
  escalation: {
    departmentId: string;
    department: string;
    reason: string;
    deadline: string;
    at: number;
  } | null;
  acknowledgement: { person: string; commitment: string; on: string; at: number } | null;
  resolution: { note: string; at: number } | null;
  feedback: { how: FeedbackHow; on: string; satisfied: boolean; note: string; at: number } | null;
  /** How often it was reopened (not satisfied, or a reason given). */
  reopened: number;
  /** Sessions where it was raised and discussed, in order. */
  sessions: string[];
  history: MatterStep[];
}

/** Everything a screen shows of one community, as plain data. */
export interface WorkspaceSnapshot {
  meta: CommunityMeta;
  talkPoints: CommunityTalkPoint[];
  directory: DirectoryEntry[];
  categories: CommunityCategory[];
  sessions: SessionEntry[];
  matters: Matter[];
  /** True when a newer app wrote this workspace: it opens read-only. */
  readOnly: boolean;
}
