// The community report's plain shapes: what computeReport reads (one entry per community) and every figure it
// gives, each with the ids of the matters behind it (what the register opens with the filter `{ ids }`).
import type { Period } from "../../civilTime.ts";
import type { Matter, SessionEntry } from "../schema.ts";

/** One community as the report reads it (a WorkspaceSnapshot has all of it: see reportCommunityOf). */
export interface ReportCommunity {
  id: string;
  name: string;
  /** IANA zone of the community: its civil dates, "today" and "overdue now". */
  timeZone: string;
  sessions: SessionEntry[];
  matters: Matter[];
  /** `deleted`: taken out of this community (moved to another one, say). */
  talkPoints: { id: string; name: string; deleted?: boolean }[];
  directory: { id: string; name: string }[];
  categories: { id: string; label: string }[];
}

/** Which part of the register the report covers: every community by default. */
export interface ReportScope {
  talkPointId?: string;
  communityId?: string;
}

export interface ReportInput {
  communities: ReportCommunity[];
  /** Inclusive civil dates, read in each community's own zone. */
  period: Period;
  scope: ReportScope;
  /** Epoch ms of "now": today is civilDate(now, community zone). */
  now: number;
}

/**
 * A count and the matters behind it. Matter ids are unique across communities (they are follow-up ids), so
 * one list opens the matching matters in any community's register.
 */
export interface Count {
  value: number;
  ids: string[];
}

/** A count over sessions (sessions held, attendance, visitors): its sessions, and the matters raised in them. */
export interface SessionCount extends Count {
  sessionIds: string[];
}

/** A ratio or a number of days: null when there is nothing to measure. `ids` are the matters measured. */
export interface Stat {
  value: number | null;
  ids: string[];
}

export interface ReportFigures {
  sessions: SessionCount;
  attendance: SessionCount;
  visitors: SessionCount;
  raised: Count;
  urgent: Count;
  resolved: Count;
  resolvedInPeriod: Count;
  resolutionRate: Stat;
  daysToResolveMedian: Stat;
  daysToResolveP90: Stat;
  escalated: Count;
  ackWithin: Count;
  ackLate: Count;
  ackNotYet: Count;
  overdueNow: Count;
  ackOverdueNow: Count;
  feedback: Count;
  satisfied: Count;
  notSatisfied: Count;
  /** Fed back "not satisfied" at least once by the period's end, whatever came after. */
  everNotSatisfied: Count;
  /** Whose first feedback was "satisfied". */
  firstTimeSatisfied: Count;
  /** firstTimeSatisfied / feedback. */
  firstTimeSatisfactionRate: Stat;
}

export type ReportFigureKey = keyof ReportFigures;

/** The figures in the order a report lists them. */
export const REPORT_FIGURE_KEYS: readonly ReportFigureKey[] = [
  "sessions",
  "attendance",
  "visitors",
  "raised",
  "urgent",
  "resolved",
  "resolvedInPeriod",
  "resolutionRate",
  "daysToResolveMedian",
  "daysToResolveP90",
  "escalated",
  "ackWithin",
  "ackLate",
  "ackNotYet",
  "overdueNow",
  "ackOverdueNow",
  "feedback",
  "satisfied",
  "notSatisfied",
  "everNotSatisfied",
  "firstTimeSatisfied",
  "firstTimeSatisfactionRate",
];

/** One row of a breakdown: matters raised in the period, urgent-hard among them, resolved among them. */
export interface BreakdownRow {
  key: string;
  /** The name to show; empty for a default category (the UI translates `key`). */
  label: string;
  raised: Count;
  urgent: Count;
  resolved: Count;
}

/** A talk point's or a community's row: its sessions held in the period too. */
export interface PlaceRow extends BreakdownRow {
  sessions: SessionCount;
  attendance: SessionCount;
  visitors: SessionCount;
}

/** One month "YYYY-MM" of the period: raised in it, and resolved in it (by the resolution's day). */
export interface TrendRow {
  month: string;
  raised: Count;
  resolved: Count;
}

export interface Report {
  period: Period;
  scope: ReportScope;
  figures: ReportFigures;
  byCategory: BreakdownRow[];
  /** By department whistled in (吹哨), keyed by its name, so one department of every community is one row. */
  byDepartment: BreakdownRow[];
  byTalkPoint: PlaceRow[];
  byCommunity: PlaceRow[];
  trend: TrendRow[];
}
