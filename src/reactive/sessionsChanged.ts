// A signal that stored sessions changed outside the screen (arrived from a peer through community sync), so
// lists such as the home screen's reload them.
const listeners = new Set<() => void>();

/** Tells every list that a stored session changed. */
export function notifySessionsChanged(): void {
  for (const fn of listeners) fn();
}

/** Calls `fn` whenever a stored session changed outside the screen; returns an unsubscribe. */
export function onSessionsChanged(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
