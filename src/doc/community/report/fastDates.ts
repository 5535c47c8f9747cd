// Civil dates for thousands of instants at once: the zone's offset is read once per UTC day (Intl is slow,
// ~13 µs a call) and reused for every instant of that day when the day has no transition.
import { civilDate, daysBetween, isCalendarDate } from "../../civilTime.ts";

const DAY_MS = 86_400_000;
/** An ISO string must name its offset (as civilDate requires). */
const OFFSET_RE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
/** Instants whose UTC year is 1000–9999, where toISOString gives "YYYY-MM-DD…". */
const MIN_MS = Date.UTC(1000, 0, 1) + DAY_MS;
const MAX_MS = Date.UTC(9999, 11, 31) - DAY_MS;

/** Remembered per zone for the app's life: a zone's offsets do not change while it runs. */
const zones = new Map<string, (instant: number | string) => string | null>();
/** Bound on the days remembered per zone (a few years of a register use ~1,500). */
const MAX_DAYS = 50_000;

/**
 * A function giving the civil date in `tz` of an instant (epoch ms or ISO string with an offset), or null
 * when it is not one; the same answers as civilDate. A UTC day whose offsets at its start and at the next
 * day's start differ (a transition inside it) is read with civilDate for every instant.
 * @example civilDates("Asia/Shanghai")("2024-01-31T15:30:00Z") // "2024-01-31"
 */
export function civilDates(tz: string): (instant: number | string) => string | null {
  let fn = zones.get(tz);
  if (!fn) zones.set(tz, (fn = makeCivilDates(tz)));
  return fn;
}

function makeCivilDates(tz: string): (instant: number | string) => string | null {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  /** The zone's offset at 00:00 UTC of UTC day `day`. */
  const starts = new Map<number, number>();
  const offsetAtStart = (day: number): number => {
    let offset = starts.get(day);
    if (offset === undefined) {
      const ms = day * DAY_MS;
      const f: Record<string, string> = {};
      for (const p of fmt.formatToParts(ms)) f[p.type] = p.value;
      offset = Date.UTC(+f.year!, +f.month! - 1, +f.day!, +f.hour! % 24, +f.minute!, +f.second!) - ms;
      starts.set(day, offset);
    }
    return offset;
  };
  /** Per UTC day: its offset, or null when it changes during the day. */
  const days = new Map<number, number | null>();
  /** Civil dates by local day number (days since 1970-01-01 on the zone's clocks). */
  const dates = new Map<number, string>();
  return (instant) => {
    const ms =
      typeof instant === "number" ? instant : OFFSET_RE.test(instant) ? Date.parse(instant) : Number.NaN;
    if (!Number.isFinite(ms)) return null;
    if (ms < MIN_MS || ms > MAX_MS) return civilDate(ms, tz);
    const day = Math.floor(ms / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      if (days.size > MAX_DAYS) [days, starts, dates].forEach((m) => m.clear());
      const start = offsetAtStart(day);
      offset = start === offsetAtStart(day + 1) ? start : null;
      days.set(day, offset);
    }
    if (offset === null) return civilDate(ms, tz);
    const local = Math.floor((ms + offset) / DAY_MS);
    let date = dates.get(local);
    if (date === undefined) dates.set(local, (date = new Date(local * DAY_MS).toISOString().slice(0, 10)));
    return date;
  };
}

/** Calendar checks and day numbers of civil dates, remembered (a register repeats its dates). */
export function dateMemo() {
  const valid = new Map<string, boolean>();
  const index = new Map<string, number>();
  const isDate = (d: string): boolean => {
    let v = valid.get(d);
    if (v === undefined) valid.set(d, (v = isCalendarDate(d)));
    return v;
  };
  /** Days since 1970-01-01 of a real calendar date. */
  const dayNumber = (d: string): number => {
    let n = index.get(d);
    if (n === undefined) index.set(d, (n = daysBetween("1970-01-01", d)));
    return n;
  };
  return { isDate, dayNumber };
}
