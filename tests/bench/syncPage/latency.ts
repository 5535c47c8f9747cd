// Latency channels of the sync bench page: tablet A edits, tablet B answers each edit it sees with an edit
// of its own, and A times the round trip on its own clock. Halving it gives the one-way latency with no
// clock of another process in it (two processes' timeOrigins disagree by more than a hop takes), and timing
// one clock per sample keeps performance.now()'s coarsening (0.1 ms here) small against a round trip.
import * as Y from "yjs";
import { WebrtcProvider } from "y-webrtc";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { createEffect, createRoot } from "solid-js";
import { PeerSync } from "../../../src/sync/peerSync.ts";
import { PeerGate } from "../../../src/sync/peerGate.ts";
import { newDeviceIdentity, type DeviceIdentity } from "../../../src/sync/deviceKey.ts";
import { RelaySync, type RelaySessions } from "../../../src/sync/relaySync.ts";
import type { ShareCode } from "../../../src/sync/shareCode.ts";
import { initSessionDoc } from "../../../src/doc/session/sessionDoc.ts";
import { createVote, openVote, tapVote } from "../../../src/doc/session/votes.ts";
import { readVotes } from "../../../src/doc/session/snapshot.ts";
import { createYStore } from "../../../src/reactive/createYStore.ts";
import { joined } from "./joined.ts";

export type ChannelSpec =
  | { kind: "webrtcBare"; room: string; password: string; signalingUrl: string }
  | { kind: "webrtcApp"; code: ShareCode; signalingUrl: string }
  /** As a community room has it: every connection under a PeerGate, both tablets staff by `members`. */
  | { kind: "webrtcGated"; code: ShareCode; signalingUrl: string; members: string[] }
  | { kind: "relayBare"; url: string; token: string; name: string }
  | { kind: "relayApp"; url: string; token: string; communityId: string; sessionId: string };

interface Channel {
  /** A: makes edit `i` (0, 1, 2, …). */
  ping(i: number): void;
  /** A: when each answer was seen (performance.now()), by edit index. */
  answered: Map<number, number>;
  destroy(): Promise<void> | void;
}

const open = new Map<string, Channel>();
let waiter: (() => void) | null = null;
const seen = (ch: Channel, i: number) => {
  if (!ch.answered.has(i)) ch.answered.set(i, performance.now());
  waiter?.();
};

/** Bare: one Y.Map; A sets "ping", B answers by setting "pong" to the same value. */
function bareChannel(doc: Y.Doc, pinger: boolean, destroy: () => void): Channel {
  const map = doc.getMap<number>("m");
  const ch: Channel = { ping: (i) => map.set("ping", i), answered: new Map(), destroy };
  map.observe((e) => {
    if (pinger && e.keysChanged.has("pong")) seen(ch, map.get("pong")!);
    if (!pinger && e.keysChanged.has("ping")) {
      const v = map.get("ping")!;
      queueMicrotask(() => map.set("pong", v));
    }
  });
  return ch;
}

/**
 * App: a session document with an open vote. A taps its first option; B, reading through createYStore (in a
 * Solid root, an effect on the counts as the UI has), taps the second option once for each tap it sees, and
 * A sees the answer through its own store.
 */
function appChannel(doc: Y.Doc, pinger: boolean, destroy: () => void): Channel {
  if (pinger) {
    initSessionDoc(doc, {
      id: "bench-sync",
      talkPoint: { id: "tp", name: "说事点", community: "社区", location: "幸福路" },
      title: "同步测试",
      startsAt: "2024-01-21T10:00:00+08:00",
    });
    openVote(doc, createVote(doc, { motion: "广场舞场地定在社区院内" }));
  }
  let ids: { vote: string; options: string[] } | null = null;
  const tap = (k: number) => {
    if (!ids) {
      const vote = readVotes(doc)[0]!;
      ids = { vote: vote.id, options: vote.options.map((o) => o.id) };
    }
    tapVote(doc, ids.vote, ids.options[k]!, 1);
  };
  let dispose = () => {};
  const ch: Channel = {
    ping: () => tap(0),
    answered: new Map(),
    destroy: () => (dispose(), destroy()),
  };
  let answers = 0;
  createRoot((d) => {
    dispose = d;
    const store = createYStore(doc);
    createEffect(() => {
      const pings = store.votes[0]?.options[0]?.count ?? 0;
      const pongs = store.votes[0]?.options[1]?.count ?? 0;
      if (pinger) {
        if (pongs > 0) seen(ch, pongs - 1);
      } else if (pings > answers) {
        const n = pings - answers;
        answers = pings;
        queueMicrotask(() => {
          for (let k = 0; k < n; k++) tap(1);
        });
      }
    });
  });
  return ch;
}

