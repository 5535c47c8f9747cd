// The community workspace's shape: plain record types the UI reads, and the limits and defaults mutators keep.
// One workspace per community (社区): its talk points, directory of departments and units, categories, the
// index of its sessions, and the register of matters (台账) that outlive a sitting.
import type { Schedule } from "../talkPoint.ts";
import type { Matter } from "./matterSchema.ts";

export * from "./matterSchema.ts";

/**
 * Bumped when the workspace layout changes; a workspace of a newer version opens read-only. 2: a matter is
 * the resident's issue with its follow-ups as actions, copy fields per field, steps with ids applied once.
 */
export const WORKSPACE_SCHEMA_VERSION = 2;

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
  /** Something was recorded at it (an issue, attendance, a vote, notes…): a session never held counts nowhere. */
  held: boolean;
  createdAt: number;
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
