// One clock for every countdown on screen. It ticks twice a second only while some running timer needs it,
// instead of one interval per agenda item (a long agenda would otherwise wake the tablet hundreds of times
// a second).
import { createSignal } from "solid-js";

const TICK_MS = 500;
const [now, setNow] = createSignal(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** The time in ms, updated every half second while at least one `holdClock()` is held. */
export { now };

/** Keeps the clock ticking until the returned function is called. */
export function holdClock(): () => void {
  if (users++ === 0) {
    setNow(Date.now());
    timer = setInterval(() => setNow(Date.now()), TICK_MS);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users === 0) clearInterval(timer);
  };
}
