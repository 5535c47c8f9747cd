// The mux channel of chunkedPeer.ts through the patched simple-peer prototype, with fake data channels.
import Peer from "simple-peer/simplepeer.min.js";
import { describe, expect, it } from "vitest";
import {
  CHUNK_BYTES,
  MAX_UNCLAIMED_MUX_MESSAGES,
  frame,
  installChunking,
  onMuxMessage,
  sendMux,
  unframeTagged,
} from "../../src/sync/chunkedPeer.ts";

interface FakePeer {
  wire: Uint8Array[];
  pushed: Uint8Array[];
  destroyedWith: Error | null;
  send(data: Uint8Array): void;
  _onChannelMessage(event: { data: unknown }): void;
}

/** A simple-peer instance whose data channel records frames and whose stream records what y-webrtc gets. */
function fakePeer(): FakePeer {
  installChunking();
  const peer = Object.create(Peer.prototype) as FakePeer & Record<string, unknown>;
  Object.assign(peer, {
    destroyed: false,
    destroying: false,
    wire: [],
    pushed: [],
    destroyedWith: null,
    _channel: { send: (f: Uint8Array) => peer.wire.push(f.slice()) },
    push: (d: Uint8Array) => peer.pushed.push(new Uint8Array(d)),
    destroy: (e: Error) => (peer.destroyedWith = e),
  });
  return peer;
}

/** Hands every frame `from` wrote to `to`, as ArrayBuffers (what a browser's data channel delivers). */
const deliver = (from: FakePeer, to: FakePeer) => {
  for (const f of from.wire.splice(0)) to._onChannelMessage({ data: f.slice().buffer });
};
const bytes = (n: number, seed = 3) => Uint8Array.from({ length: n }, (_, i) => (i * seed + (i >> 9)) & 255);
const HEAVY_MS = 60_000;

describe("the mux channel of the data-channel framing", () => {
  it("delivers mux messages to the peer's handler only, and y-webrtc's messages to y-webrtc only", () => {
    const [a, b] = [fakePeer(), fakePeer()];
    const got: Uint8Array[] = [];
    onMuxMessage(b, (m) => got.push(m));
    sendMux(a, bytes(100));
    a.send(bytes(50, 5));
    expect(a.wire.map((f) => f[0])).toEqual([2, 0]);
    deliver(a, b);
    expect(got).toEqual([bytes(100)]);
    expect(b.pushed).toEqual([bytes(50, 5)]);
    expect(b.destroyedWith).toBeNull();
  });

  it(
    "splits a large mux message into mux parts and joins them, interleaved with a y-webrtc message",
    () => {
      const [a, b] = [fakePeer(), fakePeer()];
      const got: Uint8Array[] = [];
      onMuxMessage(b, (m) => got.push(m));
      const big = bytes(3 * CHUNK_BYTES + 17);
      sendMux(a, big);
      const muxFrames = a.wire.splice(0);
      expect(muxFrames.map((f) => f[0])).toEqual([3, 3, 3, 3]);
      a.send(bytes(10));
      a.wire.unshift(...muxFrames.slice(0, 2));
      a.wire.push(...muxFrames.slice(2));
      deliver(a, b);
      expect(got).toEqual([big]);
      expect(b.pushed).toEqual([bytes(10)]);
    },
    HEAVY_MS,
  );

  it("keeps mux messages that arrive before a handler is registered, up to a bound, first ones first", () => {
    const [a, b] = [fakePeer(), fakePeer()];
    for (let i = 0; i < MAX_UNCLAIMED_MUX_MESSAGES + 5; i++) sendMux(a, Uint8Array.of(i & 255, i >> 8));
    deliver(a, b);
    const got: Uint8Array[] = [];
    onMuxMessage(b, (m) => got.push(m));
    expect(got).toHaveLength(MAX_UNCLAIMED_MUX_MESSAGES);
    expect(got[0]).toEqual(Uint8Array.of(0, 0));
    expect(got.at(-1)).toEqual(Uint8Array.of((MAX_UNCLAIMED_MUX_MESSAGES - 1) & 255, 0));
    expect(b.pushed).toEqual([]);
  });

  it("never lets a handler's exception reach simple-peer, and stops delivering once unregistered", () => {
    const [a, b] = [fakePeer(), fakePeer()];
    let calls = 0;
    const off = onMuxMessage(b, () => {
      calls++;
      throw new Error("handler bug");
    });
    sendMux(a, bytes(5));
    expect(() => deliver(a, b)).not.toThrow();
    expect(b.destroyedWith).toBeNull();
    off();
    sendMux(a, bytes(5));
    deliver(a, b);
    expect(calls).toBe(1);
  });

  it("treats a message whose parts name both channels as malformed", () => {
    const state = {} as Parameters<typeof unframeTagged>[0];
    const message = bytes(2 * CHUNK_BYTES);
    const [first] = frame(message, 5, true);
    const [, second] = frame(message, 5, false);
    expect(unframeTagged(state, first!)).toBeNull();
    expect(() => unframeTagged(state, second!)).toThrow("malformed frame");
    expect(unframeTagged({} as typeof state, frame(bytes(4), 1, true)[0]!)).toEqual({
      mux: true,
      data: bytes(4),
    });
  });
});
