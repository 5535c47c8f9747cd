// Work that should wait until the screen is up: it runs in the task after the next frame is painted.

/** Runs `fn` once the next frame has been painted; returns a function that cancels it if it has not run. */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A timeout set inside a frame callback fires after that frame is painted.
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
