// When the sample's sittings happened, counted back from today: the talk point 有一说一 sits on the 1st, 11th
// and 21st, so its last sitting before today, the one before it, and one about a month before.
import { addDays, civilDate, instantAt } from "../civilTime.ts";

const SITTING_DAYS = [1, 11, 21];
export const SITTING_TIME = "10:00";

export interface SampleDays {
  /** The community's today. */
  today: string;
  /** About a month before today: the oldest sitting, its minutes locked. */
  monthBefore: string;
  /** The sitting before the last. */
  previous: string;
  /** The last sitting before today: the seed's own sitting, still open. */
  last: string;
}

/** The latest sitting day on or before `day`. */
function sittingOnOrBefore(day: string): string {
  let d = day;
  while (!SITTING_DAYS.includes(Number(d.slice(8, 10)))) d = addDays(d, -1);
  return d;
}

/** The sample's days for a tablet whose clock reads `now`, in the community's zone `tz`. */
export function sampleDays(now: number, tz: string): SampleDays {
  const today = civilDate(now, tz);
  const last = sittingOnOrBefore(addDays(today, -1));
  const previous = sittingOnOrBefore(addDays(last, -1));
  const monthBefore = sittingOnOrBefore(addDays(today, -28));
  return { today, monthBefore, previous, last };
}

/** An instant on `day` + `after` days at `time`, never later than `now` (a sample step is never in the future). */
export function sampleInstant(day: string, after: number, time: string, tz: string, now: number): number {
  return Math.min(instantAt(addDays(day, after), time, tz), now);
}
