// Talk points (說事點): a place plus a recurring schedule; pure types and date rules, no Yjs.

/** When a talk point meets: on days of the month (1, 11, 21) or on a weekday, at a time "HH:MM". */
export type Schedule =
  { kind: "monthDays"; days: number[]; time: string } | { kind: "weekly"; weekday: number; time: string };

export interface TalkPoint {
  id: string;
  name: string;
  community: string;
  location: string;
  facilitator: string;
  schedule: Schedule;
  createdAt: number;
  updatedAt: number;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when the schedule names at least one valid day and a valid "HH:MM" time. */
export function isValidSchedule(s: Schedule): boolean {
  if (!TIME_RE.test(s.time)) return false;
  if (s.kind === "weekly") return Number.isInteger(s.weekday) && s.weekday >= 0 && s.weekday <= 6;
  return s.days.length > 0 && s.days.every((d) => Number.isInteger(d) && d >= 1 && d <= 31);
}

/**
 * The next meeting at or after `from` (local time). A month day that a month lacks (31 in April) is skipped.
 * @example nextOccurrence({ kind: "weekly", weekday: 3, time: "15:00" }, new Date(2024, 0, 22)) // Wed 24 Jan 15:00
 */
export function nextOccurrence(s: Schedule, from: Date): Date | null {
  if (!isValidSchedule(s)) return null;
  const [hh, mm] = s.time.split(":").map(Number) as [number, number];
  // 62 days covers every case: a month-day schedule meets at least once in any two consecutive months.
  for (let i = 0; i <= 62; i++) {
    const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + i, hh, mm);
    const matches = s.kind === "weekly" ? d.getDay() === s.weekday : s.days.includes(d.getDate());
    if (matches && d.getTime() >= from.getTime()) return d;
  }
  return null;
}
