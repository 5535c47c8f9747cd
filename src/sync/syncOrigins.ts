// Which transaction origins are sync (a peer mux, a relay provider): their updates are stored and listed as
// received, not typed here. Updates from the relay still go out to peers (and peers' to the relay); a mux's
// updates are never sent back over the mux.
const origins = new Map<object, "peers" | "relay">();

/** Marks `origin` (a DocMux: "peers", a HocuspocusProvider: "relay") as a sync origin. */
export function markSyncOrigin(origin: object, kind: "peers" | "relay"): void {
  origins.set(origin, kind);
}

/** Forgets a destroyed origin. */
export function unmarkSyncOrigin(origin: object): void {
  origins.delete(origin);
}

/** True when an update came from a sync (not typed on this tablet). */
export function isSyncOrigin(origin: unknown): boolean {
  return typeof origin === "object" && origin !== null && origins.has(origin);
}

/** True when an update came from the peers' mux (so the mux must not send it back out). */
export function isPeerOrigin(origin: unknown): boolean {
  return typeof origin === "object" && origin !== null && origins.get(origin) === "peers";
}
