// The follow-up table as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read Chinese correctly).
import type { Minutes } from "./minutesModel.ts";

/** One field: quoted when needed, quotes doubled; a leading = + - @ is neutralised (formula injection). */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The minutes' follow-ups as CSV text, header in the minutes' language. */
export function followUpsCsv(m: Minutes): string {
  const t = m.text;
  const rows = [
    [t.action, t.owner, t.due, t.status, t.escalatedTo],
    ...m.followUps.map((f) => [f.action, f.owner, f.due, f.status, f.escalatedTo]),
  ];
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
