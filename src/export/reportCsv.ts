// The community report as CSV (RFC 4180, UTF-8 with BOM, formula-safe cells via csv.ts): its figures and
// breakdown tables, and the list of matters behind a figure. Labels come from the caller, already translated.
import type {
  BreakdownRow,
  PlaceRow,
  Report,
  ReportFigureKey,
  ReportMatterRow,
} from "../doc/community/report.ts";
import { daysToResolve, REPORT_FIGURE_KEYS } from "../doc/community/report.ts";
import type { MatterStatus } from "../doc/community/schema.ts";
import { csvField } from "./csv.ts";

/** The words of the figures CSV. */
export interface ReportCsvLabels {
  /** Header of the figures table. */
  figure: string;
  value: string;
  figures: Record<ReportFigureKey, string>;
  /** Titles of the tables. */
  byCategory: string;
  byDepartment: string;
  byTalkPoint: string;
  byCommunity: string;
  trend: string;
  /** Column headers of the tables. */
  name: string;
  raised: string;
  urgent: string;
  resolved: string;
  sessions: string;
  attendance: string;
  visitors: string;
  month: string;
  /** Names of the default categories by id (a category row with an empty label shows these). */
  categories: Record<string, string>;
}

export const MATTER_CSV_COLUMNS = [
  "id",
  "raisedOn",
  "community",
  "talkPoint",
  "category",
  "urgent",
  "text",
  "raisedBy",
  "location",
  "owner",
  "department",
  "status",
  "escalatedOn",
  "acknowledgedOn",
  "resolvedOn",
  "fedBackOn",
  "satisfaction",
  "daysToResolve",
] as const;
export type MatterCsvColumn = (typeof MATTER_CSV_COLUMNS)[number];

/** The words of the matters CSV. */
export interface MattersCsvLabels {
  columns: Record<MatterCsvColumn, string>;
  /** Written instead of a raiser who chose to stay anonymous. */
  anonymous: string;
  yes: string;
  no: string;
  satisfied: string;
  notSatisfied: string;
  statuses: Record<MatterStatus, string>;
  /** Names of the default categories by id. */
  categories: Record<string, string>;
}

/** Rows as CSV text: BOM, CRLF line ends, every field through csvField. */
function csv(rows: readonly (readonly string[])[]): string {
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** A figure's value as written: a count as is, a ratio to 4 decimals, nothing for "no value". */
const valueText = (v: number | null): string => (v === null ? "" : String(Math.round(v * 10_000) / 10_000));

function table(
  title: string,
  rows: readonly BreakdownRow[],
  l: ReportCsvLabels,
  labelOf: (r: BreakdownRow) => string,
): string[][] {
  const places = rows.length > 0 && "sessions" in rows[0]!;
  const head = [l.name, l.raised, l.urgent, l.resolved];
  const out = [[title], places ? [...head, l.sessions, l.attendance, l.visitors] : head];
  for (const r of rows) {
    const cells = [labelOf(r), r.raised.value, r.urgent.value, r.resolved.value].map(String);
    if (places) {
      const p = r as PlaceRow;
      cells.push(...[p.sessions.value, p.attendance.value, p.visitors.value].map(String));
    }
    out.push(cells);
  }
  return out;
}

/**
 * The report as CSV: one row per figure (name, value), then the breakdowns and the month-by-month trend,
 * each a titled table after an empty row.
 * @example download("report.csv", reportFiguresCsv(computeReport(input), labelsFrom(t)))
 */
export function reportFiguresCsv(report: Report, l: ReportCsvLabels): string {
  const rows: string[][] = [[l.figure, l.value]];
  for (const key of REPORT_FIGURE_KEYS) rows.push([l.figures[key], valueText(report.figures[key].value)]);
  const named = (r: BreakdownRow) => r.label || r.key;
  const tables = [
    table(l.byCategory, report.byCategory, l, (r) => r.label || l.categories[r.key] || r.key),
    table(l.byDepartment, report.byDepartment, l, named),
    table(l.byTalkPoint, report.byTalkPoint, l, named),
    table(l.byCommunity, report.byCommunity, l, named),
    [
      [l.trend],
      [l.month, l.raised, l.resolved],
      ...report.trend.map((t) => [t.month, String(t.raised.value), String(t.resolved.value)]),
    ],
  ];
  for (const t of tables) rows.push([], ...t);
  return csv(rows);
}

/** One matter's cells, in MATTER_CSV_COLUMNS order. */
function matterCells(r: ReportMatterRow, l: MattersCsvLabels): string[] {
  const m = r.matter;
  const days = daysToResolve(m);
  // The latest feedback given, also when the matter was resolved again since.
  const last = m.feedbacks.at(-1);
  const cells: Record<MatterCsvColumn, string> = {
    id: m.id,
    raisedOn: m.raisedOn,
    community: r.community,
    talkPoint: r.talkPoint,
    category: m.category || l.categories[m.categoryId] || m.categoryId,
    urgent: m.urgent ? l.yes : l.no,
    text: m.text,
    // Never the name of a raiser who chose to stay anonymous, whatever the record holds.
    raisedBy: m.anonymous ? l.anonymous : m.raisedBy,
    location: m.location,
    owner: m.owner,
    department: r.department,
    status: l.statuses[m.status] ?? m.status,
    escalatedOn: m.escalation?.on ?? "",
    acknowledgedOn: m.acknowledgement?.on ?? "",
    resolvedOn: m.status === "resolved" || m.status === "closed" ? (m.resolution?.on ?? "") : "",
    fedBackOn: last?.on ?? "",
    satisfaction: last ? (last.satisfied ? l.satisfied : l.notSatisfied) : "",
    daysToResolve: days === null ? "" : String(days),
  };
  return MATTER_CSV_COLUMNS.map((c) => cells[c]);
}

/**
 * A list of matters as CSV, one row each, with the columns an office files (MATTER_CSV_COLUMNS).
 * @example reportMattersCsv(reportMatterRows(input, report.figures.urgent.ids), labels)
 */
export function reportMattersCsv(rows: readonly ReportMatterRow[], l: MattersCsvLabels): string {
  return csv([MATTER_CSV_COLUMNS.map((c) => l.columns[c]), ...rows.map((r) => matterCells(r, l))]);
}
