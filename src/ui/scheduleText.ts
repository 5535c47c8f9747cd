// A talk point's schedule in words: "每月1、11、21日 10:00" / "Every Wednesday 15:00".
import type { Schedule } from "../doc/talkPoint.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";

export const WEEKDAY_KEYS: MessageKey[] = [
  "weekday.0",
  "weekday.1",
  "weekday.2",
  "weekday.3",
  "weekday.4",
  "weekday.5",
  "weekday.6",
];

export function scheduleText(s: Schedule): string {
  if (s.kind === "weekly")
    return t("schedule.weekly", { weekday: t(WEEKDAY_KEYS[s.weekday] ?? "weekday.0"), time: s.time });
  return t("schedule.monthDays", { days: s.days.join(t("list.separator")), time: s.time });
}

/** Parses "1, 11, 21" (also "1、11、21", the Uyghur comma "1، 11، 21", or spaces) into day numbers. */
export function parseDays(text: string): number[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、،]+/)
        .filter(Boolean)
        .map(Number),
    ),
  ].sort((a, b) => a - b);
}
