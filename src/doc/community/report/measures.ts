// The report's measures of one matter or one set (days to resolve, acknowledgement on time, percentiles,
// months of a period), and the adapters from a workspace snapshot to what the report reads.
import {
  civilDate,
  daysBetween,
  isCalendarDate,
  monthOf,
  type Instant,
  type Period,
} from "../../civilTime.ts";
import type { Matter, MatterStatus, WorkspaceSnapshot } from "../schema.ts";
import type { ReportCommunity, ReportInput } from "./types.ts";

/** Resolved now: resolved, or closed (resolved and the raiser satisfied). */
export const isResolvedStatus = (s: MatterStatus): boolean => s === "resolved" || s === "closed";

/**
 * The civil date of an instant in `tz`, or null for an instant that is not one (a broken entry).
 * @example civilDateOrNull("2024-01-31T15:30:00Z", "Asia/Shanghai") // "2024-01-31"
 */
export function civilDateOrNull(instant: Instant, tz: string): string | null {
  try {
    return civilDate(instant, tz);
  } catch {
    return null;
  }
}

/** True when `date` is a real civil date inside the inclusive period. */
export const inPeriod = (date: string | null, p: Period): date is string =>
  date !== null && date >= p.from && date <= p.to && isCalendarDate(date);

/**
 * The civil date the matter's resolution in force was recorded on (in `tz`), or null when it is not resolved.
 * @example resolvedOn(matter, "Asia/Shanghai") // "2024-01-26"
 */
export function resolvedOn(m: Pick<Matter, "status" | "resolution">, tz: string): string | null {
  return isResolvedStatus(m.status) && m.resolution ? civilDateOrNull(m.resolution.at, tz) : null;
}

/**
 * Whole days from the day raised to the day of the resolution in force (in `tz`), never below 0 (a tablet
 * clock set wrong); null when it is not resolved or a date is broken.
 * @example daysToResolve({ raisedOn: "2023-04-28", status: "closed", resolution }, "Asia/Shanghai") // 273
 */
export function daysToResolve(
  m: Pick<Matter, "raisedOn" | "status" | "resolution">,
  tz: string,
): number | null {
  const on = resolvedOn(m, tz);
  if (on === null || !isCalendarDate(m.raisedOn)) return null;
  return Math.max(0, daysBetween(m.raisedOn, on));
}

export type AckState = "within" | "late" | "notYet";

/**
 * How the department whistled in reported (报到), or null when the matter was not escalated: "within" when
 * acknowledged on or before the deadline (or there was none), "late" after it, "notYet" when no
 * acknowledgement is recorded for the escalation in force.
 * @example ackState({ escalation: { deadline: "2023-05-15", … }, acknowledgement: { on: "2023-05-10", … } }) // "within"
 */
export function ackState(m: Pick<Matter, "escalation" | "acknowledgement">): AckState | null {
  if (!m.escalation) return null;
  if (!m.acknowledgement) return "notYet";
  const { deadline } = m.escalation;
  const { on } = m.acknowledgement;
  return deadline !== "" && on !== "" && on > deadline ? "late" : "within";
}

/**
 * The nearest-rank percentile of ascending `sorted`: the value at rank ceil(p/100 × n), 1-based (so always a
 * value that occurs); null for an empty list.
 * @example nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) // 9
 * @example nearestRank([1, 2, 3, 4], 50) // 2
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * Every month "YYYY-MM" the period touches, in order (empty for a period that is not one).
 * @example monthsOf({ from: "2023-12-15", to: "2024-02-10" }) // ["2023-12", "2024-01", "2024-02"]
 */
export function monthsOf(p: Period): string[] {
  if (!isCalendarDate(p.from) || !isCalendarDate(p.to) || p.from > p.to) return [];
  const out: string[] = [];
  let [y, m] = monthOf(p.from).split("-").map(Number) as [number, number];
  const last = monthOf(p.to);
  for (;;) {
    const key = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    out.push(key);
    if (key >= last) return out;
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}

/**
 * A community's workspace snapshot as the report reads it.
 * @example computeReport({ communities: snapshots.map(reportCommunityOf), period, scope: {}, now: Date.now() })
 */
export function reportCommunityOf(s: WorkspaceSnapshot): ReportCommunity {
  return {
    id: s.meta.id,
    name: s.meta.name,
    timeZone: s.meta.timeZone,
    sessions: s.sessions,
    matters: s.matters,
    talkPoints: s.talkPoints.map(({ id, name }) => ({ id, name })),
    directory: s.directory.map(({ id, name }) => ({ id, name })),
    categories: s.categories.map(({ id, label }) => ({ id, label })),
  };
}

/** A matter with the names a list of matters shows beside it (for the matters CSV). */
export interface ReportMatterRow {
  matter: Matter;
  timeZone: string;
  community: string;
  talkPoint: string;
  /** The department whistled in, by its current directory name (or the name recorded with the step). */
  department: string;
}

/**
 * The matters `ids` names (every matter when omitted), in the order of the input, with their names.
 * @example reportMattersCsv(reportMatterRows(input, report.figures.urgent.ids), labels)
 */
export function reportMatterRows(
  input: Pick<ReportInput, "communities">,
  ids?: readonly string[],
): ReportMatterRow[] {
  const wanted = ids ? new Set(ids) : null;
  const out: ReportMatterRow[] = [];
  for (const c of input.communities) {
    const talkPoints = new Map(c.talkPoints.map((t) => [t.id, t.name]));
    const departments = new Map(c.directory.map((d) => [d.id, d.name]));
    for (const matter of c.matters) {
      if (wanted && !wanted.has(matter.id)) continue;
      const e = matter.escalation;
      out.push({
        matter,
        timeZone: c.timeZone,
        community: c.name,
        talkPoint: talkPoints.get(matter.talkPointId) ?? "",
        department: e ? departments.get(e.departmentId) || e.department : "",
      });
    }
  }
  return out;
}
