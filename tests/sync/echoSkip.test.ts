// A real y-webrtc room (no signalling server) with fake connections on the patched simple-peer prototype:
// an update applied from a peer's message goes to the other peers only, unless it carries more than that
// peer sent (structs Yjs held pending) or is a local edit made while the message was applied.
import Peer from "simple-peer/simplepeer.min.js";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import { WebrtcProvider } from "y-webrtc";
import { afterEach, describe, expect, it } from "vitest";
import { frame, installChunking, unframe } from "../../src/sync/chunkedPeer.ts";
import { skipEchoes, type EchoingRoom } from "../../src/sync/echoSkip.ts";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

interface FakePeer {
  /** The Yjs updates this connection was sent. */
  updates: Uint8Array[];
  /** The awareness updates it was sent. */
  presence: Uint8Array[];
  _onChannelMessage(event: { data: unknown }): void;
}

type Room = EchoingRoom & { webrtcConns: Map<string, { peer: object; destroy(): void }> };

/** A connection of `room`: its channel records what is sent; what arrives is read as y-webrtc reads it. */
function connect(room: Room, id: string): FakePeer {
  installChunking();
  const peer = Object.create(Peer.prototype) as FakePeer & Record<string, unknown>;
  Object.assign(peer, {
    destroyed: false,
    destroying: false,
    updates: [],
    presence: [],
    _channel: {
      send: (f: Uint8Array) => {
        const decoder = decoding.createDecoder(unframe(peer as never, f.slice())!);
        const type = decoding.readVarUint(decoder);
        if (type === MESSAGE_AWARENESS) peer.presence.push(decoding.readVarUint8Array(decoder));
        if (type !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return;
        peer.updates.push(decoding.readVarUint8Array(decoder));
      },
    },
    // y-webrtc's WebrtcConn: a sync message is applied with the room as origin.
    push: (data: Uint8Array) => {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC)
        syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), room.doc, room);
      if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), room);
      }
    },
  });
  room.webrtcConns.set(id, { peer, destroy() {} });
  return peer;
}

/** A y-webrtc message as it arrives from `peer`'s data channel. */
function arrive(peer: FakePeer, write: (encoder: encoding.Encoder) => void): void {
  const encoder = encoding.createEncoder();
  write(encoder);
  const [f] = frame(encoding.toUint8Array(encoder), 1);
  peer._onChannelMessage({ data: f!.slice().buffer });
}

/** A Yjs update from `peer`. */
const receive = (peer: FakePeer, update: Uint8Array) =>
  arrive(peer, (encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
  });

/** One edit of a remote tablet, as the update it sends. */
function remoteEdit(doc: Y.Doc, key: string): Uint8Array {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  doc.on("update", capture);
  doc.getMap("m").set(key, key);
  doc.off("update", capture);
  return update!;
}

const keysIn = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return [...doc.getMap("m").keys()].sort();
};

let provider: WebrtcProvider | null = null;
afterEach(() => {
  provider?.destroy();
  provider = null;
});

async function openRoom(): Promise<{ doc: Y.Doc; room: Room; stop: () => void }> {
  const doc = new Y.Doc();
  provider = new WebrtcProvider(`echo-test-${Math.random()}`, doc, { signaling: [] });
  await (provider as unknown as { key: PromiseLike<unknown> }).key;
  const room = (provider as unknown as { room: Room }).room;
  return { doc, room, stop: skipEchoes(room) };
}

describe("skipEchoes", () => {
  it("passes an update applied from a peer on to the other peers, not back to it", async () => {
    const { doc, room } = await openRoom();
    const p = connect(room, "p");
    const q = connect(room, "q");
    receive(p, remoteEdit(new Y.Doc(), "from-p"));
    expect(doc.getMap("m").get("from-p")).toBe("from-p");
    expect(keysIn(q.updates)).toEqual(["from-p"]);
    expect(p.updates).toEqual([]);
  });

  it("sends a local edit to every peer", async () => {
    const { doc, room } = await openRoom();
    const p = connect(room, "p");
    const q = connect(room, "q");
    doc.getMap("m").set("local", "local");
    expect(keysIn(p.updates)).toEqual(["local"]);
    expect(keysIn(q.updates)).toEqual(["local"]);
  });

  it("sends the sender what its message released from Yjs's pending structs", async () => {
    const { doc, room } = await openRoom();
    const p = connect(room, "p");
    const q = connect(room, "q");
    const remote = new Y.Doc();
    const first = remoteEdit(remote, "first");
    const second = remoteEdit(remote, "second"); // depends on the first: held pending without it
    receive(q, second);
    expect(doc.getMap("m").has("second")).toBe(false);
    receive(p, first);
    expect([...doc.getMap("m").keys()].sort()).toEqual(["first", "second"]);
    // p sent only the first; the update carries q's second too, so p is sent it.
    expect(keysIn(p.updates)).toEqual(["first", "second"]);
  });

  it("sends the sender a local edit made while its message was applied", async () => {
    const { doc, room } = await openRoom();
    const p = connect(room, "p");
    const map = doc.getMap("m");
    map.observe(() => {
      if (!map.has("answer")) map.set("answer", "answer");
    });
    receive(p, remoteEdit(new Y.Doc(), "question"));
    expect(keysIn(p.updates)).toEqual(["answer"]);
  });

  it("passes a peer's presence on to the other peers, not back to it; ours goes to all", async () => {
    const { room } = await openRoom();
    const p = connect(room, "p");
    const q = connect(room, "q");
    const theirs = new awarenessProtocol.Awareness(new Y.Doc());
    theirs.setLocalStateField("device", { name: "书记平板" });
    const clientId = theirs.clientID;
    arrive(p, (encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(theirs, [clientId]));
    });
    expect(room.awareness.getStates().get(clientId)).toEqual({ device: { name: "书记平板" } });
    expect(q.presence.length).toBe(1);
    expect(p.presence).toEqual([]);
    room.awareness.setLocalStateField("device", { name: "主持人平板" });
    expect(p.presence.length).toBe(1);
    expect(q.presence.length).toBe(2);
    theirs.destroy();
  });

  it("keeps skipping after the room reconnects, and echoes again once stopped", async () => {
    const { room, stop } = await openRoom();
    const p = connect(room, "p");
    const q = connect(room, "q");
    const r = room as unknown as { disconnect(): void; connect(): void };
    r.disconnect();
    r.connect();
    receive(p, remoteEdit(new Y.Doc(), "after-reconnect"));
    expect(p.updates).toEqual([]);
    expect(keysIn(q.updates)).toEqual(["after-reconnect"]);
    stop();
    receive(p, remoteEdit(new Y.Doc(), "after-stop"));
    expect(keysIn(p.updates)).toEqual(["after-stop"]);
  });
});
