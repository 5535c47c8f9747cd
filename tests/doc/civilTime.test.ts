// Civil dates in the community's zone: the same dates and overdue set whatever zone the tablet's clock is in.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  addDays,
  civilDate,
  civilTime,
  daysBetween,
  DEFAULT_TIME_ZONE,
  instantAt,
  isCalendarDate,
  isOverdue,
  isValidTimeZone,
  monthOf,
  periodOf,
  weekdayOf,
} from "../../src/doc/civilTime.ts";
import { buildSampleSession, sampleTalkPoints } from "../../src/doc/sample/seedSession.ts";
import { readFollowUps, readIssues, readMeta } from "../../src/doc/session/snapshot.ts";

/** 17:30 UTC on 31 January 2024: a tablet whose clock is in UTC still reads the 31st. */
const LATE_31ST_UTC = Date.UTC(2024, 0, 31, 17, 30);

describe("time zones", () => {
  it("defaults to Beijing time and knows Xinjiang time", () => {
    expect(DEFAULT_TIME_ZONE).toBe("Asia/Shanghai");
    expect(["Asia/Shanghai", "Asia/Urumqi", "Europe/London", "UTC"].map(isValidTimeZone)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["Mars/Olympus", "", "+08:00 China"].map(isValidTimeZone)).toEqual([false, false, false]);
  });
});

describe("isCalendarDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-02-30", false],
    ["2024-04-31", false],
    ["2024-12-31", true],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-01-00", false],
    ["2024-1-5", false],
    ["2024-01-05T00:00", false],
    ["", false],
  ])("%s → %s", (s, expected) => {
    expect(isCalendarDate(s)).toBe(expected);
  });
});

describe("civilDate and civilTime: the community's zone, not the device's", () => {
  it("17:30 UTC on the 31st is already 1 February in Shanghai but still the 31st in Urumqi", () => {
    expect(civilDate(LATE_31ST_UTC, "UTC")).toBe("2024-01-31");
    expect(civilDate(LATE_31ST_UTC, "Asia/Shanghai")).toBe("2024-02-01");
    expect(civilTime(LATE_31ST_UTC, "Asia/Shanghai")).toBe("01:30");
    expect(civilDate(LATE_31ST_UTC, "Asia/Urumqi")).toBe("2024-01-31");
    expect(civilTime(LATE_31ST_UTC, "Asia/Urumqi")).toBe("23:30");
  });

  it("reads epoch ms, Dates and ISO strings with an offset alike", () => {
    const iso = "2024-01-21T10:00:00+08:00";
    for (const instant of [iso, Date.parse(iso), new Date(iso), "2024-01-21T02:00:00Z"]) {
      expect(civilDate(instant, DEFAULT_TIME_ZONE)).toBe("2024-01-21");
      expect(civilTime(instant, DEFAULT_TIME_ZONE)).toBe("10:00");
      expect(civilTime(instant, "UTC")).toBe("02:00");
    }
  });

  it("refuses what it cannot place: a string without offset (device-dependent), NaN, an unknown zone", () => {
    expect(() => civilDate("2024-01-21T10:00:00", DEFAULT_TIME_ZONE)).toThrow(RangeError);
    expect(() => civilDate(NaN, DEFAULT_TIME_ZONE)).toThrow(RangeError);
    expect(() => civilDate(0, "Mars/Olympus")).toThrow(RangeError);
  });

  it("midnight is 00:00, never 24:00", () => {
    expect(civilTime(Date.UTC(2024, 0, 31, 16, 0), "Asia/Shanghai")).toBe("00:00");
    expect(civilDate(Date.UTC(2024, 0, 31, 16, 0), "Asia/Shanghai")).toBe("2024-02-01");
  });
});

