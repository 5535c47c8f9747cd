// Talk points (說事點): a place plus a recurring schedule; pure types and date rules in the community's zone, no Yjs.
import { addDays, civilDate, instantAt, isCalendarDate, isValidTimeZone, weekdayOf } from "./civilTime.ts";

/** When a talk point meets: on days of the month (1, 11, 21) or on a weekday (0 = Sunday), at a local time "HH:MM". */
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

/** True when the schedule meets on civil date `date` ("YYYY-MM-DD"); a month day a month lacks never matches. */
function meetsOn(s: Schedule, date: string): boolean {
  return s.kind === "weekly" ? weekdayOf(date) === s.weekday : s.days.includes(Number(date.slice(8, 10)));
}

/** A meeting: its civil date and time in the community's zone, and the instant (epoch ms) it starts. */
export interface Occurrence {
  date: string;
  time: string;
  at: number;
}

/**
 * The next meeting at or after the instant `fromInstant`, on the community's calendar in zone `tz`, whatever
 * the device's clock zone. A month day that a month lacks (31 in April, 29 in a non-leap February) is skipped.
 * Null for an invalid schedule, instant or zone.
 * @example nextOccurrence({ kind: "weekly", weekday: 3, time: "15:00" }, Date.parse("2024-01-22T00:00:00+08:00"), "Asia/Shanghai")
 * // { date: "2024-01-24", time: "15:00", at: Date.parse("2024-01-24T15:00:00+08:00") }
 */
export function nextOccurrence(s: Schedule, fromInstant: number, tz: string): Occurrence | null {
  if (!isValidSchedule(s) || !Number.isFinite(fromInstant) || !isValidTimeZone(tz)) return null;
  const today = civilDate(fromInstant, tz);
  // 62 days covers every case: a month-day schedule meets at least once in any two consecutive months.
  for (let i = 0; i <= 62; i++) {
    const date = addDays(today, i);
    if (!meetsOn(s, date)) continue;
    const at = instantAt(date, s.time, tz);
    if (at >= fromInstant) return { date, time: s.time, at };
  }
  return null;
}

/**
 * The civil dates from `from` to `to` (inclusive, "YYYY-MM-DD") on which the schedule meets; empty for an
 * invalid schedule or dates, or when `to` is before `from`.
 * @example occurrencesBetween({ kind: "monthDays", days: [1, 11, 21, 31], time: "10:00" }, "2024-04-15", "2024-05-05")
 * // ["2024-04-21", "2024-05-01"]
 */
export function occurrencesBetween(s: Schedule, from: string, to: string): string[] {
  if (!isValidSchedule(s) || !isCalendarDate(from) || !isCalendarDate(to)) return [];
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) if (meetsOn(s, date)) dates.push(date);
  return dates;
}
