// The only-copy rule: with no relay and no other tablet of the community seen in the last 14 days, this
// tablet holds the community's only copy.
import { describe, expect, it } from "vitest";
import { holdsOnlyCopy, ONLY_COPY_DAYS, otherTablets } from "../../../src/ui/pages/community/onlyCopy.ts";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2024, 3, 21, 2, 0);
const seen =
  (times: Record<string, number>) =>
  (device: string): number | null =>
    times[device] ?? null;

describe("holdsOnlyCopy", () => {
  it("is the only copy when no other tablet exists and no relay is set", () => {
    expect(holdsOnlyCopy({ relay: false, others: [], seenAt: seen({}), now: NOW })).toBe(true);
  });

  it("is not when a relay is set, whatever was seen", () => {
    expect(holdsOnlyCopy({ relay: true, others: [], seenAt: seen({}), now: NOW })).toBe(false);
  });

  it("is not when another tablet was seen within 14 days", () => {
    const at = { b: NOW - 3 * DAY };
    expect(holdsOnlyCopy({ relay: false, others: ["b"], seenAt: seen(at), now: NOW })).toBe(false);
  });

  it("is when every other tablet was last seen 14 days ago or more, or never", () => {
    const at = { b: NOW - ONLY_COPY_DAYS * DAY, c: NOW - 40 * DAY };
    expect(holdsOnlyCopy({ relay: false, others: ["b", "c", "d"], seenAt: seen(at), now: NOW })).toBe(true);
  });

  it("counts a time ahead of this tablet's clock as seen", () => {
    const at = { b: NOW + DAY };
    expect(holdsOnlyCopy({ relay: false, others: ["b"], seenAt: seen(at), now: NOW })).toBe(false);
  });

  it("ignores seen times of tablets that are not among the others", () => {
    const at = { gone: NOW - DAY };
    expect(holdsOnlyCopy({ relay: false, others: ["b"], seenAt: seen(at), now: NOW })).toBe(true);
  });
});

describe("otherTablets", () => {
  it("leaves out this tablet and removed ones", () => {
    const members = [
      { device: "a", removed: false },
      { device: "b", removed: false },
      { device: "c", removed: true },
    ];
    expect(otherTablets(members, "a")).toEqual(["b"]);
    expect(otherTablets(members, null)).toEqual(["a", "b"]);
  });
});
