// Civil dates and times in a community's time zone (IANA name), computed with Intl only: never the device's zone.

/**
 * An instant: epoch milliseconds, a Date, or an ISO 8601 string with its offset ("2024-01-21T10:00:00+08:00" or
 * "…Z"); a string without an offset is refused, since it would be read in the device's zone.
 */
export type Instant = number | string | Date;

/** A report period: inclusive civil dates "YYYY-MM-DD". */
export interface Period {
  from: string;
  to: string;
}

/**
 * The zone of the seed's communities (Turpan keeps Beijing time officially; some residents keep Xinjiang time,
 * "Asia/Urumqi", UTC+6).
 * @example civilDate(Date.UTC(2024, 0, 31, 17, 30), DEFAULT_TIME_ZONE) // "2024-02-01"
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone giving every field as a number (hourCycle h23: midnight is 00, never 24). */
function zoneFormat(tz: string): Intl.DateTimeFormat {
  let fmt = zoneFormats.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    zoneFormats.set(tz, fmt);
  }
  return fmt;
}

interface WallClock {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

/** An ISO string must name its offset: without one, Date.parse would read it in the device's zone. */
const OFFSET_RE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function toMs(instant: Instant): number {
  const ms =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === "string"
        ? OFFSET_RE.test(instant)
          ? Date.parse(instant)
          : NaN
        : instant;
  if (typeof ms !== "number" || !Number.isFinite(ms))
    throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/** The wall clock in `tz` at `ms` (to the second). */
function wallClock(ms: number, tz: string): WallClock {
  const f: Record<string, string> = {};
  for (const p of zoneFormat(tz).formatToParts(ms)) f[p.type] = p.value;
  const year = Number(f.year);
  return {
    y: f.era === "BC" || f.era === "B" ? 1 - year : year,
    m: Number(f.month),
    d: Number(f.day),
    hh: Number(f.hour) % 24,
    mm: Number(f.minute),
    ss: Number(f.second),
  };
}

/** Milliseconds since the epoch of a wall clock read as UTC (years 0–99 are not shifted to 1900–1999). */
function utcMs(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(hh, mm, ss, 0);
  return date.getTime();
}

/** The zone's offset from UTC at `ms`, in milliseconds (+08:00 → 28 800 000). */
function offsetAt(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return utcMs(w.y, w.m, w.d, w.hh, w.mm, w.ss) - (ms - (((ms % 1000) + 1000) % 1000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** [year, month, day] of a real calendar date; throws RangeError otherwise. */
function parseDate(date: string): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${String(date)}`);
  return date.split("-").map(Number) as [number, number, number];
}

function daysInMonth(y: number, m: number): number {
  return new Date(utcMs(y, m + 1, 0)).getUTCDate();
}

/**
 * True when `tz` is an IANA time zone this runtime knows.
 * @example isValidTimeZone("Asia/Urumqi") // true
 * @example isValidTimeZone("Mars/Olympus") // false
 */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz === "") return false;
  try {
    zoneFormat(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * True for a real "YYYY-MM-DD" date of the Gregorian calendar.
 * @example isCalendarDate("2024-02-29") // true
 * @example isCalendarDate("2024-02-30") // false
 */
export function isCalendarDate(s: string): boolean {
  const m = typeof s === "string" ? DATE_RE.exec(s) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * The civil date "YYYY-MM-DD" in `tz` at an instant. Throws RangeError for an invalid instant or zone.
 * @example civilDate("2024-01-31T17:30:00Z", "Asia/Shanghai") // "2024-02-01"
 * @example civilDate("2024-01-31T17:30:00Z", "Asia/Urumqi") // "2024-01-31"
 */
export function civilDate(instant: Instant, tz: string): string {
  const w = wallClock(toMs(instant), tz);
  return formatDate(w.y, w.m, w.d);
}

/**
 * The wall-clock time "HH:MM" in `tz` at an instant. Throws RangeError for an invalid instant or zone.
 * @example civilTime("2024-01-21T02:00:00Z", "Asia/Shanghai") // "10:00"
 */
export function civilTime(instant: Instant, tz: string): string {
  const w = wallClock(toMs(instant), tz);
  return `${pad(w.hh)}:${pad(w.mm)}`;
}

/**
 * The instant (epoch ms) at which clocks in `tz` show `date` at `time` ("HH:MM"). Where a time occurs twice
 * (clocks going back) the earlier is chosen; where it does not occur (clocks going forward) the clocks' reading
 * is moved on by the gap (01:30 on a 1-hour spring-forward day is 02:30). Throws RangeError on bad input.
 * @example instantAt("2024-01-21", "10:00", "Asia/Shanghai") // Date.UTC(2024, 0, 21, 2, 0)
 * @example instantAt("2024-07-01", "10:00", "Europe/London") // Date.UTC(2024, 6, 1, 9, 0) (BST)
 */
export function instantAt(date: string, time: string, tz: string): number {
  const [y, m, d] = parseDate(date);
  const t = typeof time === "string" ? TIME_RE.exec(time) : null;
  if (!t) throw new RangeError(`Not a time "HH:MM": ${String(time)}`);
  const wall = utcMs(y, m, d, Number(t[1]), Number(t[2]));
  // Offsets a day either side bracket any transition near this wall-clock time.
  const before = offsetAt(wall - DAY_MS, tz);
  const after = offsetAt(wall + DAY_MS, tz);
  const matches = [wall - before, wall - after].filter((ms) => ms + offsetAt(ms, tz) === wall);
  if (matches.length > 0) return Math.min(...matches);
  return wall - before;
}

/**
 * The civil date `n` days after `date` (before, when `n` is negative).
 * @example addDays("2024-02-28", 1) // "2024-02-29"
 * @example addDays("2024-01-01", -1) // "2023-12-31"
 */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parseDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  const next = new Date(utcMs(y, m, d) + n * DAY_MS);
  return formatDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/**
 * Whole days from civil date `a` to `b` (negative when `b` is earlier).
 * @example daysBetween("2024-02-28", "2024-03-01") // 2 (a leap year)
 * @example daysBetween("2023-02-28", "2023-03-01") // 1
 */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parseDate(a);
  const [yb, mb, db] = parseDate(b);
  return Math.round((utcMs(yb, mb, db) - utcMs(ya, ma, da)) / DAY_MS);
}

/**
 * The weekday of a civil date, 0 = Sunday … 6 = Saturday (as Date#getDay).
 * @example weekdayOf("2024-01-24") // 3 (a Wednesday)
 */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseDate(date);
  return new Date(utcMs(y, m, d)).getUTCDay();
}

/**
 * The month "YYYY-MM" of a civil date.
 * @example monthOf("2024-02-29") // "2024-02"
 */
export function monthOf(date: string): string {
  parseDate(date);
  return date.slice(0, 7);
}

/**
 * The week (Monday to Sunday, as in China), month or quarter that contains `today`, as inclusive civil dates.
 * @example periodOf("week", "2024-01-31") // { from: "2024-01-29", to: "2024-02-04" }
 * @example periodOf("month", "2024-02-10") // { from: "2024-02-01", to: "2024-02-29" }
 * @example periodOf("quarter", "2024-05-15") // { from: "2024-04-01", to: "2024-06-30" }
 */
export function periodOf(kind: "week" | "month" | "quarter", today: string): Period {
  const [y, m] = parseDate(today);
  if (kind === "week") {
    const from = addDays(today, -((weekdayOf(today) + 6) % 7));
    return { from, to: addDays(from, 6) };
  }
  if (kind === "month") return { from: formatDate(y, m, 1), to: formatDate(y, m, daysInMonth(y, m)) };
  if (kind === "quarter") {
    const first = m - ((m - 1) % 3);
    return { from: formatDate(y, first, 1), to: formatDate(y, first + 2, daysInMonth(y, first + 2)) };
  }
  throw new RangeError(`Unknown period: ${String(kind)}`);
}

/**
 * True when the civil date `due` is before today's civil date in `tz` at `now` (due today is not overdue).
 * An empty or malformed due date is never overdue.
 * @example isOverdue("2024-01-31", Date.parse("2024-01-31T17:30:00Z"), "Asia/Shanghai") // true (1 Feb there)
 * @example isOverdue("2024-01-31", Date.parse("2024-01-31T17:30:00Z"), "Asia/Urumqi") // false (23:30 on the 31st)
 */
export function isOverdue(due: string, now: Instant, tz: string): boolean {
  if (!isCalendarDate(due)) return false;
  return daysBetween(due, civilDate(now, tz)) > 0;
}
