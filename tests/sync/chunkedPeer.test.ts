import { describe, expect, it } from "vitest";
import {
  CHUNK_BYTES,
  MAX_PENDING_BYTES,
  MAX_PENDING_MESSAGES,
  PENDING_IDLE_MS,
  frame,
  unframe,
} from "../../src/sync/chunkedPeer.ts";

type State = Parameters<typeof unframe>[0];
const newState = () => ({}) as State;
const bytes = (n: number, seed = 7) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * seed + (i >> 8)) & 255;
  return out;
};
/** A part frame written by hand: `size` payload bytes for part `index` of `count` of message `id`. */
const part = (id: number, index: number, count: number, size = CHUNK_BYTES) => {
  const out = new Uint8Array(13 + size);
  const view = new DataView(out.buffer);
  out[0] = 1;
  view.setUint32(1, id);
  view.setUint32(5, index);
  view.setUint32(9, count);
  return out;
};
/** Work on megabytes: never left to vitest's default 5 s timeout, which a busy machine exceeds. */
const HEAVY_MS = 60_000;

describe("data-channel framing", () => {
  it("sends a small message as one frame and gets it back", () => {
    const message = bytes(1000);
    const frames = frame(message, 1);
    expect(frames).toHaveLength(1);
    expect(unframe(newState(), frames[0]!)).toEqual(message);
  });

  it.each([
    ["an unknown tag", Uint8Array.from([9, 1, 2])],
    ["a truncated part header", Uint8Array.from([1, 0, 0])],
    ["a part index past the count", Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 2, 99])],
    ["an absurd part count", Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 0, 255, 255, 255, 255, 99])],
    ["a short part that is not the last", part(1, 0, 2, 100)],
    ["a long part that is not the last", part(1, 0, 2, CHUNK_BYTES + 1)],
    ["an empty last part", part(1, 1, 2, 0)],
    ["a last part over the chunk size", part(1, 1, 2, CHUNK_BYTES + 1)],
    ["a whole message over the chunk size", new Uint8Array(CHUNK_BYTES + 2)],
  ])("throws on garbage from a peer: %s", (_name, garbage) => {
    expect(() => unframe(newState(), garbage)).toThrow("malformed frame");
  });

  it("accepts a last part of any size from 1 to CHUNK_BYTES", () => {
    for (const size of [1, CHUNK_BYTES]) {
      const state = newState();
      expect(unframe(state, part(1, 0, 2))).toBeNull();
      expect(unframe(state, part(1, 1, 2, size))?.length).toBe(CHUNK_BYTES + size);
    }
  });

  it("refuses more incomplete messages at once than a conforming peer ever has", () => {
    const state = newState();
    for (let id = 1; id <= MAX_PENDING_MESSAGES; id++) expect(unframe(state, part(id, 0, 2))).toBeNull();
    expect(() => unframe(state, part(MAX_PENDING_MESSAGES + 1, 0, 2))).toThrow("malformed frame");
  });

  it("drops an incomplete message that made no progress for PENDING_IDLE_MS, checked on the next frame", () => {
    const late = PENDING_IDLE_MS + 1;
    const state = newState();
    expect(unframe(state, part(1, 0, 2), 0)).toBeNull();
    for (let id = 2; id <= MAX_PENDING_MESSAGES; id++)
      expect(unframe(state, part(id, 0, 2), 1000)).toBeNull();
    // Message 1 has expired, so its slot is free again for another message.
    expect(unframe(state, part(MAX_PENDING_MESSAGES + 1, 0, 2), late)).toBeNull();
    // An expired message's late last part starts a new, incomplete message instead of completing it.
    const other = newState();
    expect(unframe(other, part(1, 0, 2), 0)).toBeNull();
    expect(unframe(other, part(1, 1, 2, 5), late)).toBeNull();
  });

  it("keeps a slow message whose parts keep arriving", () => {
    const state = newState();
    const step = PENDING_IDLE_MS - 1000;
    expect(unframe(state, part(1, 0, 3), 0)).toBeNull();
    expect(unframe(state, part(1, 1, 3), step)).toBeNull();
    expect(unframe(state, part(1, 2, 3, 7), 2 * step)?.length).toBe(2 * CHUNK_BYTES + 7);
  });
});

describe("data-channel framing of large messages", () => {
  it(
    "splits a 1.1 MB message into frames under the limit and joins them in any order",
    () => {
      const message = bytes(1_100_000);
      const frames = frame(message, 42);
      expect(frames.length).toBe(Math.ceil(message.length / CHUNK_BYTES));
      expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(CHUNK_BYTES + 13);
      const state = newState();
      const shuffled = [...frames].reverse();
      const results = shuffled.map((f) => unframe(state, f));
      expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
      expect(results.at(-1)).toEqual(message);
    },
    HEAVY_MS,
  );

  it(
    "keeps interleaved messages apart",
    () => {
      const a = bytes(200_000, 3);
      const b = bytes(150_000, 5);
      const fa = frame(a, 1);
      const fb = frame(b, 2);
      const state = newState();
      const out: Uint8Array[] = [];
      for (let i = 0; i < Math.max(fa.length, fb.length); i++) {
        for (const f of [fa[i], fb[i]]) {
          const r = f && unframe(state, f);
          if (r) out.push(r);
        }
      }
      expect(out).toHaveLength(2);
      expect(out).toContainEqual(a);
      expect(out).toContainEqual(b);
    },
    HEAVY_MS,
  );

  it(
    "ignores a duplicated part",
    () => {
      const message = bytes(200_000);
      const frames = frame(message, 9);
      const state = newState();
      expect(unframe(state, frames[0]!)).toBeNull();
      expect(unframe(state, frames[0]!)).toBeNull();
      let last: Uint8Array | null = null;
      for (const f of frames.slice(1)) last = unframe(state, f);
      expect(last).toEqual(message);
    },
    HEAVY_MS,
  );

  it(
    "refuses a part that would take the peer's pending bytes over MAX_PENDING_BYTES",
    () => {
      const state = newState();
      const count = 1024; // the most parts a 64 MiB message has
      const perMessage = MAX_PENDING_BYTES / CHUNK_BYTES / MAX_PENDING_MESSAGES;
      for (let id = 1; id <= MAX_PENDING_MESSAGES; id++) {
        for (let i = 0; i < perMessage; i++) expect(unframe(state, part(id, i, count))).toBeNull();
      }
      expect(() => unframe(state, part(1, perMessage, count))).toThrow("malformed frame");
    },
    HEAVY_MS,
  );

  it("gives every test of this block an explicit generous timeout", ({ task }) => {
    for (const t of task.suite?.tasks ?? []) {
      if (t !== task && t.type === "test") expect(t.timeout, t.name).toBeGreaterThanOrEqual(HEAVY_MS);
    }
  });
});