describe("instantAt", () => {
  it("is the instant the community's clocks show that date and time", () => {
    expect(instantAt("2024-01-21", "10:00", "Asia/Shanghai")).toBe(Date.parse("2024-01-21T10:00:00+08:00"));
    expect(instantAt("2024-01-21", "10:00", "Asia/Urumqi")).toBe(Date.parse("2024-01-21T10:00:00+06:00"));
    expect(instantAt("2024-02-01", "00:30", "Asia/Shanghai")).toBe(Date.UTC(2024, 0, 31, 16, 30));
    expect(instantAt("2024-02-29", "23:59", "UTC")).toBe(Date.UTC(2024, 1, 29, 23, 59));
  });

  it("round-trips with civilDate and civilTime", () => {
    for (const tz of ["Asia/Shanghai", "Asia/Urumqi", "Europe/London", "America/New_York"]) {
      const at = instantAt("2024-03-10", "07:45", tz);
      expect([civilDate(at, tz), civilTime(at, tz)], tz).toEqual(["2024-03-10", "07:45"]);
    }
  });

  it("follows summer time in Europe/London", () => {
    expect(instantAt("2024-01-15", "10:00", "Europe/London")).toBe(Date.UTC(2024, 0, 15, 10));
    expect(instantAt("2024-07-01", "10:00", "Europe/London")).toBe(Date.UTC(2024, 6, 1, 9));
    // The day clocks go forward (01:00 GMT → 02:00 BST, 31 March 2024) and back (02:00 BST → 01:00 GMT).
    expect(instantAt("2024-03-31", "00:30", "Europe/London")).toBe(Date.UTC(2024, 2, 31, 0, 30));
    expect(instantAt("2024-03-31", "03:00", "Europe/London")).toBe(Date.UTC(2024, 2, 31, 2, 0));
    expect(instantAt("2024-10-27", "03:00", "Europe/London")).toBe(Date.UTC(2024, 9, 27, 3, 0));
    expect(instantAt("2024-10-27", "00:30", "Europe/London")).toBe(Date.UTC(2024, 9, 26, 23, 30));
  });

  it("a time skipped by clocks going forward moves on by the gap; one shown twice is the earlier", () => {
    // 01:30 does not exist on 31 March 2024 in London: it is read as 02:30 BST.
    expect(instantAt("2024-03-31", "01:30", "Europe/London")).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(civilTime(instantAt("2024-03-31", "01:30", "Europe/London"), "Europe/London")).toBe("02:30");
    // 01:30 happens twice on 27 October 2024: first in BST (00:30 UTC), then in GMT.
    expect(instantAt("2024-10-27", "01:30", "Europe/London")).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it("refuses a date or time that does not exist on any calendar", () => {
    expect(() => instantAt("2024-02-30", "10:00", DEFAULT_TIME_ZONE)).toThrow(RangeError);
    expect(() => instantAt("2024-02-01", "24:00", DEFAULT_TIME_ZONE)).toThrow(RangeError);
    expect(() => instantAt("2024-02-01", "9:00", DEFAULT_TIME_ZONE)).toThrow(RangeError);
  });
});

describe("civil arithmetic", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-01-01", -1, "2023-12-31"],
    ["2024-01-21", 0, "2024-01-21"],
    ["2024-01-01", 366, "2025-01-01"],
    // Days, not 24-hour steps: the day London's clocks go forward is still one day.
    ["2024-03-30", 2, "2024-04-01"],
  ])("addDays(%s, %i) → %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
    expect(daysBetween(expected, date)).toBe(0 - n);
  });

  it("daysBetween is exact across month ends and leap days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-04-30", "2024-05-01")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2023-01-01", "2024-01-01")).toBe(365);
    expect(daysBetween("2000-02-28", "2000-03-01")).toBe(2);
    expect(daysBetween("1900-02-28", "1900-03-01")).toBe(1);
  });

  it("weekdayOf: 0 = Sunday", () => {
    expect(["2024-01-21", "2024-01-22", "2024-01-24", "2024-01-27", "2024-02-29"].map(weekdayOf)).toEqual([
      0, 1, 3, 6, 4,
    ]);
  });

  it("monthOf", () => {
    expect(monthOf("2024-02-29")).toBe("2024-02");
    expect(() => monthOf("2024-02-30")).toThrow(RangeError);
  });
});

