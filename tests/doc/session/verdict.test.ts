// The verdict of a vote from counts, mode, quorum and threshold: a table of cases with exact expected results.
import { describe, expect, it } from "vitest";
import type { Threshold, VoteMode, VoteOption } from "../../../src/doc/session/schema.ts";
import { effectiveCounts, meetsThreshold, verdict, type Outcome } from "../../../src/doc/session/verdict.ts";

const opt = (id: string, role: VoteOption["role"], count: number, order: string): VoteOption => ({
  id,
  order,
  label: "",
  role,
  count,
});
/** A yes/no motion with option ids "for", "against", "abstain". */
const yesNo = (f: number, a: number, ab: number): VoteOption[] => [
  opt("for", "for", f, "a0"),
  opt("against", "against", a, "a1"),
  opt("abstain", "abstain", ab, "a2"),
];
/** Choice options with ids "c0", "c1", … */
const choices = (...counts: number[]): VoteOption[] =>
  counts.map((n, i) => opt(`c${i}`, "choice", n, `a${i}`));

const SIMPLE: Threshold = { kind: "simple", basis: "cast", num: 1, den: 2 };
const TWO_THIRDS: Threshold = { kind: "twoThirds", basis: "cast", num: 2, den: 3 };
const custom = (num: number, den: number, basis: Threshold["basis"] = "cast"): Threshold => ({
  kind: "custom",
  basis,
  num,
  den,
});

interface Case {
  name: string;
  options: VoteOption[];
  mode?: VoteMode;
  present?: number;
  quorum?: number;
  threshold?: Threshold;
  outcome: Outcome;
  cast: number;
  base: number;
  winnerId: string | null;
  counts?: Record<string, number>;
}

const CASES: Case[] = [
  {
    name: "simple majority passes",
    options: yesNo(6, 4, 0),
    outcome: "passed",
    cast: 10,
    base: 10,
    winnerId: "for",
  },
  {
    name: "simple majority fails",
    options: yesNo(4, 6, 0),
    outcome: "failed",
    cast: 10,
    base: 10,
    winnerId: null,
  },
  {
    name: "simple majority tie fails",
    options: yesNo(5, 5, 0),
    outcome: "failed",
    cast: 10,
    base: 10,
    winnerId: null,
  },
  {
    name: "one vote over half",
    options: yesNo(6, 5, 0),
    outcome: "passed",
    cast: 11,
    base: 11,
    winnerId: "for",
  },
  {
    name: "two thirds at exactly 2/3 passes",
    options: yesNo(6, 3, 0),
    threshold: TWO_THIRDS,
    outcome: "passed",
    cast: 9,
    base: 9,
    winnerId: "for",
  },
  {
    name: "two thirds just below fails",
    options: yesNo(13, 7, 0),
    threshold: TWO_THIRDS,
    outcome: "failed",
    cast: 20,
    base: 20,
    winnerId: null,
  },
  {
    name: "custom 3/5 at exactly 3/5 passes",
    options: yesNo(6, 4, 0),
    threshold: custom(3, 5),
    outcome: "passed",
    cast: 10,
    base: 10,
    winnerId: "for",
  },
  {
    name: "custom 3/5 below fails",
    options: yesNo(5, 4, 0),
    threshold: custom(3, 5),
    outcome: "failed",
    cast: 9,
    base: 9,
    winnerId: null,
  },
  {
    name: "custom 3/4 of present at exactly 3/4 passes",
    options: yesNo(15, 2, 0),
    present: 20,
    threshold: custom(3, 4, "present"),
    outcome: "passed",
    cast: 17,
    base: 20,
    winnerId: "for",
  },
  {
    name: "custom 3/4 of present with one more present fails",
    options: yesNo(15, 2, 0),
    present: 21,
    threshold: custom(3, 4, "present"),
    outcome: "failed",
    cast: 17,
    base: 21,
    winnerId: null,
  },
  {
    name: "basis cast: a majority of votes cast passes",
    options: yesNo(10, 5, 10),
    present: 30,
    outcome: "passed",
    cast: 15,
    base: 15,
    winnerId: "for",
  },
  {
    name: "basis present: the same counts are not a majority of those present",
    options: yesNo(10, 5, 10),
    present: 30,
    threshold: { ...SIMPLE, basis: "present" },
    outcome: "failed",
    cast: 15,
    base: 30,
    winnerId: null,
  },
  {
    name: "abstentions are not cast",
    options: yesNo(5, 4, 20),
    present: 29,
    outcome: "passed",
    cast: 9,
    base: 9,
    winnerId: "for",
  },
  {
    name: "no quorum, however clear the count",
    options: yesNo(8, 0, 0),
    present: 8,
    quorum: 10,
    outcome: "noQuorum",
    cast: 8,
    base: 8,
    winnerId: null,
  },
  {
    name: "quorum met exactly",
    options: yesNo(8, 2, 0),
    present: 10,
    quorum: 10,
    outcome: "passed",
    cast: 10,
    base: 10,
    winnerId: "for",
  },
  {
    name: "minority mode derives for = present − against − abstain",
    options: yesNo(0, 4, 3),
    mode: "minority",
    present: 30,
    outcome: "passed",
    cast: 27,
    base: 27,
    winnerId: "for",
    counts: { for: 23, against: 4, abstain: 3 },
  },
  {
    name: "minority mode ignores taps on for",
    options: yesNo(99, 4, 3),
    mode: "minority",
    present: 10,
    outcome: "failed",
    cast: 7,
    base: 7,
    winnerId: null,
    counts: { for: 3, against: 4, abstain: 3 },
  },
  {
    name: "minority mode clamps for at 0",
    options: yesNo(0, 4, 3),
    mode: "minority",
    present: 5,
    outcome: "failed",
    cast: 4,
    base: 4,
    winnerId: null,
    counts: { for: 0, against: 4, abstain: 3 },
  },
  {
    name: "count mode keeps the tapped for count",
    options: yesNo(2, 4, 3),
    present: 30,
    outcome: "failed",
    cast: 6,
    base: 6,
    winnerId: null,
    counts: { for: 2, against: 4, abstain: 3 },
  },
  {
    name: "choice: a clear leader with a majority passes",
    options: choices(5, 3, 1),
    outcome: "passed",
    cast: 9,
    base: 9,
    winnerId: "c0",
  },
  {
    name: "choice: the leader may be any option",
    options: choices(1, 2, 7),
    outcome: "passed",
    cast: 10,
    base: 10,
    winnerId: "c2",
  },
  {
    name: "choice: a tie for first fails",
    options: choices(4, 4, 1),
    outcome: "failed",
    cast: 9,
    base: 9,
    winnerId: null,
  },
  {
    // The threshold applies to choices too: a plurality short of the threshold does not carry.
    name: "choice: a leader short of a simple majority fails",
    options: choices(4, 3, 3),
    outcome: "failed",
    cast: 10,
    base: 10,
    winnerId: null,
  },
  {
    name: "choice in minority mode counts as tapped (no for option)",
    options: choices(6, 2),
    mode: "minority",
    present: 40,
    outcome: "passed",
    cast: 8,
    base: 8,
    winnerId: "c0",
    counts: { c0: 6, c1: 2 },
  },
  {
    name: "no votes at all fails",
    options: yesNo(0, 0, 0),
    outcome: "failed",
    cast: 0,
    base: 0,
    winnerId: null,
  },
  {
    name: "no votes on a choice vote fails",
    options: choices(0, 0),
    outcome: "failed",
    cast: 0,
    base: 0,
    winnerId: null,
  },
];

