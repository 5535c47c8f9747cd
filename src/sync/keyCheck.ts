// Room-key checks on signalling messages. y-webrtc silently drops messages it cannot decrypt, so a device
// with a wrong key just sees an empty room; we detect foreign messages and answer them with an announce,
// so the newcomer with the wrong key sees one of ours and can tell its user.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

const ALGORITHM = "AES-GCM";

function fromBase64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}
function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** True when `data` (y-webrtc's base64 AES-GCM envelope) does not decrypt with `key`. */
export async function isForeignKey(data: string, key: CryptoKey): Promise<boolean> {
  try {
    const decoder = decoding.createDecoder(fromBase64(data));
    if (decoding.readVarString(decoder) !== ALGORITHM) return true;
    const iv = decoding.readVarUint8Array(decoder);
    const cipher = decoding.readVarUint8Array(decoder);
    await crypto.subtle.decrypt({ name: ALGORITHM, iv: iv as BufferSource }, key, cipher as BufferSource);
    return false;
  } catch {
    return true;
  }
}

/** A y-webrtc "announce" signalling payload for `peerId`, encrypted with `key` the way y-webrtc does. */
export async function encryptedAnnounce(peerId: string, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, { type: "announce", from: peerId });
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt({ name: ALGORITHM, iv }, key, encoding.toUint8Array(plain));
  const envelope = encoding.createEncoder();
  encoding.writeVarString(envelope, ALGORITHM);
  encoding.writeVarUint8Array(envelope, iv);
  encoding.writeVarUint8Array(envelope, new Uint8Array(cipher));
  return toBase64(encoding.toUint8Array(envelope));
}
