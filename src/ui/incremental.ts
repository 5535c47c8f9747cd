// Long lists render their first screenful at once and the rest just after the first frame is painted,
// so opening a big session (hundreds of issue cards) does not hold up the whole screen.
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { afterPaint } from "../reactive/afterPaint.ts";

/** `list()` cut to its first `first` items until the next frame has been painted, then all of it. */
export function createIncremental<T>(list: Accessor<readonly T[]>, first = 30): Accessor<readonly T[]> {
  const [all, setAll] = createSignal(false);
  onCleanup(afterPaint(() => setAll(true)));
  return () => {
    const items = list();
    return all() || items.length <= first ? items : items.slice(0, first);
  };
}
