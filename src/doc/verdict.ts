// The outcome of a show-of-hands vote from its counts, quorum and threshold: a pure function, no Yjs.
import type { Threshold, VoteMode, VoteOption } from "./schema.ts";

export type Outcome = "passed" | "failed" | "noQuorum";

export interface VerdictInput {
  options: readonly VoteOption[];
  mode: VoteMode;
  /** People present for this vote. */
  present: number;
  /** Minimum present for the vote to count (0 for none). */
  quorum: number;
  threshold: Threshold;
}

export interface Verdict {
  outcome: Outcome;
  /** Counts per option id as they count for the verdict (in minority mode "for" is derived). */
  counts: Record<string, number>;
  /** Votes cast: every option except abstentions. */
  cast: number;
  /** What the threshold is a fraction of: votes cast or people present. */
  base: number;
  /** The option that carried (the "for" option, or the leading choice), when there is one. */
  winnerId: string | null;
}

/**
 * Counts as they stand. In count-the-minority mode only against/abstain are counted and
 * for = present − everyone else, the usual way a table counts an obvious result.
 */
export function effectiveCounts(
  options: readonly VoteOption[],
  mode: VoteMode,
  present: number,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of options) counts[o.id] = o.count;
  const forOption = options.find((o) => o.role === "for");
  if (mode === "minority" && forOption) {
    const others = options.filter((o) => o !== forOption).reduce((sum, o) => sum + o.count, 0);
    counts[forOption.id] = Math.max(0, present - others);
  }
  return counts;
}

/** True when `votes` reach the threshold of `base`: more than half, at least two thirds, or at least num/den. */
export function meetsThreshold(votes: number, base: number, t: Threshold): boolean {
  if (base <= 0 || votes <= 0) return false;
  if (t.kind === "simple") return votes * 2 > base;
  if (t.kind === "twoThirds") return votes * 3 >= base * 2;
  return t.den > 0 && votes * t.den >= base * t.num;
}

/**
 * The verdict of a vote.
 * @example verdict({ options, mode: "count", present: 20, quorum: 10, threshold: { kind: "simple", basis: "cast", num: 1, den: 2 } })
 */
export function verdict(input: VerdictInput): Verdict {
  const counts = effectiveCounts(input.options, input.mode, input.present);
  const voting = input.options.filter((o) => o.role !== "abstain");
  const cast = voting.reduce((sum, o) => sum + (counts[o.id] ?? 0), 0);
  const base = input.threshold.basis === "present" ? input.present : cast;
  if (input.present < input.quorum) return { outcome: "noQuorum", counts, cast, base, winnerId: null };

  // A yes/no motion carries on its "for" option; a choice between options on the one clearly ahead.
  let candidate = input.options.find((o) => o.role === "for") ?? null;
  if (!candidate) {
    const sorted = [...voting].sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0));
    const [first, second] = sorted;
    candidate = first && (!second || (counts[first.id] ?? 0) > (counts[second.id] ?? 0)) ? first : null;
  }
  const passed = candidate !== null && meetsThreshold(counts[candidate.id] ?? 0, base, input.threshold);
  return {
    outcome: passed ? "passed" : "failed",
    counts,
    cast,
    base,
    winnerId: passed ? candidate!.id : null,
  };
}