/** Relay sessions of one open session document, listed in the workspace's index (as a screen has it). */
function oneSession(workspace: Y.Doc, id: string, doc: Y.Doc): RelaySessions {
  workspace.getMap("sessions").set(id, { id, title: "同步测试" });
  const opened = new Map([[id, doc]]);
  return {
    ids: () => [id],
    withDoc: async (_id, fn) => fn(doc),
    open: () => opened,
    onChange: () => () => {},
  };
}

let identity: Promise<DeviceIdentity> | null = null;
/** This page's device key (made once): the other tablet lists it as staff for the gated channel. */
const deviceKey = () => (identity ??= newDeviceIdentity().then((made) => made.identity));

/** A gate that knows `members` as staff and nobody else (no invitations, no strangers admitted). */
function staffGate(me: DeviceIdentity, room: string, members: string[]): PeerGate {
  return new PeerGate({
    room,
    identity: me,
    name: me.id.slice(0, 6),
    roleOf: (device) => (members.includes(device) ? "staff" : null),
    onMembersChange: () => () => {},
    invitationSecret: () => null,
    admit: () => null,
  });
}

async function openChannel(key: string, spec: ChannelSpec, pinger: boolean): Promise<void> {
  await closeChannel(key);
  const doc = new Y.Doc();
  let ch: Channel;
  if (spec.kind === "webrtcBare") {
    const p = new WebrtcProvider(spec.room, doc, {
      signaling: [spec.signalingUrl],
      password: spec.password,
      peerOpts: { config: { iceServers: [] } },
    });
    ch = bareChannel(doc, pinger, () => p.destroy());
    await joined(p, spec.room);
  } else if (spec.kind === "webrtcApp") {
    const sync = new PeerSync(doc, {
      code: spec.code,
      signalingUrl: spec.signalingUrl,
      role: pinger ? "secretary" : "facilitator",
      deviceId: pinger ? "bench-a" : "bench-b",
      deviceName: pinger ? "A" : "B",
    });
    ch = appChannel(doc, pinger, () => void sync.destroy());
    await joined(sync.provider, spec.code.room);
  } else if (spec.kind === "webrtcGated") {
    const me = await deviceKey();
    const gate = staffGate(me, spec.code.room, spec.members);
    const sync = new PeerSync(doc, {
      code: spec.code,
      signalingUrl: spec.signalingUrl,
      role: pinger ? "secretary" : "facilitator",
      deviceId: pinger ? "bench-a" : "bench-b",
      deviceName: pinger ? "A" : "B",
      deviceKey: me.id,
      gate,
    });
    ch = appChannel(doc, pinger, async () => (await sync.destroy(), gate.destroy()));
    await joined(sync.provider, spec.code.room);
  } else if (spec.kind === "relayBare") {
    const p = new HocuspocusProvider({ url: spec.url, name: spec.name, document: doc, token: spec.token });
    ch = bareChannel(doc, pinger, () => p.destroy());
  } else {
    const workspace = new Y.Doc();
    const c = appChannel(doc, pinger, () => sync.destroy());
    const sync = new RelaySync({
      url: spec.url,
      token: spec.token,
      communityId: spec.communityId,
      workspace,
      sessions: oneSession(workspace, spec.sessionId, doc),
      visitMs: 50,
    });
    ch = c;
  }
  open.set(key, ch);
}

async function closeChannel(key: string): Promise<void> {
  await open.get(key)?.destroy();
  open.delete(key);
}

/** A: `count` round trips on channel `key` (the first edit index is `from`); each one's time in ms. */
async function roundTrips(key: string, from: number, count: number, timeoutMs = 5000): Promise<number[]> {
  const ch = open.get(key)!;
  const out: number[] = [];
  for (let i = from; i < from + count; i++) {
    const t0 = performance.now();
    ch.ping(i);
    const ok = await new Promise<boolean>((done) => {
      const timer = setTimeout(() => ((waiter = null), done(false)), timeoutMs);
      waiter = () => ch.answered.has(i) && (clearTimeout(timer), (waiter = null), done(true));
      waiter();
    });
    if (!ok) throw new Error(`${key}: no answer to edit ${i} within ${timeoutMs} ms`);
    out.push(ch.answered.get(i)! - t0);
  }
  return out;
}

export const channels = {
  openChannel,
  closeChannel,
  roundTrips,
  deviceKey: async () => (await deviceKey()).id,
};
