// Counts several tablets change at once: per-device tap counters (each replica writes only its own key, so
// concurrent taps all count) plus typed corrections that merge by intent. A correction records the total
// typed and the counters it saw; the count is then the last correction's total plus every tap it had not
// seen. Two tablets correcting 10 to 12 at once give 12, not 14; taps after (or concurrent with) a
// correction still add up. "Last" is the order of the append-only log the corrections are kept in, which
// is the document's causal order (a correction made after seeing another comes after it), never clocks.
import type * as Y from "yjs";
import type { SeenCounts } from "./session/schema.ts";

/** A typed total and the tap counters it saw. */
export interface Correction {
  to: number;
  seen: SeenCounts;
}

/** Adds `delta` to this replica's share of the counter named `scope`. */
export function addToCounter(ymap: Y.Map<number>, scope: string, clientId: number, delta: number): void {
  const key = `${scope}:${clientId}`;
  ymap.set(key, (ymap.get(key) ?? 0) + delta);
}

/** Every device's counter of `scope`, by client id, from a counter map's JSON (non-numbers skipped). */
export function sharesOf(json: Record<string, unknown>, scope: string): SeenCounts {
  const prefix = `${scope}:`;
  const shares: SeenCounts = {};
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith(prefix) && typeof value === "number" && Number.isFinite(value)) {
      shares[key.slice(prefix.length)] = value;
    }
  }
  return shares;
}

/** The same, read from the live map. */
export function sharesIn(ymap: Y.Map<number>, scope: string): SeenCounts {
  return sharesOf(ymap.toJSON() as Record<string, unknown>, scope);
}

/** The counter's total (may be negative after concurrent decrements; callers clamp). */
export function counterTotal(ymap: Y.Map<number>, scope: string): number {
  return total(sharesIn(ymap, scope), null);
}

/**
 * The count: without a correction, the sum of every device's taps; with one, its total plus the taps it had
 * not seen. Never below zero.
 */
export function total(shares: SeenCounts, last: Correction | null): number {
  return Math.max(0, rawTotal(shares, last));
}

/** The same before clamping: below zero when concurrent decrements overshot (a correction then fixes it). */
export function rawTotal(shares: SeenCounts, last: Correction | null): number {
  let sum = last ? last.to : 0;
  for (const [client, value] of Object.entries(shares)) sum += value - (last?.seen[client] ?? 0);
  return sum;
}

/** A correction read from a log entry of any origin, or null when the entry is not one. */
export function asCorrection(entry: unknown): Correction | null {
  const e = entry as { to?: unknown; seen?: unknown } | null;
  if (typeof e !== "object" || e === null || typeof e.to !== "number" || !Number.isFinite(e.to)) return null;
  if (typeof e.seen !== "object" || e.seen === null) return null;
  const seen: SeenCounts = {};
  for (const [client, value] of Object.entries(e.seen as Record<string, unknown>)) {
    if (typeof value === "number" && Number.isFinite(value)) seen[client] = value;
  }
  return { to: e.to, seen };
}
