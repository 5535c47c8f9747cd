// Splits large data-channel messages into chunks and joins them on arrival. y-webrtc sends a whole Yjs
// update as one message, and a big first sync (a 2,000-item session is ~1 MB) exceeds what a data channel
// carries (yjs/y-webrtc #42). We frame every message in simple-peer, the layer below y-webrtc, so
// y-webrtc itself is unchanged. Every peer in a room runs this app, so both ends speak the framing.
// A second logical channel ("mux", tags MUX_WHOLE/MUX_PART) carries docMux.ts's messages over the same data
// channel; they are reassembled the same way but handed to a handler registered per peer, never to y-webrtc.
// An older app that does not know these tags treats them as malformed and drops the connection: acceptable,
// since all paired tablets run the same app version.
import Peer from "simple-peer/simplepeer.min.js";
import { sendDrained } from "./chunkDrain.ts";
import { deliverMux } from "./muxHandlers.ts";

export {
  MAX_UNCLAIMED_MUX_BYTES,
  MAX_UNCLAIMED_MUX_MESSAGES,
  onMuxMessage,
  type MuxHandler,
} from "./muxHandlers.ts";

/** Below every browser's SCTP message limit (Chromium 256 KiB; 64 KiB is the safe common floor). */
export const CHUNK_BYTES = 64 * 1024;
const WHOLE = 0;
const PART = 1;
const MUX_WHOLE = 2;
const MUX_PART = 3;
const HEADER = 13; // tag, message id (4), part index (4), part count (4)
/** A peer sending more than this in one message is refused (a session is a few MB at most). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/**
 * Incomplete messages one peer may have at once; one more is malformed and the peer is dropped. Our sender
 * writes all parts of a message, in order and one message after the other (chunkDrain.ts), onto an ordered,
 * reliable channel, so a conforming peer never has more than one message pending. Dropping the oldest instead would silently lose an update;
 * dropping the peer makes y-webrtc reconnect, and the re-sync on (re)connect then repairs everything.
 */
export const MAX_PENDING_MESSAGES = 8;
/** Bytes of incomplete messages held for one peer at once (one largest message); more is malformed. */
export const MAX_PENDING_BYTES = MAX_MESSAGE_BYTES;
/**
 * An incomplete message that received no part for this long is dropped (checked on each new frame). It
 * counts from the last part, not the first, so a large message over a slow link is not cut off.
 */
export const PENDING_IDLE_MS = 30_000;

interface Pending {
  /** Which channel the message's first part named; every part must name the same. */
  mux: boolean;
  parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
  /** When the last new part arrived. */
  lastAt: number;
}

/** Reassembly state of one peer's incoming messages. */
interface Reassembly {
  messages: Map<number, Pending>;
  /** Sum of `bytes` over `messages`. */
  bytes: number;
}

interface PeerInternals {
  _channel: { send(data: Uint8Array): void };
  _onChannelMessage(event: { data: unknown }): void;
  destroy(error?: Error): void;
  __yishiReassembly?: Reassembly;
}

/** A complete incoming message and the channel it came on. */
export interface Unframed {
  mux: boolean;
  data: Uint8Array;
}

/**
 * Decides per message whether it may leave for, or be handed on from, a peer (peerGate.ts): `receive`
 * returning false means the filter handled it (held, dropped, or delivered later with `deliver`).
 */
export interface PeerFilter {
  send(peer: object, mux: boolean, data: Uint8Array): boolean;
  receive(peer: object, message: Unframed): boolean;
}

let installed = false;
let filter: PeerFilter | null = null;
let nextMessageId = 1;
/** The peer whose message y-webrtc is handling right now (synchronously, inside its message event). */
let delivering: object | null = null;
/** A peer that sends made by simple-peer's `send` skip for now (see sendingExcept). */
let skipped: object | null = null;
/** Peers that sent us a frame. */
const heard = new WeakSet<object>();
let rawSend: ((this: unknown, data: Uint8Array) => void) | null = null;

/** Encodes one outgoing message as frames of at most CHUNK_BYTES + header (`mux`: on the mux channel). */
export function frame(data: Uint8Array, id: number, mux = false): Uint8Array[] {
  if (data.length <= CHUNK_BYTES) {
    const out = new Uint8Array(data.length + 1);
    out[0] = mux ? MUX_WHOLE : WHOLE;
    out.set(data, 1);
    return [out];
  }
  const count = Math.ceil(data.length / CHUNK_BYTES);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const part = data.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES);
    const out = new Uint8Array(HEADER + part.length);
    const view = new DataView(out.buffer);
    out[0] = mux ? MUX_PART : PART;
    view.setUint32(1, id);
    view.setUint32(5, i);
    view.setUint32(9, count);
    out.set(part, HEADER);
    frames.push(out);
  }
  return frames;
}

function malformed(): never {
  throw new Error("malformed frame");
}

/**
 * Feeds one incoming frame; returns the whole message when it is complete, null while parts are missing.
 * Throws on a malformed frame (the caller drops that peer): a bad header, a part of the wrong size (all but
 * the last are exactly CHUNK_BYTES, the last 1..CHUNK_BYTES), or a peer over MAX_PENDING_MESSAGES or
 * MAX_PENDING_BYTES. `now` (ms) expires messages idle for PENDING_IDLE_MS; tests pass their own clock.
 */
export function unframe(
  state: PeerInternals,
  bytes: Uint8Array,
  now: number = Date.now(),
): Uint8Array | null {
  return unframeTagged(state, bytes, now)?.data ?? null;
}

