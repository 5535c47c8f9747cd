// A page with one simple-peer connection patched by the app's chunked sender (chunkedPeer.ts), driven by
// tests/e2e/bigMessage.test.ts: the test carries the signalling between two browsers.
import Peer from "simple-peer/simplepeer.min.js";
import { installChunking } from "../../../src/sync/chunkedPeer.ts";

interface SimplePeer {
  on(event: string, fn: (arg: never) => void): void;
  signal(data: unknown): void;
  send(data: Uint8Array): void;
}
type PeerClass = new (options: { initiator: boolean; trickle: boolean }) => SimplePeer;

/** Length and FNV-1a hash of a message: what the test compares (a 20 MB array is not passed back). */
const fingerprint = (bytes: Uint8Array) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return { length: bytes.length, hash: h >>> 0 };
};

installChunking();
let peer: SimplePeer | null = null;
const signals: string[] = [];
const received: { length: number; hash: number }[] = [];
const errors: string[] = [];
let connected = false;

Object.assign(window, {
  start(initiator: boolean) {
    peer = new (Peer as unknown as PeerClass)({ initiator, trickle: false });
    peer.on("signal", (s: never) => signals.push(JSON.stringify(s)));
    peer.on("connect", () => (connected = true));
    peer.on("data", (d: never) => received.push(fingerprint(new Uint8Array(d as Uint8Array))));
    peer.on("error", (e: never) => errors.push(String(e)));
  },
  takeSignals: () => signals.splice(0),
  signal: (s: string) => peer!.signal(JSON.parse(s)),
  state: () => ({ connected, received, errors }),
  /** Sends a message of `bytes` bytes, then a small one; returns their fingerprints, or what send threw. */
  sendBig(bytes: number) {
    const big = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) big[i] = (i * 31 + (i >> 11)) & 255;
    const small = Uint8Array.of(7, 7, 7);
    try {
      peer!.send(big);
      peer!.send(small);
    } catch (e) {
      return { thrown: String(e) };
    }
    return { sent: [fingerprint(big), fingerprint(small)] };
  },
});
