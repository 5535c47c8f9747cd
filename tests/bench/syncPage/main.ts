// Sync benchmark page: one "tablet" per browser process. Two of them, in separate Chromium processes,
// measure edit-to-visible latency (round trips, latency.ts) over WebRTC and through the relay, each with a
// bare peer (Y.Map + WebrtcProvider / HocuspocusProvider) and with the app's own stack (PeerSync or
// RelaySync, session mutators, the Solid store the UI reads), and first-sync time over WebRTC.
import * as Y from "yjs";
import { WebrtcProvider } from "y-webrtc";
import { channels } from "./latency.ts";
import { joined } from "./joined.ts";
import { PeerSync } from "../../../src/sync/peerSync.ts";
import type { ShareCode } from "../../../src/sync/shareCode.ts";
import { readAgenda, readFollowUps, readIssues } from "../../../src/doc/session/snapshot.ts";
import { buildLargeSession } from "../../helpers/largeSession.ts";

export interface FirstSyncResult {
  ok: boolean;
  ms: number;
  items: number;
  peers: number;
  bytes: number;
  /** What the sync layer looked like at the end (for failed runs). */
  diag?: Diag;
}

export interface Diag {
  status: string;
  conns: { connected: boolean; closed: boolean }[];
  signalingConnected: boolean;
  peerEvents: number;
  stuck: boolean;
  events: string[];
}

interface InternalProvider {
  room: { webrtcConns: Map<string, { connected: boolean; closed?: boolean }> } | null;
  signalingConns: {
    connected: boolean;
    on(ev: "message", fn: (m: Record<string, unknown>) => void): void;
    off(ev: "message", fn: (m: Record<string, unknown>) => void): void;
  }[];
}

let doc: Y.Doc | null = null;
let provider: WebrtcProvider | null = null;
let sync: PeerSync | null = null;
let largeState: Uint8Array | null = null;
let peerEvents = 0;
interface PeerLike {
  on(ev: string, fn: (e: Error) => void): void;
}
const watched = new WeakSet<PeerLike>();
let events: string[] = [];
let stuck = false;

/** Sync layer state, for reporting a failed run. */
function diag(): Diag {
  const p = (provider ?? sync?.provider) as unknown as InternalProvider | null;
  return {
    status: sync ? `${sync.status.state}/${sync.status.peers}` : "bare",
    conns: [...(p?.room?.webrtcConns.values() ?? [])].map((c) => ({
      connected: c.connected,
      closed: !!c.closed,
    })),
    signalingConnected: !!p?.signalingConns.some((c) => c.connected),
    peerEvents,
    stuck,
    events,
  };
}

function newPeerSync(d: Y.Doc, code: ShareCode, signalingUrl: string, creator: boolean): PeerSync {
  peerEvents = 0;
  events = [];
  stuck = false;
  const s = new PeerSync(d, {
    code,
    signalingUrl,
    role: creator ? "secretary" : "facilitator",
    deviceId: creator ? "bench-a" : "bench-b",
    deviceName: creator ? "A" : "B",
  });
  s.provider.on("peers", () => {
    peerEvents++;
    const room = (s.provider as unknown as { room: { webrtcConns: Map<string, { peer: PeerLike }> } }).room;
    for (const c of room.webrtcConns.values()) {
      if (watched.has(c.peer)) continue;
      watched.add(c.peer);
      const t0 = performance.now();
      c.peer.on("error", (e: Error) =>
        events.push(`error@${Math.round(performance.now() - t0)}: ${e.message}`),
      );
      c.peer.on("close", () => events.push(`close@${Math.round(performance.now() - t0)}`));
      c.peer.on("connect", () => events.push(`connect@${Math.round(performance.now() - t0)}`));
    }
  });
  s.on("stuck", () => (stuck = true));
  return s;
}

function connectedPeers(): number {
  const p = provider ?? sync?.provider;
  const room = (p as unknown as InternalProvider | null)?.room;
  return [...(room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length;
}

async function until(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

async function stop(): Promise<void> {
  provider?.destroy();
  provider = null;
  await sync?.destroy();
  sync = null;
  doc?.destroy();
  doc = null;
}

/** Builds a session of `items` items (10 edits an item) and keeps its encoded state. */
function buildLarge(items = 2000): number {
  largeState = Y.encodeStateAsUpdate(buildLargeSession(new Y.Doc(), { items, edits: 10 * items }));
  return largeState.byteLength;
}

/** The sender of a first sync: a new document holding the large session, joined to `code`'s room. */
async function serveLarge(code: ShareCode, signalingUrl: string): Promise<void> {
  await stop();
  doc = new Y.Doc();
  Y.applyUpdate(doc, largeState!);
  sync = newPeerSync(doc, code, signalingUrl, true);
  await joined(sync.provider, code.room);
}

const itemCount = (d: Y.Doc) => readAgenda(d).length + readIssues(d).length + readFollowUps(d).length;

/** A fresh tablet: empty document + PeerSync; resolves when all `expected` items have arrived. */
async function firstSync(
  code: ShareCode,
  signalingUrl: string,
  expected: number,
  timeoutMs: number,
): Promise<FirstSyncResult> {
  await stop();
  const t0 = performance.now();
  const d = (doc = new Y.Doc());
  let done = 0;
  let items = 0;
  d.on("update", () => {
    if (done) return;
    // Cheap size check first; the readers the UI uses confirm it.
    const r = ["agenda", "issues", "followUps"].reduce((n, name) => n + d.getMap(name).size, 0);
    if (r < expected) return;
    items = itemCount(d);
    if (items >= expected) done = performance.now();
  });
  sync = newPeerSync(d, code, signalingUrl, false);
  const ok = await until(() => done > 0, timeoutMs);
  return {
    ok,
    ms: ok ? done - t0 : performance.now() - t0,
    items: ok ? items : itemCount(d),
    peers: connectedPeers(),
    bytes: Y.encodeStateAsUpdate(d).byteLength,
    ...(ok ? {} : { diag: diag() }),
  };
}

(window as unknown as { yishiSyncBench: unknown }).yishiSyncBench = {
  ...channels,
  buildLarge,
  serveLarge,
  firstSync,
  stop,
  diag,
};
document.title = "ready";
