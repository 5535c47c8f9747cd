// The community report (step 6): the figures the subdistrict asks for each period, per community and for
// every community, each with the ids of the matters behind it. Pure: plain records in, plain records out.
import { civilDate } from "../civilTime.ts";
import { isAckOverdue, isMatterOverdue } from "./registerQuery.ts";
import { civilDates, dateMemo } from "./report/fastDates.ts";
import { ackStateAsOf, categoryKeys, feedbacksAsOf, monthsOf, nearestRank } from "./report/measures.ts";
import type {
  BreakdownRow,
  Count,
  PlaceRow,
  Report,
  ReportFigures,
  ReportInput,
  SessionCount,
  TrendRow,
} from "./report/types.ts";
import type { Matter } from "./schema.ts";

export * from "./report/types.ts";
export * from "./report/measures.ts";

const count = (): Count => ({ value: 0, ids: [] });
const sessionCount = (): SessionCount => ({ value: 0, ids: [], sessionIds: [] });
const add = (c: Count, id: string): void => {
  c.value++;
  c.ids.push(id);
};

const row = (key: string, label: string): BreakdownRow => ({
  key,
  label,
  raised: count(),
  urgent: count(),
  resolved: count(),
});
const placeRow = (key: string, label: string): PlaceRow => ({
  ...row(key, label),
  sessions: sessionCount(),
  attendance: sessionCount(),
  visitors: sessionCount(),
});

type SessionGroup = Pick<PlaceRow, "sessions" | "attendance" | "visitors">;
const NONE: readonly SessionGroup[] = [];

function emptyFigures(): ReportFigures {
  return {
    sessions: sessionCount(),
    attendance: sessionCount(),
    visitors: sessionCount(),
    raised: count(),
    urgent: count(),
    resolved: count(),
    resolvedInPeriod: count(),
    resolutionRate: { value: null, ids: [] },
    daysToResolveMedian: { value: null, ids: [] },
    daysToResolveP90: { value: null, ids: [] },
    escalated: count(),
    ackWithin: count(),
    ackLate: count(),
    ackNotYet: count(),
    overdueNow: count(),
    ackOverdueNow: count(),
    feedback: count(),
    satisfied: count(),
    notSatisfied: count(),
    everNotSatisfied: count(),
    firstTimeSatisfied: count(),
    firstTimeSatisfactionRate: { value: null, ids: [] },
  };
}

/** Raised, urgent-hard and resolved of one matter into a breakdown row. */
function tally(r: BreakdownRow, m: Matter, resolved: boolean): void {
  add(r.raised, m.id);
  if (m.urgent) add(r.urgent, m.id);
  if (resolved) add(r.resolved, m.id);
}

/** The row `key` of `rows`, made with `make(key, label)` the first time. */
function rowOf<R>(
  rows: Map<string, R>,
  key: string,
  label: string,
  make: (key: string, label: string) => R,
): R {
  let r = rows.get(key);
  if (!r) rows.set(key, (r = make(key, label)));
  return r;
}

const trendRow = (month: string): TrendRow => ({ month, raised: count(), resolved: count() });
const monthRow = (trend: Map<string, TrendRow>, month: string) => rowOf(trend, month, "", trendRow);

const byRaisedThenName = (a: BreakdownRow, b: BreakdownRow) =>
  b.raised.value - a.raised.value || a.key.localeCompare(b.key, "zh");

/**
 * Talk points moved from one community to another: deleted in one and held by another. Their matters may be
 * in both registers (an older version copied them along).
 */
function movedTalkPoints(communities: ReportInput["communities"]): Set<string> {
  const deleted = new Set<string>();
  for (const c of communities) for (const tp of c.talkPoints) if (tp.deleted) deleted.add(tp.id);
  const moved = new Set<string>();
  if (deleted.size === 0) return moved;
  for (const c of communities)
    for (const tp of c.talkPoints) if (!tp.deleted && deleted.has(tp.id)) moved.add(tp.id);
  return moved;
}

