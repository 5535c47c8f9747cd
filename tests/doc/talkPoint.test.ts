// Talk point schedules: the next sitting for month-day (1st, 11th, 21st) and weekly schedules, in local time.
import { describe, expect, it } from "vitest";
import { isValidSchedule, nextOccurrence, type Schedule } from "../../src/doc/talkPoint.ts";

/** Local time, months 1-based for readability. */
const at = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0) => new Date(y, m - 1, d, hh, mm, ss);

const YOU_YI_SHUO_YI: Schedule = { kind: "monthDays", days: [1, 11, 21], time: "10:00" };
const WEDNESDAY: Schedule = { kind: "weekly", weekday: 3, time: "15:00" };

describe("nextOccurrence: 1st, 11th and 21st", () => {
  it.each([
    ["before the 11th", at(2024, 1, 5, 9), at(2024, 1, 11, 10)],
    ["the 11th, earlier in the day", at(2024, 1, 11, 9, 59), at(2024, 1, 11, 10)],
    ["the 11th at the very minute", at(2024, 1, 11, 10), at(2024, 1, 11, 10)],
    ["the 11th, later in the day", at(2024, 1, 11, 10, 0, 1), at(2024, 1, 21, 10)],
    ["the 21st after the sitting", at(2024, 1, 21, 18), at(2024, 2, 1, 10)],
    ["the 22nd → next month's 1st", at(2024, 1, 22), at(2024, 2, 1, 10)],
    ["the 31st → next month's 1st", at(2024, 1, 31, 23, 59), at(2024, 2, 1, 10)],
    ["late February in a leap year", at(2024, 2, 29, 12), at(2024, 3, 1, 10)],
    ["across the year end", at(2024, 12, 22), at(2025, 1, 1, 10)],
  ])("from %s", (_name, from, expected) => {
    expect(nextOccurrence(YOU_YI_SHUO_YI, from)).toEqual(expected);
  });
});

describe("nextOccurrence: every Wednesday afternoon", () => {
  it.each([
    ["a Monday", at(2024, 1, 22, 8), at(2024, 1, 24, 15)],
    ["the Wednesday morning", at(2024, 1, 24, 9), at(2024, 1, 24, 15)],
    ["the Wednesday just after", at(2024, 1, 24, 15, 1), at(2024, 1, 31, 15)],
    ["a Thursday at month end", at(2024, 2, 29, 16), at(2024, 3, 6, 15)],
    ["the Tuesday before a month-end Wednesday", at(2024, 1, 30, 20), at(2024, 1, 31, 15)],
  ])("from %s", (_name, from, expected) => {
    const next = nextOccurrence(WEDNESDAY, from)!;
    expect(next).toEqual(expected);
    expect(next.getDay()).toBe(3);
  });

  it("handles Sunday (0) and Saturday (6)", () => {
    expect(nextOccurrence({ kind: "weekly", weekday: 0, time: "08:30" }, at(2024, 1, 22))).toEqual(
      at(2024, 1, 28, 8, 30),
    );
    expect(nextOccurrence({ kind: "weekly", weekday: 6, time: "23:59" }, at(2024, 1, 27, 23, 59))).toEqual(
      at(2024, 1, 27, 23, 59),
    );
  });
});

describe("nextOccurrence: days some months lack", () => {
  it("skips the 31st in a 30-day month", () => {
    const s: Schedule = { kind: "monthDays", days: [31], time: "09:00" };
    expect(nextOccurrence(s, at(2024, 4, 1))).toEqual(at(2024, 5, 31, 9));
    expect(nextOccurrence(s, at(2024, 3, 31, 10))).toEqual(at(2024, 5, 31, 9));
  });

  it("skips February for the 30th and 31st", () => {
    expect(nextOccurrence({ kind: "monthDays", days: [31], time: "09:00" }, at(2023, 1, 31, 10))).toEqual(
      at(2023, 3, 31, 9),
    );
    expect(nextOccurrence({ kind: "monthDays", days: [30, 31], time: "09:00" }, at(2023, 2, 1))).toEqual(
      at(2023, 3, 30, 9),
    );
    // The 29th exists only in a leap-year February.
    expect(nextOccurrence({ kind: "monthDays", days: [29], time: "09:00" }, at(2023, 2, 1))).toEqual(
      at(2023, 3, 29, 9),
    );
    expect(nextOccurrence({ kind: "monthDays", days: [29], time: "09:00" }, at(2024, 2, 1))).toEqual(
      at(2024, 2, 29, 9),
    );
  });
});

describe("invalid schedules", () => {
  const invalid: [string, Schedule][] = [
    ["hour 24", { kind: "weekly", weekday: 3, time: "24:00" }],
    ["one-digit hour", { kind: "weekly", weekday: 3, time: "9:00" }],
    ["minute 60", { kind: "monthDays", days: [1], time: "15:60" }],
    ["empty time", { kind: "monthDays", days: [1], time: "" }],
    ["weekday 7", { kind: "weekly", weekday: 7, time: "10:00" }],
    ["weekday −1", { kind: "weekly", weekday: -1, time: "10:00" }],
    ["fractional weekday", { kind: "weekly", weekday: 2.5, time: "10:00" }],
    ["no days", { kind: "monthDays", days: [], time: "10:00" }],
    ["day 0", { kind: "monthDays", days: [0, 11], time: "10:00" }],
    ["day 32", { kind: "monthDays", days: [1, 32], time: "10:00" }],
    ["fractional day", { kind: "monthDays", days: [1.5], time: "10:00" }],
  ];
  it.each(invalid)("%s → not valid, no next occurrence", (_name, s) => {
    expect(isValidSchedule(s)).toBe(false);
    expect(nextOccurrence(s, at(2024, 1, 1))).toBeNull();
  });

  it("accepts the seed's four schedules", () => {
    const schedules: Schedule[] = [
      YOU_YI_SHUO_YI,
      WEDNESDAY,
      { kind: "weekly", weekday: 4, time: "00:00" },
      { kind: "weekly", weekday: 5, time: "23:59" },
    ];
    expect(schedules.map(isValidSchedule)).toEqual([true, true, true, true]);
  });
});
