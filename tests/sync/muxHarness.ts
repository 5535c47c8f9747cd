// In-memory tablets for docMux tests: a DocSource over Y.Docs in a Map, and a network of links that deliver
// each message after a random delay (so messages overtake each other) and can be cut and rejoined.
import * as Y from "yjs";
import { DocMux, docDigest, isMuxOrigin, type DocSource, type MuxTransport } from "../../src/sync/docMux.ts";

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class MemSource implements DocSource {
  readonly docs = new Map<string, Y.Doc>();
  /** Every name `withDoc` was called with, in call order. */
  readonly opened: string[] = [];
  /** Updates the mux applied, as a storing source would keep them. */
  readonly stored: { name: string; update: Uint8Array }[] = [];
  /** `performance.now()` when the mux last changed a document here. */
  lastStoredAt = 0;
  private readonly cache = new Map<string, string>();
  private readonly listeners = new Set<(name: string, update: Uint8Array) => void>();

  accepts(name: string): boolean {
    return /^session\/[\w-]{1,60}$/.test(name);
  }

  /** The document itself, for the test to edit or read (not counted as opened). */
  doc(name: string): Y.Doc {
    let doc = this.docs.get(name);
    if (!doc) {
      doc = new Y.Doc();
      this.docs.set(name, doc);
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        this.cache.delete(name);
        if (isMuxOrigin(origin)) {
          this.stored.push({ name, update });
          this.lastStoredAt = performance.now();
        } else for (const listener of this.listeners) listener(name, update);
      });
    }
    return doc;
  }

  async digests(): Promise<Map<string, string>> {
    await Promise.resolve();
    const out = new Map<string, string>();
    for (const [name, doc] of this.docs) {
      let d = this.cache.get(name);
      if (d === undefined) this.cache.set(name, (d = docDigest(doc)));
      out.set(name, d);
    }
    return out;
  }

  async withDoc<T>(name: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    if (!this.accepts(name)) throw new Error(`not a community document: ${name}`);
    this.opened.push(name);
    await Promise.resolve();
    return fn(this.doc(name));
  }

  onLocalUpdate(listener: (name: string, update: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

interface Link {
  a: { mux: DocMux; id: string; peer: object };
  b: { mux: DocMux; id: string; peer: object };
}

export class MemNet {
  /** Messages sent and not yet delivered (or dropped at delivery). */
  inFlight = 0;
  delivered = 0;
  /** Bytes sent by each peer and not yet delivered (its "bufferedAmount"), and the most ever. */
  readonly backlog = new Map<object, number>();
  peakBacklog = 0;
  private readonly other = new Map<object, object>();
  private readonly handlers = new Map<object, (bytes: Uint8Array) => void>();

  constructor(
    private readonly random: () => number = Math.random,
    private readonly maxDelayMs = 3,
  ) {}

  readonly transport: MuxTransport = {
    send: (peer, bytes) => {
      const to = this.other.get(peer);
      if (!to) throw new Error("cannot send after peer is destroyed");
      const copy = bytes.slice();
      this.inFlight++;
      const backlog = (this.backlog.get(peer) ?? 0) + copy.length;
      this.backlog.set(peer, backlog);
      this.peakBacklog = Math.max(this.peakBacklog, backlog);
      setTimeout(
        () => {
          this.inFlight--;
          this.backlog.set(peer, this.backlog.get(peer)! - copy.length);
          // A link cut meanwhile loses what was on it, as a closed data channel does.
          if (this.other.get(peer) !== to) return;
          this.delivered++;
          this.handlers.get(to)?.(copy);
        },
        Math.floor(this.random() * (this.maxDelayMs + 1)),
      );
    },
    buffered: (peer) => this.backlog.get(peer) ?? 0,
    listen: (peer, handler) => {
      this.handlers.set(peer, handler);
      return () => {
        if (this.handlers.get(peer) === handler) this.handlers.delete(peer);
      };
    },
  };

  /** Opens a connection: `a` knows it as peer `b.id`, and the other way round. */
  connect(a: { mux: DocMux; id: string }, b: { mux: DocMux; id: string }): Link {
    const link: Link = { a: { ...a, peer: { side: a.id } }, b: { ...b, peer: { side: b.id } } };
    this.other.set(link.a.peer, link.b.peer);
    this.other.set(link.b.peer, link.a.peer);
    a.mux.peerConnected(b.id, link.a.peer);
    b.mux.peerConnected(a.id, link.b.peer);
    return link;
  }

  disconnect(link: Link): void {
    this.other.delete(link.a.peer);
    this.other.delete(link.b.peer);
    link.a.mux.peerLeft(link.b.id);
    link.b.mux.peerLeft(link.a.id);
  }

  /** Injects raw bytes as if peer `from` of `link` had sent them to the other side. */
  inject(link: Link, bytes: Uint8Array): void {
    this.handlers.get(link.b.peer)?.(bytes);
  }

  /** Waits until nothing is on the wire and no mux has work, twice in a row. */
  async settle(muxes: DocMux[]): Promise<void> {
    let quiet = 0;
    while (quiet < 2) {
      await Promise.all(muxes.map((m) => m.whenIdle()));
      await sleep(this.maxDelayMs + 2);
      quiet = this.inFlight === 0 ? quiet + 1 : 0;
    }
  }
}

/** A session-like document: a title, some items with text, a tally map. */
export function fillDoc(doc: Y.Doc, seed: number, items = 12): void {
  const random = rng(seed);
  doc.transact(() => {
    doc.getMap("meta").set("title", `会议 ${seed}`);
    const list = doc.getArray<Y.Map<unknown>>("items");
    for (let i = 0; i < items; i++) {
      const item = new Y.Map<unknown>();
      const text = new Y.Text();
      text.insert(0, `议题 ${seed}-${i} ` + "说事".repeat(5 + Math.floor(random() * 20)));
      item.set("text", text);
      item.set("votes", Math.floor(random() * 10));
      list.push([item]);
    }
  });
}

/** Same content on both sides: b gets a's state. */
export function copyDoc(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
}

/** The roots the tests write (a received doc only knows a root's kind once it is read as one). */
const content = (doc: Y.Doc) =>
  JSON.stringify([
    doc.getMap("meta").toJSON(),
    doc.getArray("items").toJSON(),
    doc.getText("notes").toString(),
  ]);

/** Same snapshot (state vector and delete set) and same content. */
export const same = (a: Y.Doc, b: Y.Doc) => docDigest(a) === docDigest(b) && content(a) === content(b);