/**
 * The report over the communities for the period and scope. In short (each figure's definition is written
 * under it on the report: report.def.* in the dictionaries): matter figures count the matters raised in the
 * period (Matter.raisedOn), withdrawn ones left out, as they stood at the end of the period (a later
 * resolution or reopening does not change a past period); `resolvedInPeriod` and the trend's `resolved` count
 * resolutions made in the period (the day they happened) still in force at its end; "overdue now" counts every open matter today.
 * @example
 * const report = computeReport({
 *   communities: snapshots.map(reportCommunityOf),
 *   period: periodOf("month", civilDate(Date.now(), "Asia/Shanghai")),
 *   scope: {},
 *   now: Date.now(),
 * });
 * report.figures.urgent // { value: 11, ids: ["m1", …] }: open them with the register filter { ids }
 */
export function computeReport(input: ReportInput): Report {
  const { period, scope, now } = input;
  const f = emptyFigures();
  const trend = new Map<string, TrendRow>(monthsOf(period).map((month) => [month, trendRow(month)]));
  const categories = new Map<string, BreakdownRow>();
  const departments = new Map<string, BreakdownRow>();
  const talkPoints = new Map<string, PlaceRow>();
  const communities: PlaceRow[] = [];
  const samples: [days: number, id: string][] = [];
  const { isDate, dayNumber } = dateMemo();
  const within = (d: string | null): d is string =>
    d !== null && d >= period.from && d <= period.to && isDate(d);

  // A talk point moved to another community is in both workspaces, and so may be its matters: those of a
  // moved talk point are counted once.
  const counted = new Set<string>();
  const shared = movedTalkPoints(input.communities);
  for (const c of input.communities) {
    if (scope.communityId && c.id !== scope.communityId) continue;
    const tz = c.timeZone;
    const today = civilDate(now, tz);
    // Figures of the period are as they stood at its end (today for a period that is not over).
    const asOf = period.to < today ? period.to : today;
    const dayOf = civilDates(tz);
    const community = placeRow(c.id, c.name);
    communities.push(community);
    const categoryKey = categoryKeys(c.categories);
    for (const cat of c.categories) {
      const key = categoryKey(cat.id, "");
      rowOf(categories, key, cat.label, row);
    }
    for (const tp of c.talkPoints)
      if (!scope.talkPointId || tp.id === scope.talkPointId) rowOf(talkPoints, tp.id, tp.name, placeRow);
    const directory = new Map(c.directory.map((d) => [d.id, d.name]));

    // Sessions held in the period: the groups (report, talk point, community) each one counts in.
    const heldIn = new Map<string, SessionGroup[]>();
    for (const s of c.sessions) {
      if (!s.held || (scope.talkPointId && s.talkPointId !== scope.talkPointId)) continue;
      if (!within(dayOf(s.startsAt))) continue;
      const groups = [f, community, rowOf(talkPoints, s.talkPointId, "", placeRow)];
      heldIn.set(s.id, groups);
      for (const g of groups) {
        g.sessions.value++;
        g.attendance.value += s.headcount;
        g.visitors.value += s.visitors;
        g.sessions.sessionIds.push(s.id);
        g.attendance.sessionIds.push(s.id);
        g.visitors.sessionIds.push(s.id);
      }
    }

    for (const m of c.matters) {
      if (scope.talkPointId && m.talkPointId !== scope.talkPointId) continue;
      // A withdrawn matter (in error, a duplicate, linked "same as", deleted in its session) counts nowhere.
      if (m.status === "withdrawn") continue;
      if (shared.size > 0 && shared.has(m.talkPointId)) {
        if (counted.has(m.id)) continue;
        counted.add(m.id);
      }
      // Now, whenever it was raised: every open matter of the scope.
      if (isMatterOverdue(m, today)) add(f.overdueNow, m.id);
      if (isAckOverdue(m, today)) add(f.ackOverdueNow, m.id);
      // Resolutions made in the period (a month of the trend) and still in force at its end; and `on`, the
      // day of the one in force at the end (a resolution counts from its day until the day it was undone).
      const rs = m.resolutions;
      let inPeriod = false;
      let on: string | null = null;
      let months: Set<string> | null = null;
      // (A resolution's day is a real day: the readers keep no other.)
      for (let k = 0; k < rs.length; k++) {
        const e = rs[k]!;
        const until = e.until;
        const inForce = until === null || until > asOf;
        if (inForce && e.on <= asOf) on = e.on;
        if (e.on < period.from || e.on > period.to) continue;
        if (inForce) inPeriod = true;
        const month = e.on.slice(0, 7);
        // In force at the end of its month (or now, in the month not over): undone only in a later month.
        if (!inForce && until!.slice(0, 7) <= month) continue;
        if (rs.length > 1) {
          if (months?.has(month)) continue;
          (months ??= new Set()).add(month);
        }
        add(monthRow(trend, month).resolved, m.id);
      }
      if (inPeriod) add(f.resolvedInPeriod, m.id);
      for (const g of heldIn.get(m.sessionId) ?? NONE) {
        g.sessions.ids.push(m.id);
        g.attendance.ids.push(m.id);
        g.visitors.ids.push(m.id);
      }
      if (!within(m.raisedOn)) continue;

      add(f.raised, m.id);
      add(monthRow(trend, m.raisedOn.slice(0, 7)).raised, m.id);
      if (m.urgent) add(f.urgent, m.id);
      const resolved = on !== null;
      if (on !== null) {
        add(f.resolved, m.id);
        // As daysToResolve: whole days from the day raised to the resolution's day, never below 0.
        samples.push([Math.max(0, dayNumber(on) - dayNumber(m.raisedOn)), m.id]);
      }
      tally(community, m, resolved);
      tally(rowOf(categories, categoryKey(m.categoryId, m.category), m.category, row), m, resolved);
      tally(rowOf(talkPoints, m.talkPointId, "", placeRow), m, resolved);

      const e = m.escalation;
      if (e && e.on <= asOf) {
        add(f.escalated, m.id);
        const name = directory.get(e.departmentId) || e.department || e.departmentId;
        tally(rowOf(departments, name, name, row), m, resolved);
        const ack = ackStateAsOf(m, asOf, resolved);
        if (ack) add(ack === "late" ? f.ackLate : ack === "notYet" ? f.ackNotYet : f.ackWithin, m.id);
      }
      const told = m.feedbacks.length === 0 ? null : feedbacksAsOf(m, asOf);
      if (told !== null) {
        add(f.feedback, m.id);
        add(told.latest ? f.satisfied : f.notSatisfied, m.id);
        if (told.everNot) add(f.everNotSatisfied, m.id);
        if (told.first) add(f.firstTimeSatisfied, m.id);
      }
    }
  }

  f.resolutionRate = {
    value: f.raised.value > 0 ? f.resolved.value / f.raised.value : null,
    ids: f.resolved.ids.slice(),
  };
  f.firstTimeSatisfactionRate = {
    value: f.feedback.value > 0 ? f.firstTimeSatisfied.value / f.feedback.value : null,
    ids: f.firstTimeSatisfied.ids.slice(),
  };
  const days = samples.map(([d]) => d).sort((a, b) => a - b);
  const measured = samples.map(([, id]) => id);
  f.daysToResolveMedian = { value: nearestRank(days, 50), ids: measured };
  f.daysToResolveP90 = { value: nearestRank(days, 90), ids: measured.slice() };

  return {
    period: { ...period },
    scope: { ...scope },
    figures: f,
    byCategory: [...categories.values()],
    byDepartment: [...departments.values()].sort(byRaisedThenName),
    byTalkPoint: [...talkPoints.values()],
    byCommunity: communities,
    trend: [...trend.values()],
  };
}
