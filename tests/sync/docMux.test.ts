// DocMux between in-memory tablets: digest exchange, only differing documents opened, live updates, garbage.
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { DocMux, docDigest } from "../../src/sync/docMux.ts";
import { encodeDigests, encodeSync, type SyncStep } from "../../src/sync/muxProtocol.ts";
import { MemNet, MemSource, copyDoc, fillDoc, rng, same } from "./muxHarness.ts";

/** Hundreds of documents, random delays: never left to vitest's default 5 s timeout. */
const HEAVY_MS = 60_000;
const name = (i: number) => `session/s${String(i).padStart(3, "0")}`;

function tablets(count: number, seed = 1, maxDelayMs = 3) {
  const net = new MemNet(rng(seed), maxDelayMs);
  const list = Array.from({ length: count }, (_, i) => {
    const source = new MemSource();
    const mux = new DocMux(source, { transport: net.transport });
    return { id: `t${i}`, source, mux };
  });
  return { net, list, muxes: list.map((t) => t.mux) };
}

/** `count` identical documents on every tablet. */
function sharedDocs(list: { source: MemSource }[], count: number): void {
  for (let i = 0; i < count; i++) {
    const first = list[0]!.source.doc(name(i));
    fillDoc(first, i);
    for (const t of list.slice(1)) copyDoc(first, t.source.doc(name(i)));
  }
}

describe("DocMux digest exchange", () => {
  it(
    "syncs the 5 of 200 session documents that differ, opening only those",
    async () => {
      const { net, list, muxes } = tablets(2, 7, 1);
      const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
      sharedDocs(list, 200);
      const differing = [3, 50, 99, 150, 199].map(name);
      differing.slice(0, 3).forEach((n) => a.source.doc(n).getMap("meta").set("title", "改了"));
      differing.slice(3).forEach((n) => b.source.doc(n).getText("notes").insert(0, "B 的笔记"));
      const cold = performance.now();
      await a.source.digests();
      const digestMs = performance.now() - cold;

      const start = performance.now();
      net.connect(a, b);
      await net.settle(muxes);
      const ms = Math.max(a.source.lastStoredAt, b.source.lastStoredAt) - start;

      for (let i = 0; i < 200; i++)
        expect(same(a.source.doc(name(i)), b.source.doc(name(i))), name(i)).toBe(true);
      expect(new Set(a.source.opened)).toEqual(new Set(differing));
      expect(new Set(b.source.opened)).toEqual(new Set(differing));
      // Per side and document: its own step1, the answer to the peer's step1, the peer's step2.
      expect(a.source.opened.length).toBeLessThanOrEqual(3 * differing.length);
      expect(a.mux.stats.ignored + b.mux.stats.ignored).toBe(0);
      console.log(
        `200 docs, 5 differing: digests of 200 docs (cold) ${digestMs.toFixed(1)} ms; ` +
          `connect to last update applied ${ms.toFixed(1)} ms (simulated wire delay 0-1 ms); ` +
          `longest batch A ${a.mux.stats.longestSliceMs.toFixed(1)} ms, B ${b.mux.stats.longestSliceMs.toFixed(1)} ms; ` +
          `withDoc calls A ${a.source.opened.length}, B ${b.source.opened.length}; messages ${net.delivered}`,
      );
    },
    HEAVY_MS,
  );

  it(
    "detects and syncs a deletion, which leaves the state vector unchanged",
    async () => {
      const { net, list, muxes } = tablets(2, 2);
      const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
      sharedDocs(list, 3);
      const doc = a.source.doc(name(1));
      const vectorBefore = Y.encodeStateVector(doc);
      const digestBefore = docDigest(doc);
      doc.getArray<Y.Map<Y.Text>>("items").get(0).get("text")!.delete(0, 3);
      expect(Y.encodeStateVector(doc)).toEqual(vectorBefore);
      expect(docDigest(doc)).not.toBe(digestBefore);

      net.connect(a, b);
      await net.settle(muxes);
      expect(same(doc, b.source.doc(name(1)))).toBe(true);
      expect(new Set(b.source.opened)).toEqual(new Set([name(1)]));
    },
    HEAVY_MS,
  );

  it(
    "creates on the other tablet a document only one holds, and opens nothing else",
    async () => {
      const { net, list, muxes } = tablets(2, 3);
      const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
      sharedDocs(list, 10);
      fillDoc(a.source.doc("session/new"), 77);
      net.connect(a, b);
      await net.settle(muxes);
      expect(b.source.docs.has("session/new")).toBe(true);
      expect(same(a.source.doc("session/new"), b.source.doc("session/new"))).toBe(true);
      expect(new Set(b.source.opened)).toEqual(new Set(["session/new"]));
      expect(new Set(a.source.opened)).toEqual(new Set(["session/new"]));
      expect(b.source.stored.every((s) => s.name === "session/new")).toBe(true);
    },
    HEAVY_MS,
  );
});

