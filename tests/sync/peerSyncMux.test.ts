// PeerSync's connections with y-webrtc replaced by a fake: the mux (`mux` option) hears of each connection
// opening and closing, and a connection on which nothing ever arrives is dropped.
import * as Y from "yjs";
import Peer from "simple-peer/simplepeer.min.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FakeRoom } from "../helpers/fakeRoom.ts";
import { parseShareCode } from "../../src/sync/shareCode.ts";
import type { PeerSync as PeerSyncType } from "../../src/sync/peerSync.ts";
import type { DocMux } from "../../src/sync/docMux.ts";
import { frame } from "../../src/sync/chunkedPeer.ts";

const fake = await vi.hoisted(async () => {
  const { fakeRoom } = await import("../helpers/fakeRoom.ts");
  const state = { last: null as null | FakeProvider };
  class FakeProvider {
    readonly room: FakeRoom;
    readonly key = Promise.resolve(null);
    readonly signalingConns = [{ connected: true, send() {}, on() {}, off() {} }];
    readonly awareness = { setLocalStateField() {}, on() {}, off() {}, getStates: () => new Map() };
    constructor(
      _room: string,
      readonly doc: unknown,
    ) {
      this.room = fakeRoom(doc);
      state.last = this;
    }
    destroy() {}
  }
  return { state, FakeProvider };
});

vi.mock("y-webrtc", () => ({ WebrtcProvider: fake.FakeProvider }));

const conn = (connected = true) => ({ connected, closed: false, peer: { send() {}, destroy() {} } });

let sync: PeerSyncType;
let calls: string[];
let peers: object[];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  vi.stubGlobal("window", new EventTarget());
  const { PeerSync } = await import("../../src/sync/peerSync.ts");
  calls = [];
  peers = [];
  const mux = {
    peerConnected: (id: string, peer: object) => {
      calls.push(`+${id}`);
      peers.push(peer);
    },
    peerLeft: (id: string) => calls.push(`-${id}`),
  } as unknown as DocMux;
  sync = new PeerSync(new Y.Doc(), {
    code: parseShareCode("K7QD3M9XF2PAW8TN")!,
    signalingUrl: "ws://signal.invalid",
    role: "facilitator",
    deviceId: "d1",
    deviceName: "Tablet",
    mux,
  });
});

afterEach(async () => {
  await sync.destroy();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("PeerSync with a DocMux", () => {
  it("tells the mux of connections that open, close, and reopen under the same peer id", async () => {
    const conns = fake.state.last!.room.webrtcConns;
    const first = conn();
    conns.set("p1", first);
    conns.set("p2", conn(false)); // not open yet: not a peer for the mux
    vi.advanceTimersByTime(500);
    expect(calls).toEqual(["+p1"]);
    expect(peers[0]).toBe(first.peer);
    vi.advanceTimersByTime(500);
    expect(calls).toEqual(["+p1"]);

    const again = conn();
    conns.set("p1", again); // reconnected between two polls: same id, new connection
    vi.advanceTimersByTime(500);
    expect(calls).toEqual(["+p1", "-p1", "+p1"]);
    expect(peers[1]).toBe(again.peer);

    conns.delete("p1");
    vi.advanceTimersByTime(500);
    expect(calls).toEqual(["+p1", "-p1", "+p1", "-p1"]);

    conns.set("p3", conn());
    vi.advanceTimersByTime(500);
    await sync.destroy();
    expect(calls.slice(-2)).toEqual(["+p3", "-p3"]);
  });
});

/** A connection whose peer is on simple-peer's (patched) prototype, so frames it receives are seen. */
function realConn() {
  const peer = Object.create(Peer.prototype) as Record<string, unknown> & {
    _onChannelMessage(event: { data: unknown }): void;
  };
  const destroy = vi.fn();
  Object.assign(peer, { destroyed: false, destroying: false, _channel: { send() {} }, push() {}, destroy });
  return { connected: true, closed: false, peer, destroy };
}

describe("PeerSync and a connection on which nothing arrives", () => {
  it("drops it after 3 s, and keeps a connection that was heard from", async () => {
    const conns = fake.state.last!.room.webrtcConns;
    const heard = realConn();
    const silent = realConn();
    conns.set("heard", heard);
    conns.set("silent", silent);
    heard.peer._onChannelMessage({ data: frame(new Uint8Array([0, 0, 0]), 1)[0]!.slice().buffer });
    for (let t = 0; t < 2500; t += 500) vi.advanceTimersByTime(500);
    expect(silent.destroy).not.toHaveBeenCalled();
    for (let t = 0; t < 1500; t += 500) vi.advanceTimersByTime(500);
    expect(silent.destroy).toHaveBeenCalled();
    expect(heard.destroy).not.toHaveBeenCalled();
  });
});
