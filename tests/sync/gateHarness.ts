// Two ends of a fake data channel through the patched simple-peer prototype, each end under a PeerGate of
// its own tablet: what a test sends on one end arrives at the other only as the gates allow.
import * as Y from "yjs";
import Peer from "simple-peer/simplepeer.min.js";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { installChunking, onMuxMessage } from "../../src/sync/chunkedPeer.ts";
import { newDeviceIdentity, type DeviceIdentity } from "../../src/sync/deviceKey.ts";
import { PeerGate, type RoomAccess } from "../../src/sync/peerGate.ts";
import { admitMember, memberRole, memberRoots, type MemberRole } from "../../src/doc/community/members.ts";

export interface FakePeer {
  wire: Uint8Array[];
  pushed: Uint8Array[];
  mux: Uint8Array[];
  send(data: Uint8Array): void;
  _onChannelMessage(event: { data: unknown }): void;
}

let fingerprints = 0;
const fingerprint = () => {
  const hex = (++fingerprints).toString(16).padStart(64, "0").toUpperCase();
  return `sha-256 ${hex.match(/.{2}/g)!.join(":")}`;
};

/** Both ends of one connection: `a` is tablet A's simple-peer instance, `b` tablet B's. */
export function fakeConnection(): { a: FakePeer; b: FakePeer } {
  installChunking();
  const [fa, fb] = [fingerprint(), fingerprint()];
  const make = (local: string, remote: string) => {
    const peer = Object.create(Peer.prototype) as FakePeer & Record<string, unknown>;
    Object.assign(peer, {
      destroyed: false,
      destroying: false,
      _connected: true,
      wire: [],
      pushed: [],
      mux: [],
      once: () => {},
      _pc: {
        localDescription: { sdp: `v=0\r\na=fingerprint:${local}\r\n` },
        remoteDescription: { sdp: `v=0\r\na=fingerprint:${remote}\r\n` },
      },
      _channel: { readyState: "open", send: (f: Uint8Array) => peer.wire.push(f.slice()) },
      push: (d: Uint8Array) => peer.pushed.push(new Uint8Array(d)),
      destroy: () => {},
    });
    onMuxMessage(peer, (m) => peer.mux.push(m));
    return peer;
  };
  return { a: make(fa, fb), b: make(fb, fa) };
}

/** Hands every frame one end wrote to the other, both ways, until nothing moves (gates verify async). */
export async function pump(conn: { a: FakePeer; b: FakePeer }): Promise<void> {
  for (let quiet = 0; quiet < 5;) {
    const moved = conn.a.wire.length + conn.b.wire.length;
    for (const f of conn.a.wire.splice(0)) conn.b._onChannelMessage({ data: f.slice().buffer });
    for (const f of conn.b.wire.splice(0)) conn.a._onChannelMessage({ data: f.slice().buffer });
    await new Promise((r) => setTimeout(r, 5));
    quiet = moved === 0 ? quiet + 1 : 0;
  }
}

export interface Tablet {
  identity: DeviceIdentity;
  doc: Y.Doc;
  gate: PeerGate;
  strangers: string[];
  told: string[];
}

/** A tablet of community "c1" whose gate reads the member list of its own `doc`. */
export async function tablet(opts: Partial<RoomAccess> & { name?: string } = {}): Promise<Tablet> {
  const { identity } = await newDeviceIdentity();
  const doc = new Y.Doc();
  const strangers: string[] = [];
  const told: string[] = [];
  const members = memberRoots(doc);
  const gate = new PeerGate({
    room: "c1",
    identity,
    name: opts.name ?? "tablet",
    roleOf: (device) => memberRole(doc, device),
    onMembersChange: (fn) => {
      const observe = () => fn();
      members.members.observe(observe);
      members.removedMembers.observe(observe);
      return () => {
        members.members.unobserve(observe);
        members.removedMembers.unobserve(observe);
      };
    },
    invitationSecret: () => null,
    admit: () => null,
    onStranger: (device) => strangers.push(device),
    onTell: (field, value) => told.push(`${field}=${value}`),
    ...opts,
  });
  return { identity, doc, gate, strangers, told };
}

/** Lists `who` in `on`'s member list with `role`. */
export function list(on: Tablet, who: Tablet, role: MemberRole): void {
  admitMember(on.doc, { device: who.identity.id, role, name: "t", by: on.identity.id });
}

/** A y-webrtc sync message: an update of one map entry (a change) or a step 1 (a request). */
export function yUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("m").set("k", "forged");
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}
export function yStep1(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encoding.toUint8Array(e);
}