describe("DocMux and a slow connection", () => {
  it(
    "answers a new tablet that asks for every document without overfilling the send queue",
    async () => {
      const net = new MemNet(rng(8), 5);
      const a = { id: "a", source: new MemSource(), mux: null as unknown as DocMux };
      const b = { id: "b", source: new MemSource(), mux: null as unknown as DocMux };
      // Small, so every batch of a few documents passes it and must wait for the queue to drain.
      const limit = 4 * 1024;
      a.mux = new DocMux(a.source, { transport: net.transport, maxBufferedBytes: limit });
      b.mux = new DocMux(b.source, { transport: net.transport, maxBufferedBytes: limit });
      for (let i = 0; i < 60; i++) fillDoc(a.source.doc(name(i)), i, 30);
      const largest = Math.max(...[...a.source.docs.values()].map((d) => Y.encodeStateAsUpdate(d).length));
      net.connect(a, b);
      await net.settle([a.mux, b.mux]);
      for (let i = 0; i < 60; i++)
        expect(same(a.source.doc(name(i)), b.source.doc(name(i))), name(i)).toBe(true);
      expect(a.mux.stats.throttled).toBeGreaterThan(0);
      expect(net.peakBacklog).toBeLessThanOrEqual(limit + largest + 200);
    },
    HEAVY_MS,
  );
});

describe("DocMux live updates", () => {
  it(
    "sends an edit of an open document to the other tablet, and not back",
    async () => {
      const { net, list, muxes } = tablets(2, 4);
      const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
      sharedDocs(list, 5);
      net.connect(a, b);
      await net.settle(muxes);
      const sentBefore = b.mux.stats.sent;
      for (let i = 0; i < 20; i++) a.source.doc(name(2)).getText("notes").insert(0, `${i},`);
      await net.settle(muxes);
      expect(b.source.doc(name(2)).getText("notes").toString()).toBe(
        a.source.doc(name(2)).getText("notes").toString(),
      );
      expect(same(a.source.doc(name(2)), b.source.doc(name(2)))).toBe(true);
      // Delivered out of order, some wait in Yjs for the one before them: fewer applications than edits.
      expect(b.mux.stats.applied).toBeGreaterThan(0);
      expect(b.mux.stats.sent).toBe(sentBefore); // nothing echoed
    },
    HEAVY_MS,
  );
});

