// The head of a stored view: the little a screen paints first (a register's first screen of rows and its
// counts), stored beside the view with the same row keys and read first, so it is shown a few
// milliseconds after the read starts while the whole view (megabytes for a register of thousands of
// matters) is still on its way.
import type { StoredView } from "./db.ts";

/** The `views` key of the head of document `docId`'s view. */
export const viewHeadKey = (docId: string): string => `${docId}\u0000head`;

/** True when a stored view (or head) shows exactly the rows `keys` (in any order). */
export function showsExactly(view: Pick<StoredView, "keys">, keys: readonly number[]): boolean {
  if (view.keys.length !== keys.length) return false;
  const stored = new Set(view.keys);
  return keys.every((key) => stored.has(key));
}
