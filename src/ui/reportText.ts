// What the report screen writes: numbers and percentages in the UI language (Intl.NumberFormat), a figure's
// value, month and quarter names, and the translated labels the report's CSV files take.
import type { ReportFigureKey } from "../doc/community/report.ts";
import { REPORT_FIGURE_KEYS } from "../doc/community/report.ts";
import { MATTER_STATUSES, type MatterStatus } from "../doc/community/schema.ts";
import { DEFAULT_CATEGORIES } from "../doc/session/schema.ts";
import type { MattersCsvLabels, ReportCsvLabels } from "../export/reportCsv.ts";
import { MATTER_CSV_COLUMNS, type MatterCsvColumn } from "../export/reportCsv.ts";
import { lang, LOCALES, t, type Lang, type MessageKey } from "../i18n/i18n.ts";
import { categoryName } from "./matterText.ts";

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number formatter for the language (Latin digits where Intl has no data for it, as for Uyghur). */
function numberFormat(language: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    const locale = LOCALES[language];
    const supported = Intl.NumberFormat.supportedLocalesOf(locale).length > 0;
    numberFormats.set(key, (f = new Intl.NumberFormat(supported ? locale : "en-GB", options)));
  }
  return f;
}

/** A count in the UI language ("10,000" in English). */
export const formatCount = (n: number): string => numberFormat(lang(), {}).format(n);

/** A ratio as a percentage in the UI language ("92%", "92.5%"). */
export const formatPercent = (ratio: number): string =>
  numberFormat(lang(), { style: "percent", maximumFractionDigits: 1 }).format(ratio);

/** Figures that are a ratio, and those that are a number of days. */
const RATIOS: ReadonlySet<ReportFigureKey> = new Set(["resolutionRate", "firstTimeSatisfactionRate"]);
const DAYS: ReadonlySet<ReportFigureKey> = new Set(["daysToResolveMedian", "daysToResolveP90"]);

/** A figure's value as shown: a count, a percentage, a number of days, or "—" when there is nothing. */
export function figureValueText(key: ReportFigureKey, value: number | null): string {
  if (value === null) return t("report.noValue");
  if (RATIOS.has(key)) return formatPercent(value);
  if (DAYS.has(key)) return t("report.days", { n: value });
  return formatCount(value);
}

/** The translated name of a figure. */
export const figureName = (key: ReportFigureKey): string => t(`report.figure.${key}` as MessageKey);

/** A month "YYYY-MM" as a short label ("2024年1月", "1/2024"). */
export function monthLabel(month: string): string {
  return t("report.month", { year: month.slice(0, 4), month: String(Number(month.slice(5, 7))) });
}

/** A quarter "YYYY-Qn" as people name it ("2024年第1季度", "Q1 2024"). */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split("-Q");
  return t("report.quarterName", { year: year ?? "", q: q ?? "" });
}

/** Names of the default categories in the UI language, by id. */
function defaultCategoryNames(): Record<string, string> {
  return Object.fromEntries(DEFAULT_CATEGORIES.map((id) => [id, categoryName(id)]));
}

/** The words of the figures CSV, in the UI language. */
export function figuresCsvLabels(): ReportCsvLabels {
  return {
    figure: t("report.col.figure"),
    value: t("report.col.value"),
    figures: Object.fromEntries(REPORT_FIGURE_KEYS.map((k) => [k, figureName(k)])) as Record<
      ReportFigureKey,
      string
    >,
    byCategory: t("report.table.byCategory"),
    byDepartment: t("report.table.byDepartment"),
    byTalkPoint: t("report.table.byTalkPoint"),
    byCommunity: t("report.table.byCommunity"),
    trend: t("report.table.trend"),
    name: t("report.col.name"),
    raised: t("report.col.raised"),
    urgent: t("report.col.urgent"),
    resolved: t("report.col.resolved"),
    sessions: t("report.col.sessions"),
    attendance: t("report.col.attendance"),
    visitors: t("report.col.visitors"),
    month: t("report.col.month"),
    categories: defaultCategoryNames(),
  };
}

/** The words of the matters CSV, in the UI language. */
export function mattersCsvLabels(): MattersCsvLabels {
  return {
    columns: Object.fromEntries(
      MATTER_CSV_COLUMNS.map((c) => [c, t(`report.csvCol.${c}` as MessageKey)]),
    ) as Record<MatterCsvColumn, string>,
    anonymous: t("matter.anonymous"),
    yes: t("matter.yes"),
    no: t("matter.no"),
    satisfied: t("matter.satisfied"),
    notSatisfied: t("matter.notSatisfied"),
    statuses: Object.fromEntries(
      MATTER_STATUSES.map((s) => [s, t(`matterStatus.${s}` as MessageKey)]),
    ) as Record<MatterStatus, string>,
    categories: defaultCategoryNames(),
  };
}
