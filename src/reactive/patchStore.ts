// Writes a freshly read plain value into a Solid store by setting only the leaves that differ from what the
// store holds. `reconcile` would give the same store, but it walks every record through the store's proxies:
// ~40 µs for one vote on each tap, twice per tap and tablet, a good part of what a tap takes to show on
// another tablet. Records keep their identity (matched by `id`, or by position when they have none); a
// list whose records were added, removed or moved is reconciled as a whole.
import { reconcile, type SetStoreFunction } from "solid-js/store";

type Path = (string | number)[];
type Setter = (...args: unknown[]) => void;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Same record in a list: the same id, or (records without ids, plain values) the same place. */
const sameRecord = (a: unknown, b: unknown) => !isObject(a) || !isObject(b) || a.id === b.id;

function patchAt(set: Setter, path: Path, held: unknown, next: unknown): void {
  if (Object.is(held, next)) return;
  if (Array.isArray(held) && Array.isArray(next)) {
    if (held.length !== next.length || !next.every((n, i) => sameRecord(held[i], n))) {
      set(...path, reconcile(next));
      return;
    }
    for (let i = 0; i < next.length; i++) patchAt(set, [...path, i], held[i], next[i]);
    return;
  }
  if (isObject(held) && isObject(next)) {
    for (const key of Object.keys(next)) patchAt(set, [...path, key], held[key], next[key]);
    for (const key of Object.keys(held)) if (!(key in next)) set(...path, key, undefined);
    return;
  }
  // A leaf, or a value changing kind. A record set over a record or list would be merged into it: the
  // old value goes first (in the caller's batch, nothing sees the gap).
  if (typeof held === "object" && held !== null && typeof next === "object" && next !== null)
    set(...path, undefined);
  set(...path, next);
}

/**
 * Writes `next` as the store's `key`, given `held` (the store's current plain value there, from `unwrap`).
 * @example patchStore(setState, "votes", unwrap(state).votes, readVotes(doc))
 */
export function patchStore<S>(
  set: SetStoreFunction<S>,
  key: keyof S & string,
  held: unknown,
  next: unknown,
): void {
  patchAt(set as unknown as Setter, [key], held, next);
}
