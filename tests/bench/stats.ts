// Benchmark statistics and the one-JSON-object-per-line output format.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Prints a timing case: {"case", "median_ms", "p95_ms", "n"}. */
export function reportTimes(name: string, times: number[], extra: Record<string, unknown> = {}): void {
  console.log(
    JSON.stringify({
      case: name,
      median_ms: round(median(times)),
      p95_ms: round(percentile(times, 95)),
      n: times.length,
      ...extra,
    }),
  );
}

/** Prints a ratio or size case. */
export function reportValue(
  name: string,
  key: "ratio" | "bytes",
  value: number,
  extra: Record<string, unknown> = {},
): void {
  console.log(JSON.stringify({ case: name, [key]: key === "ratio" ? round(value) : value, ...extra }));
}

/** Times `fn` `runs` times after one warm-up run. */
export async function time(runs: number, fn: () => unknown): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Prints a ratio of medians, ours / peer (below 1: faster than the peer), with both medians. */
export function reportRatio(name: string, ours: number[], peer: number[]): void {
  reportValue(name, "ratio", median(ours) / median(peer), {
    median_ms: round(median(ours)),
    peer_median_ms: round(median(peer)),
    n: Math.min(ours.length, peer.length),
  });
}

/** Prints cost against size: {"case", "series": [[n, median_ms], …], "p95": [[n, p95_ms], …], "n"}. */
export function reportSeries(name: string, points: [size: number, times: number[]][]): void {
  console.log(
    JSON.stringify({
      case: name,
      series: points.map(([size, t]) => [size, round(median(t))]),
      p95: points.map(([size, t]) => [size, round(percentile(t, 95))]),
      n: points.map(([size, t]) => [size, t.length]),
    }),
  );
}

/**
 * Times `ours` and `peer` alternately (A B A B …, after one warm-up each), so drift in the machine's speed
 * hits both alike. Each function returns its own time in ms (or undefined: the wall time of the call).
 */
export async function alternate(
  runs: number,
  ours: () => unknown,
  peer: () => unknown,
): Promise<{ ours: number[]; peer: number[] }> {
  const one = async (fn: () => unknown) => {
    const t0 = performance.now();
    const r = await fn();
    return typeof r === "number" ? r : performance.now() - t0;
  };
  await one(ours);
  await one(peer);
  const out = { ours: [] as number[], peer: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.ours.push(await one(ours));
    out.peer.push(await one(peer));
  }
  return out;
}
