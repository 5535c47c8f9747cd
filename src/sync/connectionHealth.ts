// Connections y-webrtc would keep forever but that carry nothing: each is dropped (its simple-peer destroyed),
// so y-webrtc announces again and connects afresh. PeerSync checks them at every poll.
import { heardFrom } from "./chunkedPeer.ts";

/** A connection still not open after this long is dropped (y-webrtc would keep it half-open forever). */
export const HALF_OPEN_MS = 2500;
/**
 * A connection open this long on which nothing arrived is dropped: y-webrtc sends its state vector and
 * presence the moment a connection opens and the other side answers, so a working one is heard from in
 * milliseconds. Seen on a busy machine right after a tablet joined (the join page's connection replaced by
 * the session page's): a data channel open at both ends on which neither end ever received anything, so
 * the secretary's edits stayed on the secretary's tablet.
 */
export const SILENT_MS = 3000;

/** The parts of a y-webrtc connection read here. */
export interface CheckedConn {
  connected: boolean;
  closed: boolean;
  peer: { destroy(): void };
}

export class ConnectionHealth {
  private readonly pendingSince = new Map<CheckedConn, number>();
  private readonly silentSince = new WeakMap<CheckedConn, number>();

  /** Drops the connections among `conns` that are half-open or silent for too long. */
  check(conns: Iterable<CheckedConn>, now = Date.now()): void {
    for (const conn of conns) {
      this.dropHalfOpen(conn, now);
      this.dropSilent(conn, now);
    }
  }

  // When two tablets offer to each other at the same moment, one side can be left with a connection that
  // is neither open nor closed, and y-webrtc then ignores that peer's announces.
  private dropHalfOpen(conn: CheckedConn, now: number): void {
    if (conn.connected || conn.closed) {
      this.pendingSince.delete(conn);
      return;
    }
    const since = this.pendingSince.get(conn) ?? now;
    this.pendingSince.set(conn, since);
    if (now - since > HALF_OPEN_MS) {
      this.pendingSince.delete(conn);
      conn.peer.destroy();
    }
  }

  private dropSilent(conn: CheckedConn, now: number): void {
    if (!conn.connected || conn.closed || heardFrom(conn.peer)) return;
    const since = this.silentSince.get(conn) ?? now;
    this.silentSince.set(conn, since);
    if (now - since > SILENT_MS) conn.peer.destroy();
  }
}