describe("periodOf", () => {
  it("weeks run Monday to Sunday, across month and year ends", () => {
    expect(periodOf("week", "2024-01-31")).toEqual({ from: "2024-01-29", to: "2024-02-04" });
    expect(periodOf("week", "2024-01-29")).toEqual({ from: "2024-01-29", to: "2024-02-04" });
    expect(periodOf("week", "2024-02-04")).toEqual({ from: "2024-01-29", to: "2024-02-04" });
    expect(periodOf("week", "2025-01-01")).toEqual({ from: "2024-12-30", to: "2025-01-05" });
    expect(periodOf("week", "2024-02-29")).toEqual({ from: "2024-02-26", to: "2024-03-03" });
  });

  it("months end on their last day, February on the 29th in a leap year", () => {
    expect(periodOf("month", "2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodOf("month", "2023-02-10")).toEqual({ from: "2023-02-01", to: "2023-02-28" });
    expect(periodOf("month", "2024-04-30")).toEqual({ from: "2024-04-01", to: "2024-04-30" });
    expect(periodOf("month", "2024-12-01")).toEqual({ from: "2024-12-01", to: "2024-12-31" });
  });

  it("quarters", () => {
    expect(periodOf("quarter", "2024-01-01")).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(periodOf("quarter", "2024-05-15")).toEqual({ from: "2024-04-01", to: "2024-06-30" });
    expect(periodOf("quarter", "2024-09-30")).toEqual({ from: "2024-07-01", to: "2024-09-30" });
    expect(periodOf("quarter", "2024-12-31")).toEqual({ from: "2024-10-01", to: "2024-12-31" });
  });

  it("of today in the community's zone", () => {
    // The tablet's UTC clock still says January; in Shanghai the February report has begun.
    expect(periodOf("month", civilDate(LATE_31ST_UTC, "UTC")).from).toBe("2024-01-01");
    expect(periodOf("month", civilDate(LATE_31ST_UTC, "Asia/Shanghai"))).toEqual({
      from: "2024-02-01",
      to: "2024-02-29",
    });
  });
});

describe("isOverdue", () => {
  it("a tablet clock in UTC against a community in Shanghai: due the 31st is overdue at 17:30 UTC", () => {
    expect(isOverdue("2024-01-31", LATE_31ST_UTC, "Asia/Shanghai")).toBe(true);
    // What a tablet reading its own UTC clock would wrongly conclude:
    expect(isOverdue("2024-01-31", LATE_31ST_UTC, "UTC")).toBe(false);
  });

  it("in Urumqi (UTC+6) it is 23:30 on the 31st: not overdue yet, and it is from midnight", () => {
    expect(isOverdue("2024-01-31", LATE_31ST_UTC, "Asia/Urumqi")).toBe(false);
    expect(isOverdue("2024-01-31", Date.parse("2024-02-01T00:00:00+06:00"), "Asia/Urumqi")).toBe(true);
    expect(isOverdue("2024-01-31", Date.parse("2024-01-31T23:59:59+06:00"), "Asia/Urumqi")).toBe(false);
  });

  it("due today is not overdue; due yesterday is; a missing or malformed date never is", () => {
    const now = instantAt("2024-03-01", "09:00", DEFAULT_TIME_ZONE);
    expect(isOverdue("2024-03-01", now, DEFAULT_TIME_ZONE)).toBe(false);
    expect(isOverdue("2024-02-29", now, DEFAULT_TIME_ZONE)).toBe(true);
    expect(isOverdue("2024-03-02", now, DEFAULT_TIME_ZONE)).toBe(false);
    expect(isOverdue("", now, DEFAULT_TIME_ZONE)).toBe(false);
    expect(isOverdue("2024-02-30", now, DEFAULT_TIME_ZONE)).toBe(false);
  });

  it("the overdue set is the same computed from any instant form, whatever the process zone", () => {
    const dues = ["2024-01-30", "2024-01-31", "2024-02-01", ""];
    const overdue = (now: number | string | Date, tz: string) => dues.filter((d) => isOverdue(d, now, tz));
    const forms = [
      LATE_31ST_UTC,
      new Date(LATE_31ST_UTC),
      "2024-01-31T17:30:00Z",
      "2024-02-01T01:30:00+08:00",
    ];
    for (const now of forms) {
      expect(overdue(now, "Asia/Shanghai")).toEqual(["2024-01-30", "2024-01-31"]);
      expect(overdue(now, "Asia/Urumqi")).toEqual(["2024-01-30"]);
    }
  });
});

describe("the seed's sample session", () => {
  const doc = buildSampleSession(new Y.Doc(), sampleTalkPoints(0)[0]!);

  it("sits at 10:00 on 21 January in the community's zone, whatever the tablet's clock zone", () => {
    const { startsAt, createdAt } = readMeta(doc);
    expect(startsAt).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
    expect([civilDate(startsAt, DEFAULT_TIME_ZONE), civilTime(startsAt, DEFAULT_TIME_ZONE)]).toEqual([
      "2024-01-21",
      "10:00",
    ]);
    expect(Date.parse(startsAt)).toBe(instantAt("2024-01-21", "10:00", DEFAULT_TIME_ZONE));
    expect(createdAt).toBe(instantAt("2024-01-21", "10:00", DEFAULT_TIME_ZONE));
  });

  it("its matters were raised during the morning sitting, and its follow-ups fall due in its zone", () => {
    const times = readIssues(doc).map((i) => civilTime(i.createdAt, DEFAULT_TIME_ZONE));
    expect(times).toEqual(["10:05", "10:08", "10:30", "10:50"]);
    const dues = readFollowUps(doc).map((f) => f.due);
    const at = (date: string) => instantAt(date, "08:00", DEFAULT_TIME_ZONE);
    expect(dues.filter((due) => isOverdue(due, at("2024-02-01"), DEFAULT_TIME_ZONE))).toEqual([
      "2024-01-26",
      "2024-01-31",
    ]);
  });
});
