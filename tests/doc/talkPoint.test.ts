// Talk point schedules: the next sitting for month-day (1st, 11th, 21st) and weekly schedules, in the community's
// zone (never the tablet's), and the sittings in a period.
import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "../../src/doc/civilTime.ts";
import {
  isValidSchedule,
  nextOccurrence,
  occurrencesBetween,
  type Schedule,
} from "../../src/doc/talkPoint.ts";

const SHANGHAI = "Asia/Shanghai";
/** An instant given as Beijing wall-clock time, "2024-01-05T09:00". */
const cn = (local: string) => Date.parse(`${local}+08:00`);
/** The meeting expected at that Beijing date and time. */
const meeting = (date: string, time: string) => ({ date, time, at: cn(`${date}T${time}`) });

const YOU_YI_SHUO_YI: Schedule = { kind: "monthDays", days: [1, 11, 21], time: "10:00" };
const WEDNESDAY: Schedule = { kind: "weekly", weekday: 3, time: "15:00" };

describe("nextOccurrence: 1st, 11th and 21st", () => {
  it.each([
    ["before the 11th", "2024-01-05T09:00", meeting("2024-01-11", "10:00")],
    ["the 11th, earlier in the day", "2024-01-11T09:59", meeting("2024-01-11", "10:00")],
    ["the 11th at the very minute", "2024-01-11T10:00", meeting("2024-01-11", "10:00")],
    ["the 11th, later in the day", "2024-01-11T10:00:01", meeting("2024-01-21", "10:00")],
    ["the 21st after the sitting", "2024-01-21T18:00", meeting("2024-02-01", "10:00")],
    ["the 22nd → next month's 1st", "2024-01-22T00:00", meeting("2024-02-01", "10:00")],
    ["the 31st → next month's 1st", "2024-01-31T23:59", meeting("2024-02-01", "10:00")],
    ["late February in a leap year", "2024-02-29T12:00", meeting("2024-03-01", "10:00")],
    ["across the year end", "2024-12-22T00:00", meeting("2025-01-01", "10:00")],
  ])("from %s", (_name, from, expected) => {
    expect(nextOccurrence(YOU_YI_SHUO_YI, cn(from), SHANGHAI)).toEqual(expected);
  });
});

describe("nextOccurrence: every Wednesday afternoon", () => {
  it.each([
    ["a Monday", "2024-01-22T08:00", meeting("2024-01-24", "15:00")],
    ["the Wednesday morning", "2024-01-24T09:00", meeting("2024-01-24", "15:00")],
    ["the Wednesday just after", "2024-01-24T15:01", meeting("2024-01-31", "15:00")],
    ["a Thursday at month end", "2024-02-29T16:00", meeting("2024-03-06", "15:00")],
    ["the Tuesday before a month-end Wednesday", "2024-01-30T20:00", meeting("2024-01-31", "15:00")],
    ["the Thursday after Christmas, across the year end", "2024-12-26T10:00", meeting("2025-01-01", "15:00")],
  ])("from %s", (_name, from, expected) => {
    expect(nextOccurrence(WEDNESDAY, cn(from), SHANGHAI)).toEqual(expected);
  });

  it("handles Sunday (0) and Saturday (6)", () => {
    expect(
      nextOccurrence({ kind: "weekly", weekday: 0, time: "08:30" }, cn("2024-01-22T00:00"), SHANGHAI),
    ).toEqual(meeting("2024-01-28", "08:30"));
    expect(
      nextOccurrence({ kind: "weekly", weekday: 6, time: "23:59" }, cn("2024-01-27T23:59"), SHANGHAI),
    ).toEqual(meeting("2024-01-27", "23:59"));
  });
});

describe("nextOccurrence: days some months lack", () => {
  const at9 = (days: number[]): Schedule => ({ kind: "monthDays", days, time: "09:00" });

  it("skips the 31st in a 30-day month", () => {
    expect(nextOccurrence(at9([31]), cn("2024-04-01T00:00"), SHANGHAI)).toEqual(
      meeting("2024-05-31", "09:00"),
    );
    expect(nextOccurrence(at9([31]), cn("2024-03-31T10:00"), SHANGHAI)).toEqual(
      meeting("2024-05-31", "09:00"),
    );
    // 1, 11, 21, 31 in April: from the 21st straight to 1 May.
    const tenDays: Schedule = { kind: "monthDays", days: [1, 11, 21, 31], time: "10:00" };
    expect(nextOccurrence(tenDays, cn("2024-04-21T10:01"), SHANGHAI)).toEqual(meeting("2024-05-01", "10:00"));
    expect(occurrencesBetween(tenDays, "2024-04-15", "2024-05-05")).toEqual(["2024-04-21", "2024-05-01"]);
  });

  it("skips February for the 30th and 31st", () => {
    expect(nextOccurrence(at9([31]), cn("2023-01-31T10:00"), SHANGHAI)).toEqual(
      meeting("2023-03-31", "09:00"),
    );
    expect(nextOccurrence(at9([30, 31]), cn("2023-02-01T00:00"), SHANGHAI)).toEqual(
      meeting("2023-03-30", "09:00"),
    );
  });

  it("meets on the 29th of February only in a leap year", () => {
    expect(nextOccurrence(at9([29]), cn("2024-02-01T00:00"), SHANGHAI)).toEqual(
      meeting("2024-02-29", "09:00"),
    );
    expect(nextOccurrence(at9([29]), cn("2023-02-01T00:00"), SHANGHAI)).toEqual(
      meeting("2023-03-29", "09:00"),
    );
    expect(occurrencesBetween(at9([29]), "2024-02-01", "2024-03-31")).toEqual(["2024-02-29", "2024-03-29"]);
    expect(occurrencesBetween(at9([29]), "2023-02-01", "2023-03-31")).toEqual(["2023-03-29"]);
  });
});

