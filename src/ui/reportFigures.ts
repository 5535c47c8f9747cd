// Where each figure of the report leads: a short name for it in the address ("f:urgent",
// "category:raised:<key>", "trend:resolved:2024-01"), the matters it names, and the link to them — the
// register of the one community that holds them all, or the report's own list when they are in several (and
// then also the combined register of every community, filtered to them).
import type { BreakdownRow, Report, ReportFigureKey } from "../doc/community/report.ts";
import { REPORT_FIGURE_KEYS } from "../doc/community/report.ts";
import { filterToSearch } from "../doc/community/registerQuery.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { categoryName } from "./matterText.ts";
import { reportToSearch, type ReportAddress } from "./reportAddress.ts";
import { figureName, monthLabel } from "./reportText.ts";
import { ALL_COMMUNITIES, parseRoute, routeHash } from "./router.ts";

export type RowMeasure = "raised" | "urgent" | "resolved";
export type BreakdownKind = "category" | "department" | "talkPoint" | "community";
const KINDS: readonly BreakdownKind[] = ["category", "department", "talkPoint", "community"];
const MEASURES: readonly RowMeasure[] = ["raised", "urgent", "resolved"];

/** The name of a figure of the headline list. */
export const figureRef = (key: ReportFigureKey): string => `f:${key}`;
/** The name of a cell of a breakdown (or of the trend: kind "trend", measure raised/resolved, key the month). */
export const cellRef = (kind: BreakdownKind | "trend", measure: RowMeasure, key: string): string =>
  `${kind}:${measure}:${key}`;

/** A breakdown row's name as shown (a default category's name is translated). */
export function rowLabel(kind: BreakdownKind, r: BreakdownRow): string {
  return kind === "category" ? categoryName(r.key, r.label) : r.label || r.key;
}

const rowsOf = (report: Report, kind: BreakdownKind): readonly BreakdownRow[] =>
  kind === "category"
    ? report.byCategory
    : kind === "department"
      ? report.byDepartment
      : kind === "talkPoint"
        ? report.byTalkPoint
        : report.byCommunity;

/** The matters a figure name stands for, and how to call it; null for a name the report has no figure for. */
export function resolveFigure(report: Report, ref: string): { ids: string[]; name: string } | null {
  const first = ref.indexOf(":");
  const second = ref.indexOf(":", first + 1);
  const kind = ref.slice(0, first);
  if (kind === "f") {
    const key = ref.slice(first + 1) as ReportFigureKey;
    return REPORT_FIGURE_KEYS.includes(key) ? { ids: report.figures[key].ids, name: figureName(key) } : null;
  }
  if (second < 0) return null;
  const measure = ref.slice(first + 1, second) as RowMeasure;
  const key = ref.slice(second + 1);
  if (!MEASURES.includes(measure)) return null;
  const column = t(`report.col.${measure}` as MessageKey);
  if (kind === "trend") {
    const row = report.trend.find((r) => r.month === key);
    if (!row || measure === "urgent") return null;
    return { ids: row[measure].ids, name: `${monthLabel(key)} · ${column}` };
  }
  if (!KINDS.includes(kind as BreakdownKind)) return null;
  const row = rowsOf(report, kind as BreakdownKind).find((r) => r.key === key);
  return row ? { ids: row[measure].ids, name: `${rowLabel(kind as BreakdownKind, row)} · ${column}` } : null;
}

/**
 * The link of a figure's matters: the register of their community filtered to them, or (matters in several
 * communities) the report itself with the figure's list open; undefined when the figure names no matter.
 * `communityOf` maps each matter id to its community.
 */
export function figureHref(
  ids: readonly string[],
  ref: string,
  communityOf: ReadonlyMap<string, string>,
  address: ReportAddress,
): string | undefined {
  if (ids.length === 0) return undefined;
  const first = communityOf.get(ids[0]!);
  if (first !== undefined && ids.every((id) => communityOf.get(id) === first))
    return routeHash({ page: "register", id: first, search: filterToSearch({ ids: [...ids] }) });
  return routeHash({ page: "report", search: reportToSearch({ ...address, figure: ref }) });
}

/** The combined register of every community filtered to exactly `ids`. */
export function allRegisterHref(ids: readonly string[]): string {
  return routeHash({ page: "register", id: ALL_COMMUNITIES, search: filterToSearch({ ids: [...ids] }) });
}

/** The combined register's link for a figure whose link (`href`, from figureHref) is the report's own list. */
export function allRegisterHrefOf(href: string | undefined, ids: readonly string[]): string | undefined {
  return href !== undefined && parseRoute(href).page === "report" ? allRegisterHref(ids) : undefined;
}
