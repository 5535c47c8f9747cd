// Work that many events in a row ask for, done once, just after them (in a microtask).

/**
 * A function that runs `fn` once in the next microtask, however often it is called before then.
 * @example const repairSoon = createSoon(() => repairDoc(doc)); doc.on("afterTransaction", repairSoon);
 */
export function createSoon(fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      fn();
    });
  };
}
