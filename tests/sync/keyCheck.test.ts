// Classifying signalling payloads: junk is malformed, never "foreign"; only our key's messages are ours.
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { classifySignal, encryptedAnnounce } from "../../src/sync/keyCheck.ts";

const newKey = () =>
  crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const envelope = (algorithm: string, iv: Uint8Array, cipher: Uint8Array, extra = new Uint8Array(0)) => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, algorithm);
  encoding.writeVarUint8Array(e, iv);
  encoding.writeVarUint8Array(e, cipher);
  encoding.writeUint8Array(e, extra);
  return toBase64(encoding.toUint8Array(e));
};
const isOwn = (id: string) => id === "me";

describe("classifySignal", () => {
  it.each([
    ["not a string", 42],
    ["not base64", "%%% junk %%%"],
    ["base64 with whitespace", "QUJD RA=="],
    ["empty", ""],
    ["random bytes", toBase64(crypto.getRandomValues(new Uint8Array(80)))],
    ["another algorithm", envelope("AES-CBC", new Uint8Array(12), new Uint8Array(32))],
    ["a short IV", envelope("AES-GCM", new Uint8Array(4), new Uint8Array(32))],
    ["a cipher shorter than the tag", envelope("AES-GCM", new Uint8Array(12), new Uint8Array(15))],
    ["trailing bytes", envelope("AES-GCM", new Uint8Array(12), new Uint8Array(32), new Uint8Array(3))],
    ["too long", "A".repeat(300 * 1024)],
  ])("calls %s malformed", async (_name, data) => {
    expect(await classifySignal(data, await newKey(), isOwn)).toBe("malformed");
  });

  it("tells foreign, own and peer envelopes apart", async () => {
    const ours = await newKey();
    expect(await classifySignal(await encryptedAnnounce("x", await newKey()), ours, isOwn)).toBe("foreign");
    expect(
      await classifySignal(envelope("AES-GCM", new Uint8Array(12), new Uint8Array(40)), ours, isOwn),
    ).toBe("foreign");
    expect(await classifySignal(await encryptedAnnounce("me", ours), ours, isOwn)).toBe("own");
    expect(await classifySignal(await encryptedAnnounce("them", ours), ours, isOwn)).toBe("peer");
  });
});
