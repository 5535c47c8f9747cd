// Splits large data-channel messages into chunks and joins them on arrival. y-webrtc sends a whole Yjs
// update as one message, and a big first sync (a 2,000-item session is ~1 MB) exceeds what a data channel
// carries (yjs/y-webrtc #42). We frame every message in simple-peer, the layer below y-webrtc, so
// y-webrtc itself is unchanged. Every peer in a room runs this app, so both ends speak the framing.
import Peer from "simple-peer/simplepeer.min.js";

/** Below every browser's SCTP message limit (Chromium 256 KiB; 64 KiB is the safe common floor). */
export const CHUNK_BYTES = 64 * 1024;
const WHOLE = 0;
const PART = 1;
const HEADER = 13; // tag, message id (4), part index (4), part count (4)
/** A peer sending more than this in one message is refused (a session is a few MB at most). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

interface PeerInternals {
  _channel: { send(data: Uint8Array): void };
  _onChannelMessage(event: { data: unknown }): void;
  destroy(error?: Error): void;
  __yishiParts?: Map<number, { parts: (Uint8Array | undefined)[]; received: number; bytes: number }>;
}

let installed = false;
let nextMessageId = 1;

/** Encodes one outgoing message as frames of at most CHUNK_BYTES + header. */
export function frame(data: Uint8Array, id: number): Uint8Array[] {
  if (data.length <= CHUNK_BYTES) {
    const out = new Uint8Array(data.length + 1);
    out[0] = WHOLE;
    out.set(data, 1);
    return [out];
  }
  const count = Math.ceil(data.length / CHUNK_BYTES);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const part = data.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES);
    const out = new Uint8Array(HEADER + part.length);
    const view = new DataView(out.buffer);
    out[0] = PART;
    view.setUint32(1, id);
    view.setUint32(5, i);
    view.setUint32(9, count);
    out.set(part, HEADER);
    frames.push(out);
  }
  return frames;
}

/**
 * Feeds one incoming frame; returns the whole message when it is complete, null while parts are missing.
 * Throws on a malformed frame (the caller drops that peer).
 */
export function unframe(state: PeerInternals, bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] === WHOLE) return bytes.subarray(1);
  if (bytes[0] !== PART || bytes.length < HEADER) throw new Error("malformed frame");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = view.getUint32(1);
  const index = view.getUint32(5);
  const count = view.getUint32(9);
  if (count < 2 || index >= count || count * CHUNK_BYTES > MAX_MESSAGE_BYTES)
    throw new Error("malformed frame");
  const pending = (state.__yishiParts ??= new Map());
  let entry = pending.get(id);
  if (!entry) pending.set(id, (entry = { parts: new Array(count), received: 0, bytes: 0 }));
  if (entry.parts.length !== count) throw new Error("malformed frame");
  if (!entry.parts[index]) {
    entry.parts[index] = bytes.slice(HEADER);
    entry.received++;
    entry.bytes += bytes.length - HEADER;
  }
  if (entry.received < count) return null;
  pending.delete(id);
  const whole = new Uint8Array(entry.bytes);
  let offset = 0;
  for (const part of entry.parts) {
    whole.set(part!, offset);
    offset += part!.length;
  }
  return whole;
}

/** Patches simple-peer once, before any connection is made. */
export function installChunking(): void {
  if (installed) return;
  installed = true;
  const proto = Peer.prototype as unknown as PeerInternals & { send(data: Uint8Array): void };
  const originalSend = proto.send;
  const originalOnMessage = proto._onChannelMessage;
  proto.send = function (this: PeerInternals, data: Uint8Array) {
    const bytes = data instanceof Uint8Array ? data : new TextEncoder().encode(String(data));
    for (const f of frame(bytes, nextMessageId++)) originalSend.call(this, f);
  };
  proto._onChannelMessage = function (this: PeerInternals, event: { data: unknown }) {
    const raw = event.data;
    const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw instanceof Uint8Array ? raw : null;
    let message: Uint8Array | null;
    try {
      if (!bytes) throw new Error("malformed frame");
      message = unframe(this, bytes);
    } catch {
      this.destroy(new Error("peer sent a malformed message")); // y-webrtc then reconnects cleanly
      return;
    }
    if (message) originalOnMessage.call(this, { data: message.slice().buffer });
  };
}
