import { describe, expect, it } from "vitest";
import { CHUNK_BYTES, frame, unframe } from "../../src/sync/chunkedPeer.ts";

type State = Parameters<typeof unframe>[0];
const newState = () => ({}) as State;
const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * seed + (i >> 8)) & 255);

describe("data-channel framing", () => {
  it("sends a small message as one frame and gets it back", () => {
    const message = bytes(1000);
    const frames = frame(message, 1);
    expect(frames).toHaveLength(1);
    expect(unframe(newState(), frames[0]!)).toEqual(message);
  });

  it("splits a 1.1 MB message into frames under the limit and joins them in any order", () => {
    const message = bytes(1_100_000);
    const frames = frame(message, 42);
    expect(frames.length).toBe(Math.ceil(message.length / CHUNK_BYTES));
    expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(CHUNK_BYTES + 13);
    const state = newState();
    const shuffled = [...frames].reverse();
    const results = shuffled.map((f) => unframe(state, f));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toEqual(message);
  });

  it("keeps interleaved messages apart", () => {
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
  });

  it("ignores a duplicated part", () => {
    const message = bytes(200_000);
    const frames = frame(message, 9);
    const state = newState();
    expect(unframe(state, frames[0]!)).toBeNull();
    expect(unframe(state, frames[0]!)).toBeNull();
    let last: Uint8Array | null = null;
    for (const f of frames.slice(1)) last = unframe(state, f);
    expect(last).toEqual(message);
  });

  it.each([
    ["an unknown tag", Uint8Array.from([9, 1, 2])],
    ["a truncated part header", Uint8Array.from([1, 0, 0])],
    ["a part index past the count", Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 2, 99])],
    ["an absurd part count", Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 0, 255, 255, 255, 255, 99])],
  ])("throws on garbage from a peer: %s", (_name, garbage) => {
    expect(() => unframe(newState(), garbage)).toThrow("malformed frame");
  });
});
