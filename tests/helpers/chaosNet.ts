// A hostile network between replicas of one document: partitions, dropped and duplicated messages, any
// delivery order. Healing a link exchanges state both ways (what y-webrtc's re-sync on reconnect does).
import * as Y from "yjs";

const NETWORK = Symbol("chaos-network");

interface Message {
  from: number;
  update: Uint8Array;
}

export interface ChaosNet {
  docs: Y.Doc[];
  /** Messages waiting, over all links. */
  pending(): number;
  /**
   * Delivers the message at `pick` (modulo the queue) to its receiver; with `duplicate` it stays queued to
   * arrive again, with `drop` it is lost instead. Returns the receiver, or null when nothing was queued.
   */
  step(pick: number, options?: { duplicate?: boolean; drop?: boolean }): number | null;
  /** Splits the replicas: those whose bit is set in `mask` can reach each other, the rest each other. */
  partition(mask: number): void;
  /** Joins every replica again; newly joined pairs exchange state both ways. */
  heal(): void;
  /** Heals, exchanges state between every pair and delivers everything: replicas must then converge. */
  settle(): void;
}

/**
 * `docs` joined by a chaos network; `afterApply(i)` runs after each message a replica receives (the app
 * repairs there), and what it writes is sent on like any local edit.
 */
export function createChaosNet(docs: Y.Doc[], afterApply: (i: number) => void = () => {}): ChaosNet {
  const n = docs.length;
  let group = new Array<number>(n).fill(0);
  const queues: Message[][] = docs.map(() => []);
  const reachable = (a: number, b: number) => group[a] === group[b];

  docs.forEach((doc, i) => {
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === NETWORK) return;
      for (let j = 0; j < n; j++) if (j !== i && reachable(i, j)) queues[j]!.push({ from: i, update });
    });
  });

  const exchange = (a: number, b: number) => {
    const [da, db] = [docs[a]!, docs[b]!];
    queues[b]!.push({ from: a, update: Y.encodeStateAsUpdate(da, Y.encodeStateVector(db)) });
    queues[a]!.push({ from: b, update: Y.encodeStateAsUpdate(db, Y.encodeStateVector(da)) });
  };

  const all = () => queues.flatMap((q, to) => q.map((m, k) => ({ to, k, m })));

  const net: ChaosNet = {
    docs,
    pending: () => queues.reduce((sum, q) => sum + q.length, 0),
    step(pick, options = {}) {
      const waiting = all();
      if (waiting.length === 0) return null;
      const { to, k, m } = waiting[pick % waiting.length]!;
      if (!options.duplicate) queues[to]!.splice(k, 1);
      if (options.drop) return null;
      // A message from a replica this one cannot reach any more is lost with the link.
      if (!reachable(m.from, to)) return null;
      Y.applyUpdate(docs[to]!, m.update, NETWORK);
      afterApply(to);
      return to;
    },
    partition(mask) {
      const before = group;
      group = docs.map((_, i) => (mask >> i) & 1);
      // Links that just came up exchange state, as peers that reconnect do.
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) if (before[a] !== before[b] && reachable(a, b)) exchange(a, b);
    },
    heal() {
      net.partition(0);
    },
    settle() {
      net.heal();
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) exchange(a, b);
      while (net.step(0) !== null || net.pending() > 0);
    },
  };
  return net;
}