/** As `unframe`, and says which channel the message came on (the bounds are shared by both channels). */
export function unframeTagged(
  state: PeerInternals,
  bytes: Uint8Array,
  now: number = Date.now(),
): Unframed | null {
  const pending = (state.__yishiReassembly ??= { messages: new Map(), bytes: 0 });
  for (const [id, entry] of pending.messages) {
    if (now - entry.lastAt > PENDING_IDLE_MS) {
      pending.messages.delete(id);
      pending.bytes -= entry.bytes;
    }
  }
  const tag = bytes[0];
  if (tag === WHOLE || tag === MUX_WHOLE) {
    if (bytes.length > CHUNK_BYTES + 1) malformed();
    return { mux: tag === MUX_WHOLE, data: bytes.subarray(1) };
  }
  if ((tag !== PART && tag !== MUX_PART) || bytes.length < HEADER) malformed();
  const mux = tag === MUX_PART;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = view.getUint32(1);
  const index = view.getUint32(5);
  const count = view.getUint32(9);
  if (count < 2 || index >= count || count * CHUNK_BYTES > MAX_MESSAGE_BYTES) malformed();
  const size = bytes.length - HEADER;
  if (index < count - 1 ? size !== CHUNK_BYTES : size < 1 || size > CHUNK_BYTES) malformed();
  let entry = pending.messages.get(id);
  if (!entry) {
    if (pending.messages.size >= MAX_PENDING_MESSAGES) malformed();
    entry = { mux, parts: new Array<Uint8Array | undefined>(count), received: 0, bytes: 0, lastAt: now };
    pending.messages.set(id, entry);
  }
  if (entry.parts.length !== count || entry.mux !== mux) malformed();
  if (!entry.parts[index]) {
    if (pending.bytes + size > MAX_PENDING_BYTES) malformed();
    entry.parts[index] = bytes.slice(HEADER);
    entry.received++;
    entry.bytes += size;
    entry.lastAt = now;
    pending.bytes += size;
  }
  if (entry.received < count) return null;
  pending.messages.delete(id);
  pending.bytes -= entry.bytes;
  const whole = new Uint8Array(entry.bytes);
  let offset = 0;
  for (const part of entry.parts) {
    whole.set(part!, offset);
    offset += part!.length;
  }
  return { mux, data: whole };
}

/**
 * Sends `data` to `peer` (a simple-peer instance) on the mux channel, after what was sent to it before.
 * Throws as simple-peer's send does (a destroyed peer, a closed channel); `data` arrives whole at the
 * handler the other side registered.
 */
export function sendMux(peer: object, data: Uint8Array): void {
  installChunking();
  if (filter && !filter.send(peer, true, data)) return;
  sendDrained(peer, frame(data, nextMessageId++, true), (f) => rawSend!.call(peer, f));
}

/**
 * The simple-peer instance whose (y-webrtc) message is being handled at this moment, or null: what y-webrtc
 * does synchronously with a message (apply it, and pass the update it made on) happens while this is set.
 */
export function deliveringPeer(): object | null {
  return delivering;
}

/** True once `peer` (a simple-peer instance) has sent us a frame. */
export function heardFrom(peer: object): boolean {
  return heard.has(peer);
}

/** Runs `fn`, in which y-webrtc messages sent to `peer` (simple-peer's `send`) are not sent. */
export function sendingExcept(peer: object, fn: () => void): void {
  const outer = skipped;
  skipped = peer;
  try {
    fn();
  } finally {
    skipped = outer;
  }
}

/** Installs the one filter every message in and out passes (peerGate.ts). */
export function setPeerFilter(f: PeerFilter): void {
  filter = f;
}

let handOn: (peer: PeerInternals, data: ArrayBuffer) => void = () => {};

/** Hands a complete incoming message on (to y-webrtc, or to the peer's mux handler), past the filter. */
export function deliver(peer: object, message: Unframed): void {
  if (message.mux) deliverMux(peer, message.data.slice());
  else handOn(peer as PeerInternals, message.data.slice().buffer);
}

/** Patches simple-peer once, before any connection is made. */
export function installChunking(): void {
  if (installed) return;
  installed = true;
  const proto = Peer.prototype as unknown as PeerInternals & { send(data: Uint8Array): void };
  const originalSend = proto.send;
  rawSend = originalSend as (this: unknown, data: Uint8Array) => void;
  const originalOnMessage = proto._onChannelMessage;
  proto.send = function (this: PeerInternals, data: Uint8Array) {
    if (this === skipped) return;
    const bytes = data instanceof Uint8Array ? data : new TextEncoder().encode(String(data));
    if (filter && !filter.send(this, false, bytes)) return;
    sendDrained(this, frame(bytes, nextMessageId++), (f) => originalSend.call(this, f));
  };
  // To y-webrtc, with the peer it came from known meanwhile (deliveringPeer).
  handOn = (peer: PeerInternals, data: ArrayBuffer) => {
    const outer = delivering;
    delivering = peer;
    try {
      originalOnMessage.call(peer, { data });
    } finally {
      delivering = outer;
    }
  };
  proto._onChannelMessage = function (this: PeerInternals, event: { data: unknown }) {
    heard.add(this);
    const raw = event.data;
    const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw instanceof Uint8Array ? raw : null;
    let message: Unframed | null;
    try {
      if (!bytes) throw new Error("malformed frame");
      message = unframeTagged(this, bytes);
    } catch {
      this.destroy(new Error("peer sent a malformed message")); // y-webrtc then reconnects cleanly
      return;
    }
    if (!message) return;
    if (filter && !filter.receive(this, message)) return;
    deliver(this, message);
  };
}
