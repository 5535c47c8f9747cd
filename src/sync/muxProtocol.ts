// Wire format of docMux.ts: the digest list and per-document y-protocols sync messages, with strict decoding.
//
// Every message is lib0-encoded and starts with a varUint type:
//   DIGESTS (0): varUint flags (bit 0: "send me yours back"), varUint n, n × (varString name, varString digest)
//   SYNC    (1): varString name, varUint step (y-protocols: 0 step1, 1 step2, 2 update), varUint8Array payload
//                (step1: an encoded state vector; step2 and update: a Yjs v1 update)
// Nothing may follow the last field. An unknown type is ignored by the receiver (so a later version can add
// types without breaking this one); anything else malformed throws from `decodeMuxMessage`.
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";

export const MSG_DIGESTS = 0;
export const MSG_SYNC = 1;
/** Longest document name accepted from a peer (in UTF-16 units, as `String.length` counts). */
export const MAX_NAME_CHARS = 200;
/** Longest digest string accepted (ours are 64 hex digits). */
export const MAX_DIGEST_CHARS = 128;
/** Most entries in one DIGESTS message (a community holds a few hundred documents a year). */
export const MAX_DIGEST_ENTRIES = 20_000;

export type SyncStep = typeof messageYjsSyncStep1 | typeof messageYjsSyncStep2 | typeof messageYjsUpdate;

export type MuxMessage =
  | { type: "digests"; reply: boolean; digests: Map<string, string> }
  | { type: "sync"; name: string; step: SyncStep; payload: Uint8Array }
  | { type: "unknown"; code: number };

export { docDigest } from "../doc/digest.ts";

export function encodeDigests(digests: Map<string, string>, reply: boolean): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_DIGESTS);
  encoding.writeVarUint(e, reply ? 1 : 0);
  encoding.writeVarUint(e, digests.size);
  for (const [name, d] of digests) {
    encoding.writeVarString(e, name);
    encoding.writeVarString(e, d);
  }
  return encoding.toUint8Array(e);
}

export function encodeSync(name: string, step: SyncStep, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** The state vector of a document we do not hold (asks the peer for all of it). */
export const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

function bad(): never {
  throw new Error("malformed mux message");
}

function readName(d: decoding.Decoder, max: number): string {
  const s = decoding.readVarString(d);
  if (s.length === 0 || s.length > max) bad();
  return s;
}

/**
 * Decodes and validates one message. A SYNC payload is decoded in full (`Y.decodeUpdate` reads the structs
 * and the delete set; `Y.decodeStateVector` the state vector), so garbage is refused here, before any
 * document is opened, rather than half-applied by `Y.applyUpdate`.
 */
export function decodeMuxMessage(bytes: Uint8Array): MuxMessage {
  const d = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(d);
  let message: MuxMessage;
  if (type === MSG_DIGESTS) {
    const flags = decoding.readVarUint(d);
    const n = decoding.readVarUint(d);
    if (flags > 1 || n > MAX_DIGEST_ENTRIES) bad();
    const digests = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const name = readName(d, MAX_NAME_CHARS);
      digests.set(name, readName(d, MAX_DIGEST_CHARS));
    }
    message = { type: "digests", reply: flags === 1, digests };
  } else if (type === MSG_SYNC) {
    const name = readName(d, MAX_NAME_CHARS);
    const step = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (step === messageYjsSyncStep1) Y.decodeStateVector(payload);
    else if (step === messageYjsSyncStep2 || step === messageYjsUpdate) Y.decodeUpdate(payload);
    else bad();
    message = { type: "sync", name, step: step as SyncStep, payload };
  } else {
    return { type: "unknown", code: type };
  }
  if (decoding.hasContent(d)) bad();
  return message;
}
