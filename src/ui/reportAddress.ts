// The report's address (#/report?scope=…&period=…): which communities or talk point it covers and which
// period, read from and written to the query part of the hash, and the period's civil dates on a given day.
import { addDays, isCalendarDate, periodOf, type Period } from "../doc/civilTime.ts";
import type { ReportScope } from "../doc/community/report.ts";

export type ReportPeriodKind = "week" | "month" | "quarter" | "range";
export const REPORT_PERIODS: readonly ReportPeriodKind[] = ["week", "month", "quarter", "range"];

/**
 * What the report shows. `scope`: "all" (every community on this tablet), "community" (`community`), or
 * "talkPoint" (`talkPoint` of `community`). `quarter` "YYYY-Qn" (default: today's); `from`/`to` for a range.
 * `figure` names the figure whose matters are listed on the page (see figureIds).
 */
export interface ReportAddress {
  scope: "all" | "community" | "talkPoint";
  community?: string;
  talkPoint?: string;
  period: ReportPeriodKind;
  quarter?: string;
  from?: string;
  to?: string;
  figure?: string;
}

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
/** A range of more than ten years is cut to ten (its trend would have more than 120 months). */
const MAX_RANGE_DAYS = 3660;

/** The address read back from the hash's query; anything unknown or malformed falls back to the default. */
export function reportFromSearch(search: string): ReportAddress {
  const p = new URLSearchParams(search);
  const text = (key: string) => p.get(key)?.slice(0, 200) || undefined;
  const community = text("community");
  const talkPoint = text("talkPoint");
  const scope = p.get("scope");
  const a: ReportAddress = {
    scope: scope === "talkPoint" && community && talkPoint ? "talkPoint" : "all",
    period: "month",
  };
  if (scope === "community" && community) a.scope = "community";
  if (a.scope !== "all") a.community = community;
  if (a.scope === "talkPoint") a.talkPoint = talkPoint;
  const period = p.get("period") as ReportPeriodKind | null;
  if (period && REPORT_PERIODS.includes(period)) a.period = period;
  const quarter = p.get("quarter");
  if (a.period === "quarter" && quarter && QUARTER_RE.test(quarter)) a.quarter = quarter;
  if (a.period === "range") {
    const from = p.get("from") ?? "";
    const to = p.get("to") ?? "";
    if (isCalendarDate(from)) a.from = from;
    if (isCalendarDate(to)) a.to = to;
  }
  const figure = text("figure");
  if (figure) a.figure = figure;
  return a;
}

/** The address as the hash's query (only what differs from the defaults). */
export function reportToSearch(a: ReportAddress): string {
  const p = new URLSearchParams();
  p.set("scope", a.scope);
  if (a.scope !== "all" && a.community) p.set("community", a.community);
  if (a.scope === "talkPoint" && a.talkPoint) p.set("talkPoint", a.talkPoint);
  p.set("period", a.period);
  if (a.period === "quarter" && a.quarter) p.set("quarter", a.quarter);
  if (a.period === "range") {
    if (a.from) p.set("from", a.from);
    if (a.to) p.set("to", a.to);
  }
  if (a.figure) p.set("figure", a.figure);
  return p.toString();
}

/** The computeReport scope of an address. */
export function scopeOf(a: ReportAddress): ReportScope {
  if (a.scope === "talkPoint") return { communityId: a.community, talkPointId: a.talkPoint };
  if (a.scope === "community") return { communityId: a.community };
  return {};
}

/**
 * The quarter "YYYY-Qn" that holds `date`.
 * @example quarterOf("2024-05-15") // "2024-Q2"
 */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The quarters from the one holding `earliest` to the one holding `today`, newest first, at most `max`.
 * @example quartersUpTo("2023-11-02", "2024-05-15") // ["2024-Q2", "2024-Q1", "2023-Q4"]
 */
export function quartersUpTo(earliest: string, today: string, max = 12): string[] {
  const out: string[] = [];
  let [y, q] = quarterOf(today).split("-Q").map(Number) as [number, number];
  const first = isCalendarDate(earliest) && earliest <= today ? quarterOf(earliest) : quarterOf(today);
  for (;;) {
    const key = `${y}-Q${q}`;
    out.push(key);
    if (key <= first || out.length >= max) return out;
    if (--q < 1) [y, q] = [y - 1, 4];
  }
}

/**
 * The address's period as inclusive civil dates on `today` (a civil date in the zone the report is read in).
 * A range with an end missing runs from the first of today's month / to today; ends in the wrong order are
 * swapped.
 * @example periodFor({ scope: "all", period: "quarter", quarter: "2024-Q1" }, "2025-03-02") // 2024-01-01 … 2024-03-31
 */
export function periodFor(a: ReportAddress, today: string): Period {
  if (a.period === "week" || a.period === "month") return periodOf(a.period, today);
  if (a.period === "quarter") {
    const m = QUARTER_RE.exec(a.quarter ?? quarterOf(today));
    const month = String((Number(m![2]) - 1) * 3 + 1).padStart(2, "0");
    return periodOf("quarter", `${m![1]}-${month}-01`);
  }
  let from = a.from ?? `${today.slice(0, 7)}-01`;
  let to = a.to ?? today;
  if (from > to) [from, to] = [to, from];
  if (from < addDays(to, -MAX_RANGE_DAYS)) from = addDays(to, -MAX_RANGE_DAYS);
  return { from, to };
}
