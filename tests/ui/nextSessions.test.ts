// The home screen's "Next session" order: each talk point on its own community's calendar, whatever the
// tablet's clock zone (UTC here); today's meetings first, then the soonest, then those that never meet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Schedule } from "../../src/doc/talkPoint.ts";
import { nextMeeting, orderByNextSession } from "../../src/ui/nextSessions.ts";

const clockZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "UTC"; // the tablet's clock
});
afterAll(() => {
  process.env.TZ = clockZone;
});

/** 17:30 UTC on Wednesday 24 January 2024: Thursday 01:30 in Shanghai, still Wednesday 23:30 in Urumqi. */
const NOW = Date.UTC(2024, 0, 24, 17, 30);
const weekly = (weekday: number, time: string): Schedule => ({ kind: "weekly", weekday, time });
const tp = (id: string, schedule: Schedule, timeZone: string, name = id) => ({
  id,
  name,
  schedule,
  timeZone,
});

describe("nextMeeting", () => {
  it("reads today on the talk point's calendar, not the tablet's", () => {
    expect(new Date(NOW).getDate()).toBe(24); // the tablet (UTC) says Wednesday
    // Wednesday 20:00 in Urumqi: today there, begun three and a half hours ago, still today's.
    expect(nextMeeting(weekly(3, "20:00"), NOW, "Asia/Urumqi")).toEqual({
      next: { date: "2024-01-24", time: "20:00", at: Date.parse("2024-01-24T20:00:00+06:00") },
      today: true,
    });
    // The same schedule in Shanghai: it is Thursday there, so the next one is a week on.
    expect(nextMeeting(weekly(3, "20:00"), NOW, "Asia/Shanghai")).toEqual({
      next: { date: "2024-01-31", time: "20:00", at: Date.parse("2024-01-31T20:00:00+08:00") },
      today: false,
    });
    // Thursday 09:00: today in Shanghai, tomorrow in Urumqi.
    expect(nextMeeting(weekly(4, "09:00"), NOW, "Asia/Shanghai").today).toBe(true);
    expect(nextMeeting(weekly(4, "09:00"), NOW, "Asia/Urumqi")).toEqual({
      next: { date: "2024-01-25", time: "09:00", at: Date.parse("2024-01-25T09:00:00+06:00") },
      today: false,
    });
  });

  it("is null, not today, for a schedule that never meets or an unknown zone", () => {
    expect(nextMeeting({ kind: "monthDays", days: [], time: "10:00" }, NOW, "Asia/Shanghai")).toEqual({
      next: null,
      today: false,
    });
    expect(nextMeeting(weekly(3, "20:00"), NOW, "Mars/Olympus")).toEqual({ next: null, today: false });
  });
});

describe("orderByNextSession", () => {
  it("puts today's meetings first (earliest first), then the soonest, then those that never meet", () => {
    const order = orderByNextSession(
      [
        tp("never", { kind: "monthDays", days: [], time: "10:00" }, "Asia/Shanghai"),
        tp("shanghai-wed", weekly(3, "20:00"), "Asia/Shanghai"),
        tp("urumqi-thu", weekly(4, "09:00"), "Asia/Urumqi"),
        tp("shanghai-thu", weekly(4, "09:00"), "Asia/Shanghai"),
        tp("urumqi-wed", weekly(3, "20:00"), "Asia/Urumqi"),
        tp("month-end", { kind: "monthDays", days: [26], time: "08:00" }, "Asia/Shanghai"),
      ],
      NOW,
    );
    expect(order.map((row) => [row.talkPoint.id, row.today])).toEqual([
      ["urumqi-wed", true], // 14:00 UTC on the 24th, begun
      ["shanghai-thu", true], // 01:00 UTC on the 25th
      ["urumqi-thu", false], // 03:00 UTC on the 25th
      ["month-end", false], // the 26th
      ["shanghai-wed", false], // the 31st
      ["never", false],
    ]);
    expect(order.at(-1)?.next).toBeNull();
  });

  it("orders the same wall-clock time by its instant: Shanghai's 10:00 comes before Urumqi's", () => {
    const friday = weekly(5, "10:00");
    const order = orderByNextSession(
      [tp("u", friday, "Asia/Urumqi", "乌鲁木齐"), tp("s", friday, "Asia/Shanghai", "上海")],
      NOW,
    );
    expect(order.map((row) => row.talkPoint.id)).toEqual(["s", "u"]);
    expect(order[1]!.next!.at - order[0]!.next!.at).toBe(2 * 3600_000);
  });

  it("breaks ties by name, then id, and leaves its input alone", () => {
    const input = [tp("b", weekly(5, "10:00"), "UTC", "乙"), tp("a", weekly(5, "10:00"), "UTC", "乙")];
    expect(orderByNextSession(input, NOW).map((row) => row.talkPoint.id)).toEqual(["a", "b"]);
    expect(input.map((x) => x.id)).toEqual(["b", "a"]);
    expect(orderByNextSession([], NOW)).toEqual([]);
  });
});
