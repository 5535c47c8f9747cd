// The backup copy's file format: frames read back as written; a torn, flipped or cut tail is reported as
// damage and the sound frames before it are kept.
import { describe, expect, it } from "vitest";
import { decodeFrames, encodeFrames } from "../../src/persistence/backup/frames.ts";

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const payloads = [bytes(10, 1), bytes(0, 2), bytes(5000, 3)];

describe("backup frames", () => {
  it("reads back every frame in order", async () => {
    const decoded = await decodeFrames(await encodeFrames(payloads));
    expect(decoded.damaged).toBe(false);
    expect(decoded.payloads).toEqual(payloads);
  });

  it("appending frames to a file keeps the ones before", async () => {
    const a = await encodeFrames(payloads.slice(0, 1));
    const b = await encodeFrames(payloads.slice(1));
    const file = new Uint8Array(a.length + b.length);
    file.set(a);
    file.set(b, a.length);
    expect((await decodeFrames(file)).payloads).toEqual(payloads);
  });

  it("a torn last frame (a crash mid-append) is dropped and reported", async () => {
    const file = await encodeFrames(payloads);
    const decoded = await decodeFrames(file.subarray(0, file.length - 100));
    expect(decoded.damaged).toBe(true);
    expect(decoded.payloads).toEqual(payloads.slice(0, 2));
    expect(decoded.soundBytes).toBe(8 + 10 + 8);
  });

  it("a flipped byte inside a frame stops reading there", async () => {
    const file = await encodeFrames(payloads);
    file[8 + 10 + 8 + 8 + 100]! ^= 0xff;
    const decoded = await decodeFrames(file);
    expect(decoded.damaged).toBe(true);
    expect(decoded.payloads).toEqual(payloads.slice(0, 2));
  });

  it("a length beyond the file or garbage from the start is damage, never a throw", async () => {
    const garbage = bytes(64, 9);
    const decoded = await decodeFrames(garbage);
    expect(decoded).toEqual({ payloads: [], soundBytes: 0, damaged: true });
    expect(await decodeFrames(new Uint8Array())).toEqual({ payloads: [], soundBytes: 0, damaged: false });
  });
});
