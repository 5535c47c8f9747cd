// Benchmarks' sizes and run counts: the series of cost against size, with fewer runs at the largest sizes.

/** Runs per case (`BENCH_RUNS`, 7 by default). */
export const BENCH_RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Session sizes (items) of every "series" case. */
export const SIZES = [250, 500, 1000, 2000, 4000] as const;

/** Runs at size `n` of a series: BENCH_RUNS up to 2,000 items, 5 (at most) above. */
export function runsAt(n: number, runs = BENCH_RUNS): number {
  return n > 2000 ? Math.min(5, runs) : runs;
}
