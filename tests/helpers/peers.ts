// Simulated replicas of one session document and a lossy, reordering network between them (after yjs tests/testHelper.js).
import * as prng from "lib0/prng";
import { expect, vi } from "vitest";
import * as Y from "yjs";
import { DocError, type DocErrorCode } from "../../src/doc/docError.ts";
import { initSessionDoc, setActor, type SessionInit } from "../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";

/** Origin of updates applied by the simulated network, so they are not broadcast again. */
const NETWORK = Symbol("test-network");

/**
 * Makes `crypto.getRandomValues` (record ids, Yjs' own randomness) follow `seed`, so a failing seed replays
 * exactly. Undo with `vi.restoreAllMocks()`.
 */
export function seedRandomness(seed: number): void {
  const gen = prng.create(0x5eed ^ seed);
  vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(
    <T extends ArrayBufferView | null>(array: T): T => {
      if (array) {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        for (let i = 0; i < bytes.length; i++) bytes[i] = prng.uint32(gen, 0, 255);
      }
      return array;
    },
  );
}

/** The session every test document starts from. */
export const TEST_SESSION: SessionInit = {
  id: "session-1",
  talkPoint: {
    id: "tp-laochenglu",
    name: "有一說一 說事點",
    community: "老城路社區",
    location: "幸福路鴻雁小區",
  },
  title: "4月21日 說事",
  startsAt: "2024-04-21T10:00:00+08:00",
  facilitator: "王書記",
  recorder: "網格員 李",
  createdAt: 1_713_664_800_000,
};

/** A fresh session document, initialized with `TEST_SESSION` (plus `init` overrides). */
export function newSessionDoc(init: Partial<SessionInit> = {}): Y.Doc {
  return initSessionDoc(new Y.Doc(), { ...TEST_SESSION, ...init });
}

interface Message {
  from: number;
  update: Uint8Array;
}

export interface PeerOptions {
  /** Adds shared records to the starting document before it is copied to every peer. */
  setup?: (base: Y.Doc) => void;
  /**
   * Deliver any queued message next, not only the oldest from its sender. Ordered delivery (the default) is
   * what one WebRTC data channel per pair gives; any order is what Yjs promises to cope with in general.
   */
  anyOrder?: boolean;
}

export interface Peers {
  peers: Y.Doc[];
  /** The generator the test should draw its random choices from (seeded with `seed`). */
  prng: prng.PRNG;
  /** Delivers every queued message (in random order) until no inbox holds anything. */
  deliverAll(): number;
  /**
   * Delivers up to `maxSteps` queued messages (all when omitted), one at a time: a random receiver gets the
   * oldest message of a random sender (or any message with `anyOrder`).
   */
  deliverRandom(gen?: prng.PRNG, maxSteps?: number): number;
  /** Takes peer `i` off the network: what it writes and what is sent to it is held back. */
  disconnect(i: number): void;
  /** Puts peer `i` back: it exchanges full state with every connected peer (sync step 1 + 2, both ways). */
  reconnect(i: number): void;
  /** Reconnects every peer and delivers everything: afterwards all peers must have converged. */
  settle(): void;
  /** Messages waiting in the connected peers' inboxes. */
  pending(): number;
  isConnected(i: number): boolean;
}

/**
 * `n` replicas that start from one initialized session document (and whatever `options.setup` adds to it),
 * each named `peer<i>` in history entries, joined by a network that queues every update for every
 * other connected peer and delivers in a seeded random order. Record ids come from the seed too (see
 * `seedRandomness`): call `vi.restoreAllMocks()` after the test.
 * @example const { peers, deliverAll } = createPeers(3, 42); addAgendaItem(peers[0], { title: "停車" }); deliverAll();
 */
