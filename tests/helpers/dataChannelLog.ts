// Records, in a page, the Yjs updates y-webrtc sends and receives over data channels (whole frames of
// chunkedPeer.ts holding a y-webrtc sync message of type "update"), each with the channel it went on, and
// reads them back in the test as the edits (Yjs struct ids) each one carried.
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import type { BrowserContext, Page } from "playwright-core";

/** Installed before the app's scripts. A string: tsx would wrap a named inner function in a helper. */
const RECORDER = `(() => {
  const log = (window.yishiChannelLog = []);
  const ids = new WeakMap();
  let channels = 0;
  const idOf = (channel) => (ids.has(channel) || ids.set(channel, ++channels), ids.get(channel));
  // frame tag 0 (whole), y-webrtc messageSync 0, sync message type 2 (update): the update follows.
  const keep = (dir, channel, bytes) => {
    if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 2)
      log.push({ dir, channel: idOf(channel), bytes: btoa(String.fromCharCode(...bytes)) });
  };
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (data) {
    if (data instanceof Uint8Array && this.readyState === "open") keep("out", this, data);
    return send.call(this, data);
  };
  const onmessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, "onmessage");
  Object.defineProperty(RTCDataChannel.prototype, "onmessage", {
    configurable: true,
    get() { return onmessage.get.call(this); },
    set(fn) {
      const channel = this;
      onmessage.set.call(this, fn && ((event) => {
        if (event.data instanceof ArrayBuffer) keep("in", channel, new Uint8Array(event.data));
        return fn(event);
      }));
    },
  });
})();`;

export interface ChannelUpdate {
  dir: "in" | "out";
  /** Which data channel of the page (one per connected tablet). */
  channel: number;
  /** The edits it carried, as "client:clock" of each struct. */
  structs: string[];
}

export const recordDataChannels = (context: BrowserContext) => context.addInitScript(RECORDER);

/** Forgets what was recorded so far in `page`. */
export const clearChannelLog = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { yishiChannelLog: unknown[] }).yishiChannelLog.length = 0;
  });

/** The updates `page` sent and received since the log was cleared, in order. */
export async function channelLog(page: Page): Promise<ChannelUpdate[]> {
  const log = await page.evaluate(
    () =>
      (window as unknown as { yishiChannelLog: { dir: "in" | "out"; channel: number; bytes: string }[] })
        .yishiChannelLog,
  );
  return log.map(({ dir, channel, bytes }) => {
    const decoder = decoding.createDecoder(Uint8Array.from(Buffer.from(bytes, "base64")));
    decoding.readUint8(decoder); // frame tag
    decoding.readVarUint(decoder); // y-webrtc message type (sync)
    decoding.readVarUint(decoder); // sync message type (update)
    const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
    return { dir, channel, structs: structs.map((s) => `${s.id.client}:${s.id.clock}`) };
  });
}

/** Updates sent back on the channel their edits first arrived on. */
export function echoes(log: ChannelUpdate[]): ChannelUpdate[] {
  const firstFrom = new Map<string, number>();
  const out: ChannelUpdate[] = [];
  for (const entry of log) {
    if (entry.dir === "in")
      for (const s of entry.structs) if (!firstFrom.has(s)) firstFrom.set(s, entry.channel);
    if (entry.dir === "out" && entry.structs.some((s) => firstFrom.get(s) === entry.channel)) out.push(entry);
  }
  return out;
}
