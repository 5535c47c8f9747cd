// The outcome of a show-of-hands vote from its counts, quorum and threshold: a pure function, no Yjs.
import type { Outcome, Threshold, Vote, VoteMode, VoteOption, VoteResult } from "./schema.ts";

export type { Outcome };

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

/** The result of the vote's counts as they stand now, with `sessionPresent` when the vote sets no number. */
export function liveResult(vote: Vote, sessionPresent: number): VoteResult {
  const present = vote.present ?? sessionPresent;
  const quorum = vote.quorum ?? 0;
  const v = verdict({ options: vote.options, mode: vote.mode, present, quorum, threshold: vote.threshold });
  return {
    outcome: v.outcome,
    options: vote.options.map((o) => ({
      id: o.id,
      label: o.label,
      role: o.role,
      count: v.counts[o.id] ?? 0,
    })),
    present,
    quorum,
    threshold: { ...vote.threshold },
    mode: vote.mode,
    cast: v.cast,
    base: v.base,
    winnerId: v.winnerId,
  };
}

/**
 * What a vote shows: once closed, the result recorded at its close, whatever changed since (the head count,
 * a late tap merged from another tablet); before that, the live count. A vote closed by an older app has no
 * recorded result and shows the live count.
 */
export function shownResult(vote: Vote, sessionPresent: number): VoteResult {
  return vote.status === "closed" && vote.result ? vote.result : liveResult(vote, sessionPresent);
}

/** An option's count in a result (0 for an option the result does not list). */
export function countIn(result: VoteResult, optionId: string): number {
  return result.options.find((o) => o.id === optionId)?.count ?? 0;
}