describe("verdict", () => {
  it.each(CASES)("$name", (c) => {
    const v = verdict({
      options: c.options,
      mode: c.mode ?? "count",
      present: c.present ?? 100,
      quorum: c.quorum ?? 0,
      threshold: c.threshold ?? SIMPLE,
    });
    expect({ outcome: v.outcome, cast: v.cast, base: v.base, winnerId: v.winnerId }).toEqual({
      outcome: c.outcome,
      cast: c.cast,
      base: c.base,
      winnerId: c.winnerId,
    });
    if (c.counts) expect(v.counts).toEqual(c.counts);
  });
});

describe("meetsThreshold", () => {
  it.each([
    [6, 10, SIMPLE, true],
    [5, 10, SIMPLE, false],
    [2, 3, TWO_THIRDS, true],
    [1, 2, TWO_THIRDS, false],
    [66, 100, TWO_THIRDS, false],
    [67, 100, TWO_THIRDS, true],
    [1, 2, custom(1, 2), true],
    [3, 4, custom(3, 4), true],
    [2, 4, custom(3, 4), false],
    [0, 0, SIMPLE, false],
    [0, 5, custom(1, 1000), false],
    [5, 0, SIMPLE, false],
  ] as const)("%i of %i with %o → %s", (votes, base, t, expected) => {
    expect(meetsThreshold(votes, base, t)).toBe(expected);
  });
});

describe("effectiveCounts", () => {
  it("derives for only in minority mode", () => {
    const options = yesNo(1, 2, 3);
    expect(effectiveCounts(options, "count", 50)).toEqual({ for: 1, against: 2, abstain: 3 });
    expect(effectiveCounts(options, "minority", 50)).toEqual({ for: 45, against: 2, abstain: 3 });
  });
});
