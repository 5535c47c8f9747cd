// The home screen's "Next session": talk points ordered by their next meeting, each on its own calendar (its
// community's time zone, whatever the tablet's clock zone); a meeting today comes first, even once its hour
// has passed (the facilitator opens the app a little late), so its Start button is the first one.
import { civilDate, instantAt } from "../doc/civilTime.ts";
import { nextOccurrence, type Occurrence, type Schedule } from "../doc/talkPoint.ts";

/** What the ordering needs of a talk point. */
export interface Scheduled {
  id: string;
  name: string;
  schedule: Schedule;
  timeZone: string;
}

/** A talk point with its next meeting (null for a schedule that never meets) and whether that is today. */
export interface NextSession<T extends Scheduled> {
  talkPoint: T;
  next: Occurrence | null;
  today: boolean;
}

/**
 * The talk point's meeting today in its zone `tz` (even one already begun), else its next one after `now`.
 * @example nextMeeting({ kind: "weekly", weekday: 3, time: "09:00" }, Date.parse("2024-01-24T10:00:00+08:00"), "Asia/Shanghai")
 * // { next: { date: "2024-01-24", time: "09:00", … }, today: true }
 */
export function nextMeeting(
  s: Schedule,
  now: number,
  tz: string,
): { next: Occurrence | null; today: boolean } {
  const upcoming = nextOccurrence(s, now, tz);
  if (!upcoming) return { next: null, today: false };
  const today = civilDate(now, tz);
  const fromMidnight = nextOccurrence(s, instantAt(today, "00:00", tz), tz);
  if (fromMidnight?.date === today) return { next: fromMidnight, today: true };
  return { next: upcoming, today: false };
}

/**
 * Talk points soonest first: today's meetings (earliest hour first), then the later ones by their instant,
 * then those that never meet; ties by name, then id, so the order is stable.
 */
export function orderByNextSession<T extends Scheduled>(
  talkPoints: readonly T[],
  now: number,
): NextSession<T>[] {
  const rows = talkPoints.map((talkPoint) => ({
    talkPoint,
    ...nextMeeting(talkPoint.schedule, now, talkPoint.timeZone),
  }));
  return rows.sort(
    (a, b) =>
      Number(b.today) - Number(a.today) ||
      (a.next?.at ?? Infinity) - (b.next?.at ?? Infinity) ||
      a.talkPoint.name.localeCompare(b.talkPoint.name) ||
      (a.talkPoint.id < b.talkPoint.id ? -1 : a.talkPoint.id > b.talkPoint.id ? 1 : 0),
  );
}
