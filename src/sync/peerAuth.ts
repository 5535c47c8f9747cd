// The handshake on each data channel of a community room (peerGate.ts applies it): wire format, what is
// signed, and the invitation proofs.
//
// Each side sends HELLO once the channel is open: its device id (public key), its name, and an ECDSA
// signature over the transcript "yishi-auth-1", the room's topic and the DTLS fingerprints of the sender's
// and the receiver's ends of this very connection. The fingerprints bind the signature to the connection: a
// peer in the middle of the signalling (anyone with the room key) sees other fingerprints and cannot pass a
// signature on, and a recorded HELLO is worth nothing on another connection. A newcomer pairing with an
// invitation adds the invitation's id and HMAC(secret, "invitee" + transcript); the inviting tablet, the only
// one holding the secret, answers with INVITER: HMAC(secret, "inviter" + transcript). TELL carries a value
// for staff tablets only (the relay setting), sent and accepted on channels of verified staff.
//
// All messages go on the mux channel (chunkedPeer.ts) with type AUTH_TYPE, which docMux ignores.
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

/** First varUint of every handshake message on the mux channel (docMux's types are 0 and 1). */
export const AUTH_TYPE = 64;
const HELLO = 0;
const INVITER = 1;
const TELL = 2;
const MAX_ID_CHARS = 100;
const MAX_NAME_CHARS = 60;
const MAX_SIG_BYTES = 128;
const MAX_TELL_CHARS = 8 * 1024;

export type AuthMessage =
  | {
      kind: "hello";
      device: string;
      name: string;
      signature: Uint8Array;
      invitation: string;
      proof: Uint8Array;
    }
  | { kind: "inviter"; invitation: string; proof: Uint8Array }
  | { kind: "tell"; field: string; value: string };

export function encodeAuth(m: AuthMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, AUTH_TYPE);
  if (m.kind === "hello") {
    encoding.writeVarUint(e, HELLO);
    encoding.writeVarString(e, m.device);
    encoding.writeVarString(e, m.name);
    encoding.writeVarUint8Array(e, m.signature);
    encoding.writeVarString(e, m.invitation);
    encoding.writeVarUint8Array(e, m.proof);
  } else if (m.kind === "inviter") {
    encoding.writeVarUint(e, INVITER);
    encoding.writeVarString(e, m.invitation);
    encoding.writeVarUint8Array(e, m.proof);
  } else {
    encoding.writeVarUint(e, TELL);
    encoding.writeVarString(e, m.field);
    encoding.writeVarString(e, m.value);
  }
  return encoding.toUint8Array(e);
}

/** True when `bytes` is a handshake message (whatever its content). */
export const isAuthMessage = (bytes: Uint8Array): boolean => bytes[0] === AUTH_TYPE;

function bad(): never {
  throw new Error("malformed handshake message");
}

function text(d: decoding.Decoder, max: number): string {
  const s = decoding.readVarString(d);
  if (s.length > max) bad();
  return s;
}

function bytesOf(d: decoding.Decoder, max: number): Uint8Array {
  const b = decoding.readVarUint8Array(d);
  if (b.length > max) bad();
  return b;
}

/** Decodes one handshake message; throws on anything malformed. */
export function decodeAuth(bytes: Uint8Array): AuthMessage {
  const d = decoding.createDecoder(bytes);
  if (decoding.readVarUint(d) !== AUTH_TYPE) bad();
  const kind = decoding.readVarUint(d);
  let m: AuthMessage;
  if (kind === HELLO) {
    const device = text(d, MAX_ID_CHARS);
    const name = text(d, MAX_NAME_CHARS);
    const signature = bytesOf(d, MAX_SIG_BYTES);
    m = { kind: "hello", device, name, signature, invitation: text(d, MAX_ID_CHARS), proof: bytesOf(d, 64) };
  } else if (kind === INVITER) {
    m = { kind: "inviter", invitation: text(d, MAX_ID_CHARS), proof: bytesOf(d, 64) };
  } else if (kind === TELL) {
    m = { kind: "tell", field: text(d, MAX_ID_CHARS), value: text(d, MAX_TELL_CHARS) };
  } else bad();
  if (decoding.hasContent(d)) bad();
  return m;
}

/** What a HELLO signs: the room and both ends of this connection, the sender's first. */
export function transcript(room: string, senderFingerprint: string, receiverFingerprint: string) {
  return new TextEncoder().encode(`yishi-auth-1\n${room}\n${senderFingerprint}\n${receiverFingerprint}`);
}

async function hmac(secret: Uint8Array, label: string, data: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    secret as BufferSource,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const labelled = new Uint8Array([...new TextEncoder().encode(`${label}\n`), ...data]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, labelled));
}

/** The proof that whoever sent it holds the invitation's secret, bound to this connection's transcript. */
export const invitationProof = (secret: Uint8Array, side: "invitee" | "inviter", data: Uint8Array) =>
  hmac(secret, side, data);

/** Compares two proofs without an early exit. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** The invitation's verifier stored in the workspace: base64url-free hex of SHA-256 of the secret. */
export async function invitationVerifier(secret: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", secret as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The DTLS fingerprint of one end of a connection, from its SDP ("sha-256 AB:CD:…"), or null. */
export function sdpFingerprint(sdp: string | undefined | null): string | null {
  const match = /a=fingerprint:(\S+) ([0-9A-Fa-f:]+)/.exec(sdp ?? "");
  return match ? `${match[1]!.toLowerCase()} ${match[2]!.toUpperCase()}` : null;
}
