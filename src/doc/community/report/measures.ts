// The report's measures of one matter or one set (days to resolve, acknowledgement on time, percentiles,
// months of a period), and the adapters from a workspace snapshot to what the report reads.
import { daysBetween, isCalendarDate, monthOf, type Period } from "../../civilTime.ts";
import type { Matter, WorkspaceSnapshot } from "../schema.ts";
import type { ReportCommunity, ReportInput } from "./types.ts";

/**
 * Whole days from the day raised to the day of the resolution in force, never below 0 (a date entered
 * wrong); null when it is not resolved now or a date is broken.
 * @example daysToResolve({ raisedOn: "2023-04-28", status: "closed", resolution: { on: "2024-01-26", … } }) // 273
 */
export function daysToResolve(m: Pick<Matter, "raisedOn" | "status" | "resolution">): number | null {
  const on = m.resolution?.on;
  if ((m.status !== "resolved" && m.status !== "closed") || !on) return null;
  if (!isCalendarDate(m.raisedOn) || !isCalendarDate(on)) return null;
  return Math.max(0, daysBetween(m.raisedOn, on));
}

export type AckState = "within" | "late" | "notYet";

/**
 * How the department whistled in reported (报到) as of the end of day `asOf`, or null when that does not
 * apply (no escalation in force, or resolved without one): "within" when acknowledged on or before the
 * deadline (or there was none), "late" after it, "notYet" when not acknowledged and not resolved.
 * @example ackStateAsOf({ escalation: { deadline: "2023-05-15", … }, acknowledgement: { on: "2023-05-10", … } }, "2023-05-31", false) // "within"
 */
export function ackStateAsOf(
  m: Pick<Matter, "escalation" | "acknowledgement">,
  asOf: string,
  resolved: boolean,
): AckState | null {
  if (!m.escalation) return null;
  const ack = m.acknowledgement;
  if (!ack || ack.on > asOf) return resolved ? null : "notYet";
  const { deadline } = m.escalation;
  return deadline !== "" && ack.on !== "" && ack.on > deadline ? "late" : "within";
}

/**
 * Whether the resident was satisfied, by the latest feedback given by the end of day `asOf` (null: none).
 * @example feedbackAsOf({ feedbacks: [{ on: "2024-02-01", satisfied: false }] }, "2024-02-29") // false
 */
export function feedbackAsOf(m: Pick<Matter, "feedbacks">, asOf: string): boolean | null {
  return feedbacksAsOf(m, asOf)?.latest ?? null;
}

/**
 * The feedback given by `asOf` (in the log's order): the latest answer, the first, and whether any was
 * "not satisfied"; null when none was given by then.
 */
export function feedbacksAsOf(
  m: Pick<Matter, "feedbacks">,
  asOf: string,
): { latest: boolean; first: boolean; everNot: boolean } | null {
  let out: { latest: boolean; first: boolean; everNot: boolean } | null = null;
  for (const { on, satisfied } of m.feedbacks) {
    if (on > asOf) continue;
    if (out === null) out = { latest: satisfied, first: satisfied, everNot: !satisfied };
    else {
      out.latest = satisfied;
      out.everNot ||= !satisfied;
    }
  }
  return out;
}

/**
 * The report's key of a category, by name: a category's own label (its current one in the community, else
 * the one the matter recorded), or the id of a default category never renamed (the UI translates it), so the
 * same name is one row across communities and a community's renamed default is not another's.
 * @example categoryKeys([{ id: "parking", label: "停车难" }])("parking", "") // "停车难"
 */
export function categoryKeys(
  categories: readonly { id: string; label: string }[],
): (id: string, recorded: string) => string {
  const labels = new Map(categories.map((c) => [c.id, c.label]));
  return (id, recorded) => labels.get(id) || recorded || id;
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
    talkPoints: s.talkPoints.map(({ id, name, deleted }) => ({ id, name, deleted })),
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
