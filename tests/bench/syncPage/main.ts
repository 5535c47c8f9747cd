// Sync benchmark page: one "tablet" per browser process. Two of them, in separate Chromium processes,
// measure edit-to-visible latency and first-sync time over WebRTC, with a bare Y.Doc + WebrtcProvider
// and with the app's own stack (PeerSync, session mutators, the Solid store the UI reads).
import * as Y from "yjs";
import { WebrtcProvider } from "y-webrtc";
import { createEffect, createRoot } from "solid-js";
import { PeerSync } from "../../../src/sync/peerSync.ts";
import type { ShareCode } from "../../../src/sync/shareCode.ts";
import { initSessionDoc } from "../../../src/doc/session/sessionDoc.ts";
import { createVote, openVote, tapVote } from "../../../src/doc/session/votes.ts";
import { readAgenda, readFollowUps, readIssues, readVotes } from "../../../src/doc/session/snapshot.ts";
import { createYStore } from "../../../src/reactive/createYStore.ts";
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

const now = () => performance.timeOrigin + performance.now();

interface InternalProvider {
  room: { webrtcConns: Map<string, { connected: boolean; closed?: boolean }> } | null;
  signalingConns: {
    connected: boolean;
    on(ev: "message", fn: (m: Record<string, unknown>) => void): void;
    off(ev: "message", fn: (m: Record<string, unknown>) => void): void;
  }[];
}

/**
 * Resolves once the signalling server has echoed our own announce in `room`, i.e. we are in the room.
 * The second tablet then joins a room someone is already in: if both announce at once, y-webrtc's offer
 * glare handling can fail ("setLocalDescription … have-remote-offer") and leave a half-open connection
 * that only PeerSync's 8 s "stuck" restart recovers from.
 */
function joined(p: WebrtcProvider, room: string, timeoutMs = 5000): Promise<boolean> {
  const conns = (p as unknown as InternalProvider).signalingConns;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      for (const c of conns) c.off("message", onMessage);
      resolve(ok);
    };
    const onMessage = (m: Record<string, unknown>) => {
      if (m.type === "publish" && m.topic === room) done(true);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    for (const c of conns) c.on("message", onMessage);
  });
}

let doc: Y.Doc | null = null;
let provider: WebrtcProvider | null = null;
let sync: PeerSync | null = null;
let disposeRoot: (() => void) | null = null;
/** Receive times by edit index (page B). */
const received = new Map<number, number>();
let mode: "bare" | "app" = "bare";
let voteId = "";
let optionId = "";
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
  disposeRoot?.();
  disposeRoot = null;
  provider?.destroy();
  provider = null;
  await sync?.destroy();
  sync = null;
  doc?.destroy();
  doc = null;
  received.clear();
}

/** Bare: a plain Y.Map synced by y-webrtc; the receiver records when each edit's value arrives. */
async function startBare(room: string, password: string, signalingUrl: string): Promise<void> {
  await stop();
  mode = "bare";
  doc = new Y.Doc();
  const map = doc.getMap<number>("m");
  map.observe(() => {
    const v = map.get("k");
    if (typeof v === "number" && !received.has(v)) received.set(v, now());
  });
  provider = new WebrtcProvider(room, doc, {
    signaling: [signalingUrl],
    password,
    peerOpts: { config: { iceServers: [] } },
  });
  await joined(provider, room);
}

/**
 * App: PeerSync on a session document. The creator makes an open vote; every edit is one tap on it. The
 * receiver reads through createYStore (inside a Solid root) and an effect on the option's count.
 */
async function startApp(code: ShareCode, signalingUrl: string, creator: boolean): Promise<void> {
  await stop();
  mode = "app";
  const d = (doc = new Y.Doc());
  if (creator) {
    initSessionDoc(d, {
      id: "bench-sync",
      talkPoint: { id: "tp", name: "说事点", community: "社区", location: "幸福路" },
      title: "同步测试",
      startsAt: "2024-01-21T10:00:00+08:00",
    });
    voteId = createVote(d, { motion: "广场舞场地定在社区院内" });
    openVote(d, voteId);
    optionId = readVotes(d)[0]!.options[0]!.id;
  } else {
    createRoot((dispose) => {
      disposeRoot = dispose;
      const store = createYStore(d);
      createEffect(() => {
        const count = store.votes[0]?.options[0]?.count;
        if (typeof count === "number" && count > 0 && !received.has(count - 1))
          received.set(count - 1, now());
      });
    });
  }
  sync = newPeerSync(d, code, signalingUrl, creator);
  await joined(sync.provider, code.room);
}

/** Waits for an open data channel and, for the app, for the session's vote to be present. */
async function waitPeers(timeoutMs = 15_000): Promise<boolean> {
  const ok = await until(() => connectedPeers() > 0, timeoutMs);
  if (!ok || mode === "bare" || !doc) return ok;
  return until(() => readVotes(doc!)[0]?.status === "open", timeoutMs);
}

/** Makes edit `i` (0, 1, 2, …); returns its send time (ms since the epoch, sub-millisecond). */
function edit(i: number): number {
  if (mode === "bare") {
    const t = now();
    doc!.getMap<number>("m").set("k", i);
    return t;
  }
  const t = now();
  tapVote(doc!, voteId, optionId, 1);
  return t;
}

/** Receive time of edit `i`, or null after the timeout. */
async function received_(i: number, timeoutMs = 5000): Promise<number | null> {
  return (await until(() => received.has(i), timeoutMs)) ? received.get(i)! : null;
}

/** Builds the 2,000-item session once and keeps its encoded state. */
function buildLarge(): number {
  largeState = Y.encodeStateAsUpdate(buildLargeSession(new Y.Doc()));
  return largeState.byteLength;
}

/** The sender of a first sync: a new document holding the large session, joined to `code`'s room. */
async function serveLarge(code: ShareCode, signalingUrl: string): Promise<void> {
  await stop();
  mode = "app";
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
  mode = "app";
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
  startBare,
  startApp,
  waitPeers,
  edit,
  received: received_,
  buildLarge,
  serveLarge,
  firstSync,
  stop,
  diag,
};
document.title = "ready";
