// Comparing a document's backup copy with its rows in IndexedDB, as Yjs updates: what the copy holds that
// the rows lack (a database that lost some of its records silently: LevelDB drops a damaged log block and
// opens without a word), and whether the copy lacks anything the rows hold (an append that failed).
import * as Y from "yjs";

type DeleteSet = Map<number, { clock: number; len: number }[]>;

const merged = (updates: readonly Uint8Array[]): Uint8Array =>
  updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[]);

/** True when every deleted range of `b` is deleted in `a` too (ranges sorted and merged, as Yjs keeps them). */
function covers(a: DeleteSet, b: DeleteSet): boolean {
  for (const [client, ranges] of b) {
    const mine = a.get(client) ?? [];
    let i = 0;
    for (const { clock, len } of ranges) {
      let at = clock;
      const end = clock + len;
      while (at < end) {
        while (i < mine.length && mine[i]!.clock + mine[i]!.len <= at) i++;
        const r = mine[i];
        if (!r || r.clock > at) return false;
        at = r.clock + r.len;
      }
    }
  }
  return true;
}

/** True when `update` adds something to a document holding `base`: a struct it lacks or a deletion. */
function adds(update: Uint8Array, base: Uint8Array): boolean {
  const diff = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(base)));
  return diff.structs.length > 0 || !covers(Y.decodeUpdate(base).ds.clients, diff.ds.clients);
}

export interface Reconciled {
  /** What the copy holds and the rows lack, as one update to store; null when the rows hold it all. */
  toStore: Uint8Array | null;
  /** The rows hold something the copy lacks: the copy must be rewritten from them. */
  copyBehind: boolean;
}

/** Compares a copy's updates with the stored rows' updates (both non-empty). Throws on garbage. */
export function reconcile(copy: readonly Uint8Array[], stored: readonly Uint8Array[]): Reconciled {
  const fromCopy = merged(copy);
  const fromRows = merged(stored);
  const missing = adds(fromCopy, fromRows);
  return {
    toStore: missing ? Y.diffUpdate(fromCopy, Y.encodeStateVectorFromUpdate(fromRows)) : null,
    copyBehind: adds(fromRows, fromCopy),
  };
}
