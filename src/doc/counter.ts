// Per-device counters: each replica writes only its own key, so concurrent taps all count (a G-counter per device).
import type * as Y from "yjs";

/** Adds `delta` to this replica's share of the counter named `scope`. */
export function addToCounter(ymap: Y.Map<number>, scope: string, clientId: number, delta: number): void {
  const key = `${scope}:${clientId}`;
  ymap.set(key, (ymap.get(key) ?? 0) + delta);
}

/** The counter's total over every replica (may be negative after concurrent decrements; callers clamp). */
export function counterTotal(ymap: Y.Map<number>, scope: string): number {
  const prefix = `${scope}:`;
  let sum = 0;
  for (const [key, value] of ymap.entries()) if (key.startsWith(prefix)) sum += value;
  return sum;
}

/** Totals of every scope at once, for snapshots. */
export function counterTotals(json: Record<string, unknown>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [key, value] of Object.entries(json)) {
    const scope = key.slice(0, key.lastIndexOf(":"));
    if (typeof value === "number") totals.set(scope, (totals.get(scope) ?? 0) + value);
  }
  return totals;
}