export function createPeers(n: number, seed: number, options: PeerOptions = {}): Peers {
  seedRandomness(seed);
  const gen = prng.create(seed);
  const base = new Y.Doc();
  base.clientID = 1_000_000 + seed;
  initSessionDoc(base, TEST_SESSION);
  options.setup?.(base);
  const initial = Y.encodeStateAsUpdate(base);

  const peers: Y.Doc[] = [];
  const inboxes: Message[][] = [];
  /** Messages a disconnected peer would have sent or received; superseded by the state exchange on reconnect. */
  const held: Message[][] = [];
  const online = new Set<number>();

  for (let i = 0; i < n; i++) {
    const doc = new Y.Doc();
    // Deterministic client ids: counter keys and tie-breaks are then reproducible per seed.
    doc.clientID = i + 1;
    Y.applyUpdate(doc, initial, NETWORK);
    setActor(doc, `peer${i}`);
    peers.push(doc);
    inboxes.push([]);
    held.push([]);
    online.add(i);
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === NETWORK) return;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const message = { from: i, update };
        if (online.has(i) && online.has(j)) inboxes[j]!.push(message);
        else held[j]!.push(message);
      }
    });
  }

  const pending = () => inboxes.reduce((sum, inbox) => sum + inbox.length, 0);

  function deliverOne(g: prng.PRNG): boolean {
    const receivers: number[] = [];
    inboxes.forEach((inbox, i) => {
      if (inbox.length > 0) receivers.push(i);
    });
    if (receivers.length === 0) return false;
    const to = prng.oneOf(g, receivers);
    const inbox = inboxes[to]!;
    let index: number;
    if (options.anyOrder) {
      index = prng.int32(g, 0, inbox.length - 1);
    } else {
      const from = prng.oneOf(g, [...new Set(inbox.map((m) => m.from))]);
      index = inbox.findIndex((m) => m.from === from);
    }
    const [message] = inbox.splice(index, 1);
    Y.applyUpdate(peers[to]!, message!.update, NETWORK);
    return true;
  }

  function deliverRandom(g: prng.PRNG = gen, maxSteps = Infinity): number {
    let steps = 0;
    while (steps < maxSteps && deliverOne(g)) steps++;
    return steps;
  }

  function disconnect(i: number): void {
    if (!online.delete(i)) return;
    // Whatever was in flight to it is lost with the connection; the reconnect exchange replaces it.
    held[i]!.push(...inboxes[i]!.splice(0));
  }

  function reconnect(i: number): void {
    if (online.has(i)) return;
    online.add(i);
    // Held messages to and from it are superseded by the state exchange below.
    held[i]!.length = 0;
    for (const h of held) h.splice(0, h.length, ...h.filter((m) => m.from !== i));
    const me = peers[i]!;
    for (const j of online) {
      if (j === i) continue;
      const other = peers[j]!;
      // Sync step 1 (state vector) answered by step 2 (the missing part), in both directions.
      inboxes[j]!.push({ from: i, update: Y.encodeStateAsUpdate(me, Y.encodeStateVector(other)) });
      inboxes[i]!.push({ from: j, update: Y.encodeStateAsUpdate(other, Y.encodeStateVector(me)) });
    }
  }

  function settle(): void {
    for (let i = 0; i < n; i++) reconnect(i);
    deliverRandom(gen);
  }

  return {
    peers,
    prng: gen,
    deliverAll: () => deliverRandom(gen),
    deliverRandom,
    disconnect,
    reconnect,
    settle,
    pending,
    isConnected: (i) => online.has(i),
  };
}

/**
 * Asserts that every peer holds the same session: equal snapshots, equal state vectors, no updates
 * waiting for missing causes, and each peer's full state loads into a fresh document as that snapshot.
 */
export function expectConverged(peers: readonly Y.Doc[]): void {
  expect(peers.length).toBeGreaterThan(0);
  const first = peers[0]!;
  const expected = snapshot(first);
  const expectedVector = Y.encodeStateVector(first);
  peers.forEach((doc, i) => {
    expect(doc.store.pendingStructs, `peer ${i} has pending structs`).toBeNull();
    expect(doc.store.pendingDs, `peer ${i} has a pending delete set`).toBeNull();
    expect(snapshot(doc), `snapshot of peer ${i}`).toEqual(expected);
    expect(Y.encodeStateVector(doc), `state vector of peer ${i}`).toEqual(expectedVector);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    expect(snapshot(fresh), `peer ${i} reloaded from its encoded state`).toEqual(expected);
  });
}

/**
 * Asserts that `fn` throws a DocError with `code` (and `params`, when given), and, when `doc` is given,
 * that the document is byte-for-byte what it was before the call.
 */
export function expectDocError(
  fn: () => unknown,
  code: DocErrorCode,
  options: { params?: Record<string, string | number>; doc?: Y.Doc } = {},
): DocError {
  const before = options.doc ? Y.encodeStateAsUpdate(options.doc) : null;
  let caught: unknown = null;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected DocError "${code}"`).toBeInstanceOf(DocError);
  const error = caught as DocError;
  expect(error.code).toBe(code);
  if (options.params) expect(error.params).toEqual(options.params);
  if (options.doc && before) expect(Y.encodeStateAsUpdate(options.doc)).toEqual(before);
  return error;
}
