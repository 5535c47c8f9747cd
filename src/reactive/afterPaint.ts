// Work that should wait until the screen is up: it runs in the task after the next frame is painted.

/** How long to wait for a frame before running anyway: a hidden tab (opened in the background) gets none. */
export const AFTER_PAINT_FALLBACK_MS = 150;

/**
 * Runs `fn` once the next frame has been painted, or after `fallbackMs` if no frame comes first; it runs
 * once only. The wait for a frame is counted from the end of the current task, not from this call: the task
 * that calls it may go on rendering (a stored view of thousands of rows) for longer than the wait, and a
 * fallback already due then would run before the frame that shows what it rendered.
 * Returns a function that cancels it if it has not run.
 */
export function afterPaint(fn: () => void, fallbackMs = AFTER_PAINT_FALLBACK_MS): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(taskEnd);
    clearTimeout(fallback);
  };
  const run = () => {
    if (done) return;
    cancel();
    fn();
  };
  // A timeout set inside a frame callback fires after that frame is painted.
  const frame = requestAnimationFrame(() => {
    clearTimeout(taskEnd);
    clearTimeout(fallback);
    timer = setTimeout(run);
  });
  const taskEnd = setTimeout(() => {
    if (!done) fallback = setTimeout(run, fallbackMs);
  });
  return cancel;
}