describe("DocMux and a peer sending garbage", () => {
  it(
    "changes nothing, creates nothing, throws nothing, and counts each message",
    async () => {
      const { net, list, muxes } = tablets(2, 5);
      const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
      sharedDocs(list, 3);
      const link = net.connect(a, b);
      await net.settle(muxes);
      const before = new Map([...b.source.docs].map(([n, d]) => [n, Y.encodeStateAsUpdate(d)]));
      const openedBefore = b.source.opened.length;

      const other = new Y.Doc();
      other.getText("notes").insert(0, "来自别处的更新");
      other.getText("notes").delete(0, 2);
      const valid = Y.encodeStateAsUpdate(other);
      const raw = (...parts: ((e: encoding.Encoder) => void)[]) => {
        const e = encoding.createEncoder();
        for (const p of parts) p(e);
        return encoding.toUint8Array(e);
      };
      const random = rng(11);
      const noise = () => Math.floor(random() * 256);
      const garbage: [string, Uint8Array][] = [
        ["empty", new Uint8Array(0)],
        ["random bytes", Uint8Array.from({ length: 300 }, noise)],
        ["unknown type", raw((e) => encoding.writeVarUint(e, 99))],
        ["truncated digests", encodeDigests(new Map([[name(0), "x"]]), false).subarray(0, 6)],
        ["digests flags", raw((e) => [0, 7, 0].forEach((n) => encoding.writeVarUint(e, n)))],
        ["a name over 200 chars", encodeSync(`session/${"x".repeat(200)}`, 2, valid)],
        ["a name not accepted", encodeSync("secret/keys", 2, valid)],
        ["an empty name", encodeSync("", 2, valid)],
        ["an unknown sync step", encodeSync(name(0), 7 as SyncStep, valid)],
        ["an update cut short", encodeSync(name(0), 2, valid.subarray(0, valid.length - 3))],
        ["an update that is noise", encodeSync(name(0), 1, Uint8Array.from([3, 200, 1, 2, 9, 9]))],
        ["a bad state vector", encodeSync(name(0), 0, Uint8Array.from([5, 1]))],
        ["trailing bytes", Uint8Array.from([...encodeSync(name(0), 2, valid), 0])],
        ["digests not accepted", encodeDigests(new Map([["other/x", "d"]]), false)],
        ["an update for a new doc cut short", encodeSync("session/zzz", 2, valid.subarray(0, 5))],
      ];
      for (const [label, bytes] of garbage) expect(() => net.inject(link, bytes), label).not.toThrow();
      await net.settle(muxes);

      expect([...b.source.docs.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [n, update] of before)
        expect(Y.encodeStateAsUpdate(b.source.docs.get(n)!), n).toEqual(update);
      expect(b.source.opened.length).toBe(openedBefore);
      expect(b.mux.stats.ignored).toBe(garbage.length);
      expect(b.mux.stats.applied + b.mux.stats.rejected).toBe(0);
      // Still works afterwards.
      a.source.doc(name(0)).getText("notes").insert(0, "好");
      await net.settle(muxes);
      expect(same(a.source.doc(name(0)), b.source.doc(name(0)))).toBe(true);
    },
    HEAVY_MS,
  );

  it(
    "drops what a flooding peer sends past its queue bound, then recovers by a new digest exchange",
    async () => {
      const net = new MemNet(rng(9), 1);
      const a = { id: "a", source: new MemSource(), mux: null as unknown as DocMux };
      const b = { id: "b", source: new MemSource(), mux: null as unknown as DocMux };
      a.mux = new DocMux(a.source, { transport: net.transport });
      b.mux = new DocMux(b.source, { transport: net.transport, maxQueued: 5 });
      const link = net.connect(a, b);
      await net.settle([a.mux, b.mux]);
      // 40 updates at once: also delivered all in one tick (as a burst off the wire would), so b's queue
      // certainly overflows whatever the machine's load does to the timers.
      const burst: Uint8Array[] = [];
      for (let i = 0; i < 40; i++) {
        const doc = a.source.doc(name(i));
        const before = Y.encodeStateVector(doc);
        fillDoc(doc, i, 2);
        burst.push(encodeSync(name(i), 2, Y.encodeStateAsUpdate(doc, before)));
      }
      for (const bytes of burst) net.inject(link, bytes);
      await net.settle([a.mux, b.mux]);
      expect(b.mux.stats.dropped).toBeGreaterThan(0);
      for (let i = 0; i < 40; i++)
        expect(same(a.source.doc(name(i)), b.source.doc(name(i))), name(i)).toBe(true);
    },
    HEAVY_MS,
  );
});

describe("DocMux and damaged updates", () => {
  it(
    "refuses or applies each of 2,000 randomly damaged updates; none that passes validation throws in Yjs",
    async () => {
      const { net, list, muxes } = tablets(2, 12, 0);
      const [a, b] = list as [(typeof list)[0], (typeof list)[0]];
      sharedDocs(list, 1);
      const link = net.connect(a, b);
      await net.settle(muxes);
      const edited = new Y.Doc();
      copyDoc(a.source.doc(name(0)), edited);
      edited.getText("notes").insert(0, "新的一段话");
      edited.getArray<Y.Map<Y.Text>>("items").get(1).get("text")!.delete(2, 4);
      edited.getMap("meta").set("status", "closed");
      const update = Y.encodeStateAsUpdate(edited, Y.encodeStateVector(a.source.doc(name(0))));
      const random = rng(12);
      for (let i = 0; i < 2000; i++) {
        const damaged = update.slice();
        for (let f = 0; f < 1 + Math.floor(random() * 3); f++) {
          damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
        }
        net.inject(link, encodeSync(name(0), 2, damaged));
      }
      await net.settle(muxes);
      expect(b.mux.stats.received).toBeGreaterThanOrEqual(2000);
      expect(b.mux.stats.ignored).toBeGreaterThan(0); // most fail to decode
      expect(b.mux.stats.rejected).toBe(0); // what decoded, Yjs applied without throwing
    },
    HEAVY_MS,
  );
});

describe("DocMux between three tablets", () => {
  it(
    "converges after random edits across 20 documents, random delivery order and a reconnect",
    async () => {
      const random = rng(43);
      const { net, list, muxes } = tablets(3, 42, 4);
      sharedDocs(list, 20);
      const [t0, t1, t2] = list as [(typeof list)[0], (typeof list)[0], (typeof list)[0]];
      const links = [net.connect(t0, t1), net.connect(t1, t2), net.connect(t0, t2)];
      const edit = () => {
        const t = list[Math.floor(random() * 3)]!;
        const doc = t.source.doc(name(Math.floor(random() * 22))); // two names are new
        const text = doc.getText("notes");
        if (text.length > 4 && random() < 0.3) text.delete(Math.floor(random() * (text.length - 2)), 2);
        else text.insert(Math.floor(random() * (text.length + 1)), `${t.id}:${Math.floor(random() * 100)} `);
        if (random() < 0.2) doc.getMap("meta").set("status", random() < 0.5 ? "open" : "closed");
      };
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 25; i++) edit();
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 5)));
        if (round === 2) {
          net.disconnect(links[2]!); // t0 and t2 lose their direct link; edits made meanwhile
          net.disconnect(links[1]!); // and t2 is cut off altogether
        }
        if (round === 4) {
          links[1] = net.connect(t1, t2);
          links[2] = net.connect(t0, t2);
        }
      }
      await net.settle(muxes);
      for (let i = 0; i < 22; i++) {
        const docs = list.map((t) => t.source.doc(name(i)));
        expect(same(docs[0]!, docs[1]!), name(i)).toBe(true);
        expect(same(docs[0]!, docs[2]!), name(i)).toBe(true);
      }
      expect(muxes.reduce((n, m) => n + m.stats.ignored + m.stats.rejected, 0)).toBe(0);
    },
    HEAVY_MS,
  );

  it("gives every test of this file an explicit generous timeout", ({ task }) => {
    const all = (suite: typeof task.file): (typeof task)[] =>
      suite.tasks.flatMap((t) => (t.type === "test" ? [t] : all(t as unknown as typeof task.file)));
    for (const t of all(task.file))
      if (t !== task) expect(t.timeout, t.name).toBeGreaterThanOrEqual(HEAVY_MS);
  });
});
