// Decides from classified signalling messages and a clock when to warn of a wrong key, when a stuck room
// needs a fresh start, and when to answer a foreign message; pure, so garbage can be tested without browsers.
import type { SignalKind } from "./keyCheck.ts";

/** A foreign message must go this long without any message from a peer with our key before we warn. */
export const WRONG_KEY_GRACE_MS = 3000;
/** A peer with our key is in the room, yet no connection opens for this long: start over. */
export const STUCK_AFTER_MS = 8000;
/** At most one answering announce per this interval, however many foreign messages arrive. */
export const ANSWER_EVERY_MS = 2000;

/** What the owner of a RoomWatch should do after a poll; each is true at most once per watch. */
export interface RoomVerdict {
  wrongKey: boolean;
  stuck: boolean;
}

/*
 * Why the wrong-key warning needs more than "a message we cannot decrypt":
 * Someone who knows only the room name (the first 6 characters of the code, visible on the network with
 * ws://) can publish into the room. A device with a genuinely wrong key knows exactly as much: it can write
 * well-formed envelopes encrypted with some other key, and so can an attacker (one PBKDF2 call). So no
 * undecryptable message proves that a *device* has a wrong key, and "we have the wrong key" cannot be told
 * apart from "someone is sending junk". What nobody can forge without our key is a message that decrypts
 * with it (AES-GCM authenticates). So:
 * - random or malformed data (bad base64, algorithm, IV or length) never counts at all;
 * - one message from another peer that decrypts with our key (or an open connection) proves our key is
 *   right: this watch then never warns, whatever foreign traffic follows. A newcomer with the right key
 *   hears the room's devices within milliseconds of joining, so the warning waits WRONG_KEY_GRACE_MS;
 * - what an outsider can still do is make a device that hears nobody with its key (alone in the room, or
 *   really holding a wrong key) say "check the code" after the grace period: that cannot be told apart, and
 *   such a device could not sync with anyone anyway.
 * The stuck check needs a peer with our key and ignores foreign traffic entirely, so junk can neither start
 * nor stop it. (A replayed captured message of a real peer decrypts too; at worst it triggers a rejoin.)
 */

/**
 * Watches one room membership (one provider): feed it classified messages, server client counts and polls.
 * @example const watch = new RoomWatch(); if (watch.message("foreign")) sendAnnounce(); watch.poll(0);
 */
export class RoomWatch {
  /** A peer with our key was heard, or a connection opened: our key is right. */
  private sameKeySeen = false;
  private firstForeignAt: number | null = null;
  private lastAnswerAt = -Infinity;
  /** Subscribers of our room on the signalling server, as last counted by it (ourselves included). */
  private clients = 0;
  private aloneSince: number;
  private wrongKeyReported = false;
  private stuckReported = false;

  constructor(private readonly now: () => number = Date.now) {
    this.aloneSince = now();
  }

  /**
   * Feeds one message of our room. `clients` is the server's subscriber count sent with it; it is kept only
   * from messages that decrypt, so junk cannot carry it. Returns true when an answering announce is due.
   */
  message(kind: SignalKind, clients?: number): boolean {
    if (kind === "malformed") return false;
    if (kind !== "foreign") {
      if (typeof clients === "number" && Number.isFinite(clients)) this.clients = clients;
      if (kind === "peer") this.sameKeySeen = true;
      return false;
    }
    const now = this.now();
    this.firstForeignAt ??= now;
    if (now - this.lastAnswerAt < ANSWER_EVERY_MS) return false;
    this.lastAnswerAt = now;
    return true;
  }

  /** True once our key is known to be right (a peer decrypted, or a connection opened). */
  get keyConfirmed(): boolean {
    return this.sameKeySeen;
  }

  /** Called on every poll with the number of open connections; says which events are due now. */
  poll(connected: number): RoomVerdict {
    const now = this.now();
    const verdict: RoomVerdict = { wrongKey: false, stuck: false };
    if (connected > 0) {
      this.sameKeySeen = true;
      this.aloneSince = now;
      return verdict;
    }
    const foreignLongEnough = this.firstForeignAt !== null && now - this.firstForeignAt >= WRONG_KEY_GRACE_MS;
    if (!this.sameKeySeen && foreignLongEnough && !this.wrongKeyReported) {
      this.wrongKeyReported = verdict.wrongKey = true;
    }
    // Our key, others present, still no connection (a failed offer/answer race): ask for a fresh start.
    const waited = now - this.aloneSince > STUCK_AFTER_MS;
    if (this.sameKeySeen && this.clients > 1 && waited && !this.stuckReported) {
      this.stuckReported = verdict.stuck = true;
    }
    return verdict;
  }
}
