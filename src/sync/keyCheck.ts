// Room-key checks on signalling messages. y-webrtc silently drops messages it cannot decrypt, so a device
// with a wrong key just sees an empty room; we classify each message of our room (malformed, foreign, our
// own, or from a peer with our key) and answer foreign ones with an announce, so a newcomer with the wrong
// key sees one of ours and can tell its user.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

const ALGORITHM = "AES-GCM";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Larger than any signalling message y-webrtc sends (an SDP offer is a few KB); the server caps 256 KiB. */
const MAX_DATA_CHARS = 256 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * What one signalling payload in our room is:
 * - "malformed": not an envelope y-webrtc could have written (bad base64, algorithm, IV or length);
 * - "foreign": a well-formed envelope our key cannot decrypt (another key, or a forgery of one);
 * - "own": decrypts and comes from one of our own peer ids (the server echoes our messages to us);
 * - "peer": decrypts and comes from someone else, who therefore knows our key.
 */
export type SignalKind = "malformed" | "foreign" | "own" | "peer";

function fromBase64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}
function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The IV and ciphertext of a well-formed y-webrtc envelope, or null. Never throws. */
function parseEnvelope(data: unknown): { iv: Uint8Array; cipher: Uint8Array } | null {
  if (typeof data !== "string" || data.length > MAX_DATA_CHARS || !BASE64.test(data)) return null;
  try {
    const bytes = fromBase64(data);
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarString(decoder) !== ALGORITHM) return null;
    const iv = decoding.readVarUint8Array(decoder);
    const cipher = decoding.readVarUint8Array(decoder);
    if (iv.length !== IV_BYTES || cipher.length < TAG_BYTES || decoder.pos !== bytes.length) return null;
    return { iv, cipher };
  } catch {
    return null;
  }
}

/**
 * Classifies `data` (y-webrtc's base64 AES-GCM envelope) against our `key`; `isOwn` tells our own peer ids.
 * Never rejects: anything unexpected is "malformed".
 */
export async function classifySignal(
  data: unknown,
  key: CryptoKey,
  isOwn: (peerId: string) => boolean,
): Promise<SignalKind> {
  const envelope = parseEnvelope(data);
  if (!envelope) return "malformed";
  let plain: Uint8Array;
  try {
    const { iv, cipher } = envelope;
    plain = new Uint8Array(
      await crypto.subtle.decrypt({ name: ALGORITHM, iv: iv as BufferSource }, key, cipher as BufferSource),
    );
  } catch {
    return "foreign";
  }
  // AES-GCM authenticates: whoever wrote this knows our key, whatever the content says.
  try {
    const message = decoding.readAny(decoding.createDecoder(plain)) as { from?: unknown } | null;
    return typeof message?.from === "string" && isOwn(message.from) ? "own" : "peer";
  } catch {
    return "peer";
  }
}

/** A y-webrtc "announce" signalling payload for `peerId`, encrypted with `key` the way y-webrtc does. */
export async function encryptedAnnounce(peerId: string, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, { type: "announce", from: peerId });
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt({ name: ALGORITHM, iv }, key, encoding.toUint8Array(plain));
  const envelope = encoding.createEncoder();
  encoding.writeVarString(envelope, ALGORITHM);
  encoding.writeVarUint8Array(envelope, iv);
  encoding.writeVarUint8Array(envelope, new Uint8Array(cipher));
  return toBase64(encoding.toUint8Array(envelope));
}