describe("nextOccurrence: the community's zone, whatever the tablet's clock says", () => {
  const now = Date.UTC(2024, 0, 31, 17, 30); // a UTC clock reads 17:30 on Wednesday the 31st

  it("at 17:30 UTC on the 31st Shanghai is on 1 February: the 1st's sitting is next, at 10:00 Beijing time", () => {
    const next = nextOccurrence(YOU_YI_SHUO_YI, now, SHANGHAI);
    expect(next).toEqual({ date: "2024-02-01", time: "10:00", at: Date.UTC(2024, 1, 1, 2, 0) });
    // The Wednesday sitting is over in Shanghai (it is Thursday there): the next is a week later.
    expect(nextOccurrence(WEDNESDAY, now, SHANGHAI)).toEqual(meeting("2024-02-07", "15:00"));
  });

  it("in Urumqi (UTC+6) it is 23:30 on the 31st, so the same schedules give the same dates in its zone", () => {
    expect(nextOccurrence(YOU_YI_SHUO_YI, now, "Asia/Urumqi")).toEqual({
      date: "2024-02-01",
      time: "10:00",
      at: Date.parse("2024-02-01T10:00:00+06:00"),
    });
    // A Wednesday 23:45 sitting has not yet happened in Urumqi but has in Shanghai.
    const late: Schedule = { kind: "weekly", weekday: 3, time: "23:45" };
    expect(nextOccurrence(late, now, "Asia/Urumqi")?.date).toBe("2024-01-31");
    expect(nextOccurrence(late, now, SHANGHAI)?.date).toBe("2024-02-07");
  });

  it("an instant gives one answer, not one per device zone", () => {
    // Epoch ms carry no zone: the result depends only on the zone passed, never on process.env.TZ.
    const fromShanghai = nextOccurrence(YOU_YI_SHUO_YI, cn("2024-02-01T01:30"), SHANGHAI);
    expect(nextOccurrence(YOU_YI_SHUO_YI, now, DEFAULT_TIME_ZONE)).toEqual(fromShanghai);
    expect(nextOccurrence(YOU_YI_SHUO_YI, now, "UTC")).toEqual({
      date: "2024-02-01",
      time: "10:00",
      at: Date.UTC(2024, 1, 1, 10, 0),
    });
  });

  it("across a daylight-saving change the wall-clock time stays put (Europe/London)", () => {
    const sunday: Schedule = { kind: "weekly", weekday: 0, time: "10:00" };
    const sat = Date.parse("2024-03-30T12:00:00Z");
    expect(nextOccurrence(sunday, sat, "Europe/London")).toEqual({
      date: "2024-03-31",
      time: "10:00",
      at: Date.UTC(2024, 2, 31, 9, 0),
    });
  });

  it("an unknown zone or instant gives no next meeting", () => {
    expect(nextOccurrence(YOU_YI_SHUO_YI, now, "Mars/Olympus")).toBeNull();
    expect(nextOccurrence(YOU_YI_SHUO_YI, NaN, SHANGHAI)).toBeNull();
  });
});

describe("occurrencesBetween", () => {
  it("lists the 1st, 11th and 21st in a quarter", () => {
    expect(occurrencesBetween(YOU_YI_SHUO_YI, "2024-01-01", "2024-03-31")).toEqual([
      "2024-01-01",
      "2024-01-11",
      "2024-01-21",
      "2024-02-01",
      "2024-02-11",
      "2024-02-21",
      "2024-03-01",
      "2024-03-11",
      "2024-03-21",
    ]);
  });

  it("weekly sittings cross month and year ends; both ends are included", () => {
    expect(occurrencesBetween(WEDNESDAY, "2024-01-24", "2024-02-14")).toEqual([
      "2024-01-24",
      "2024-01-31",
      "2024-02-07",
      "2024-02-14",
    ]);
    expect(
      occurrencesBetween({ kind: "weekly", weekday: 4, time: "10:30" }, "2024-12-20", "2025-01-10"),
    ).toEqual(["2024-12-26", "2025-01-02", "2025-01-09"]);
  });

  it("is empty for an invalid schedule or dates, or a reversed range", () => {
    expect(occurrencesBetween(WEDNESDAY, "2024-02-14", "2024-01-24")).toEqual([]);
    expect(occurrencesBetween(WEDNESDAY, "2024-02-30", "2024-03-24")).toEqual([]);
    expect(
      occurrencesBetween({ kind: "weekly", weekday: 7, time: "10:00" }, "2024-01-01", "2024-12-31"),
    ).toEqual([]);
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
    expect(nextOccurrence(s, cn("2024-01-01T00:00"), SHANGHAI)).toBeNull();
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
