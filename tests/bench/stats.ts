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
export function reportTimes(name: string, times: number[]): void {
  console.log(
    JSON.stringify({
      case: name,
      median_ms: round(median(times)),
      p95_ms: round(percentile(times, 95)),
      n: times.length,
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
