// What a promise for the latest value of a source resolves to, as signals and without Suspense: a page can
// show something else meanwhile (createResource would suspend the whole route until it resolves). An answer
// for a source value that has since changed is dropped.
import { createComputed, createMemo, createSignal, on, type Accessor } from "solid-js";

export interface Latest<T> {
  /** The latest answer; undefined while it is awaited. */
  value: Accessor<T | undefined>;
  /** The latest load failed. */
  failed: Accessor<boolean>;
}

/**
 * Calls `load` for each new value of `source` (at once, not after rendering) and keeps the latest answer; a
 * source that reads the same value again (a route with the same id and another filter) loads nothing.
 * `keep`: the previous answer stays until the next one comes (else it is cleared at once).
 */
export function createLatest<S, T>(
  source: Accessor<S>,
  load: (s: S) => Promise<T>,
  options: { keep?: boolean } = {},
): Latest<T> {
  const [value, setValue] = createSignal<T>();
  const [failed, setFailed] = createSignal(false);
  let latest: S;
  const current = createMemo(source);
  createComputed(
    on(current, (s) => {
      latest = s;
      if (!options.keep) setValue(undefined);
      setFailed(false);
      load(s).then(
        (v) => latest === s && setValue(() => v),
        () => latest === s && setFailed(true),
      );
    }),
  );
  return { value, failed };
}
