// The chunked sender against a data channel that behaves as Chromium's does: send throws once the bytes
// queued on it would pass 16 MiB, and they drain over time. A workspace of over 20 MB goes out whole, in
// order with the messages sent after it, and nothing throws.
import Peer from "simple-peer/simplepeer.min.js";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { installChunking, onMuxMessage, sendMux } from "../../src/sync/chunkedPeer.ts";
import { HIGH_WATER_BYTES, waitingBytes } from "../../src/sync/chunkDrain.ts";

/** Chromium's limit on a data channel's send queue. */
const SEND_QUEUE_LIMIT = 16 * 1024 * 1024;
const HEAVY_MS = 120_000;

interface FakePeer {
  pushed: Uint8Array[];
  destroyedWith: Error | null;
  send(data: Uint8Array): void;
  _onChannelMessage(event: { data: unknown }): void;
  _channel: FakeChannel;
}

/** A data channel that queues what is sent and hands it to `to` over time, ~4 MiB per 5 ms. */
class FakeChannel extends EventTarget {
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 64 * 1024; // as simple-peer sets it
  maxBuffered = 0;
  private queue: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  to: FakePeer | null = null;
  send(frame: Uint8Array): void {
    if (this.bufferedAmount + frame.length > SEND_QUEUE_LIMIT)
      throw new DOMException("RTCDataChannel send queue is full", "OperationError");
    this.queue.push(frame.slice());
    this.bufferedAmount += frame.length;
    this.maxBuffered = Math.max(this.maxBuffered, this.bufferedAmount);
    this.timer ??= setTimeout(() => this.transmit(), 5);
  }
  private transmit(): void {
    this.timer = null;
    let budget = 4 * 1024 * 1024;
    while (this.queue.length > 0 && budget > 0) {
      const f = this.queue.shift()!;
      budget -= f.length;
      this.bufferedAmount -= f.length;
      this.to!._onChannelMessage({ data: f.buffer });
    }
    if (this.bufferedAmount <= this.bufferedAmountLowThreshold)
      this.dispatchEvent(new Event("bufferedamountlow"));
    if (this.queue.length > 0) this.timer = setTimeout(() => this.transmit(), 5);
  }
}

function fakePeer(): FakePeer {
  installChunking();
  const peer = Object.create(Peer.prototype) as FakePeer & Record<string, unknown>;
  // Own properties: the stream base of simple-peer defines `destroyed` as an accessor of its stream states.
  Object.defineProperty(peer, "destroyed", { value: false, writable: true });
  Object.assign(peer, {
    destroying: false,
    pushed: [],
    destroyedWith: null,
    _channel: new FakeChannel(),
    push: (d: Uint8Array) => peer.pushed.push(new Uint8Array(d)),
    destroy: (e: Error) => (peer.destroyedWith = e),
  });
  return peer;
}

/** A workspace-sized Yjs update: `mb` megabytes of text. */
function largeUpdate(mb: number): Uint8Array {
  const doc = new Y.Doc();
  const line = "老城路社区议事记录 minutes of the community table, 2024. ";
  const lineBytes = new TextEncoder().encode(line).length;
  doc.getText("notes").insert(0, line.repeat(Math.ceil((mb * 1_000_000) / lineBytes)));
  return Y.encodeStateAsUpdate(doc);
}

const until = async (check: () => boolean, what: string, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("the chunked sender and a filling data channel", () => {
  it(
    "sends a workspace of over 20 MB whole, without throwing, in order with what follows it",
    async () => {
      const [a, b] = [fakePeer(), fakePeer()];
      a._channel.to = b;
      const mux: Uint8Array[] = [];
      onMuxMessage(b, (m) => mux.push(m));
      const workspace = largeUpdate(21);
      expect(workspace.length).toBeGreaterThan(20_000_000);

      expect(() => a.send(workspace)).not.toThrow();
      expect(waitingBytes(a)).toBeGreaterThan(0); // the rest waits for the channel
      sendMux(a, Uint8Array.of(1, 2, 3));
      a.send(Uint8Array.of(9));

      await until(() => b.pushed.length === 2 && mux.length === 1, "everything to arrive");
      expect(b.pushed[0]!.length).toBe(workspace.length);
      expect(Buffer.compare(b.pushed[0]!, workspace)).toBe(0); // a diff of 20 MB would not fit in memory
      expect(b.pushed[1]).toEqual(Uint8Array.of(9));
      expect(mux).toEqual([Uint8Array.of(1, 2, 3)]);
      expect(a.destroyedWith).toBeNull();
      expect(b.destroyedWith).toBeNull();
      expect(a._channel.maxBuffered).toBeLessThanOrEqual(HIGH_WATER_BYTES + 64 * 1024 + 13);
      expect(waitingBytes(a)).toBe(0);

      const doc = new Y.Doc();
      Y.applyUpdate(doc, b.pushed[0]!);
      expect(doc.getText("notes").length).toBeGreaterThan(0);
    },
    HEAVY_MS,
  );

  it(
    "drops what waits for a peer destroyed meanwhile, and sends at once on an empty channel",
    async () => {
      const [a, b] = [fakePeer(), fakePeer()];
      a._channel.to = b;
      a.send(new Uint8Array(20 * 1024 * 1024));
      (a as unknown as { destroyed: boolean }).destroyed = true;
      await new Promise((r) => setTimeout(r, 200));
      expect(waitingBytes(a)).toBe(0);
      expect(b.pushed.length).toBe(0);

      const [c, d] = [fakePeer(), fakePeer()];
      c._channel.to = d;
      c.send(Uint8Array.of(5));
      expect(c._channel.bufferedAmount).toBe(2); // tag and byte, handed to the channel synchronously
    },
    HEAVY_MS,
  );
});
