// Ordering by fractional index keys: a move rewrites one key, so concurrent moves never duplicate an item.
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

export interface Ordered {
  id: string;
  order: string;
}

/** Sorts by order key; equal keys (two peers inserting at the same spot) fall back to id, the same on every peer. */
export function byOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A key that places an item at `index` among `sorted` (which must not contain the item itself).
 * @example keyAt([], 0) // "a0"
 */
export function keyAt(sorted: readonly Ordered[], index: number): string {
  const i = Math.max(0, Math.min(index, sorted.length));
  const before = i > 0 ? (sorted[i - 1]?.order ?? null) : null;
  let after = i < sorted.length ? (sorted[i]?.order ?? null) : null;
  // Concurrent inserts can leave equal keys; step past them so the new key is strictly between distinct keys.
  if (before !== null && after !== null && after <= before) {
    after = sorted.slice(i).find((x) => x.order > before)?.order ?? null;
  }
  return generateKeyBetween(before, after);
}

/** True when `key` is a fractional index key (an older app or a peer may have stored one that is not). */
export function isOrderKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** A key after every item; items whose key is not a valid one are passed over. */
export function keyAtEnd(sorted: readonly Ordered[]): string {
  const valid = sorted.filter((x) => isOrderKey(x.order));
  return keyAt(valid, valid.length);
}

export interface Placement {
  /** The order key for the placed item. */
  key: string;
  /** Neighbours that get new keys: only when the item goes inside a run of equal keys. */
  rekeyed: Ordered[];
}

/**
 * Where to put an item so it lands exactly at `index`. Between two items with equal keys (left by two
 * tablets inserting at the same spot) no key fits, so that run of items is re-keyed around the new one.
 */
export function placeAt(sorted: readonly Ordered[], index: number): Placement {
  const i = Math.max(0, Math.min(index, sorted.length));
  const before = sorted[i - 1]?.order;
  if (before === undefined || sorted[i]?.order !== before) return { key: keyAt(sorted, i), rekeyed: [] };
  let start = i - 1;
  while (start > 0 && sorted[start - 1]!.order === before) start--;
  let end = i;
  while (end < sorted.length && sorted[end]!.order === before) end++;
  const keys = generateNKeysBetween(
    sorted[start - 1]?.order ?? null,
    sorted[end]?.order ?? null,
    end - start + 1,
  );
  const run = sorted.slice(start, end);
  const at = i - start;
  return {
    key: keys[at]!,
    rekeyed: run.map((item, j) => ({ id: item.id, order: keys[j < at ? j : j + 1]! })),
  };
}
