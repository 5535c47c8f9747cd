// Who may do what on each data channel of a community room, enforced where messages arrive and leave
// (chunkedPeer.ts calls this filter for every message). Until a peer's HELLO is verified (peerAuth.ts) it
// gets nothing and what it sends is held; then, by the community's member list:
// - staff: everything passes both ways;
// - display: it is sent everything and may send only requests (y-webrtc sync step 1, awareness, a query
//   for awareness; mux digests and step 1), never an update;
// - a stranger or a removed tablet: nothing either way.
// A change to the member list re-applies this at once to every open channel.
import * as decoding from "lib0/decoding";
import { deliver, sendMux, setPeerFilter, type Unframed } from "./chunkedPeer.ts";
import { verifyDevice, type DeviceIdentity } from "./deviceKey.ts";
import type { MemberRole } from "../doc/community/members.ts";
import {
  decodeAuth,
  encodeAuth,
  invitationProof,
  isAuthMessage,
  sameBytes,
  sdpFingerprint,
  transcript,
  type AuthMessage,
} from "./peerAuth.ts";

export interface RoomAccess {
  /** The room's topic: what each HELLO signs besides the connection (both ends know it before pairing). */
  room: string;
  identity: DeviceIdentity;
  name: string;
  /** A device's role now (null: a stranger or removed); `proved`: it proved an invitation on this channel. */
  roleOf(device: string, proved?: boolean): MemberRole | null;
  /** Subscribes to changes of the member list. */
  onMembersChange(fn: () => void): () => void;
  /** Set while this tablet pairs with an invitation: it trusts the tablet proving the same secret. */
  pairing?: { invitation: string; secret: Uint8Array };
  /** The secret of invitation `id` if this tablet made it and it may still admit `device`. */
  invitationSecret(id: string, device: string): Uint8Array | null;
  /** Admits `device`, which proved invitation `id`: its role, or null when refused. */
  admit(device: string, name: string, id: string): MemberRole | null;
  /** A tablet with the room key but not on the list asked in (for staff to admit or not). */
  onStranger?(device: string, name: string): void;
  /** A staff tablet told `field`. */
  onTell?(field: string, value: string, device: string): void;
}

type Status = "pending" | MemberRole | "refused";

interface Channel {
  status: Status;
  device: string | null;
  name: string;
  /** Trusted as staff for this pairing only (it proved the invitation's secret). */
  inviter: boolean;
  /** It proved the secret of an invitation this tablet holds, on this very connection. */
  proved: boolean;
  held: Unframed[];
  heldBytes: number;
  helloSent: boolean;
}

const MAX_HELD = 256;
const MAX_HELD_BYTES = 16 * 1024 * 1024;
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const MUX_DIGESTS = 0;
const MUX_SYNC = 1;

interface PeerLike {
  connected?: boolean;
  destroyed?: boolean;
  once(event: "connect", fn: () => void): void;
  _pc?: { localDescription?: { sdp?: string } | null; remoteDescription?: { sdp?: string } | null };
}

const gates = new WeakMap<object, PeerGate>();

/** True when a message from a display may pass: a request for state, never a change. */
export function isRequestOnly(message: Unframed): boolean {
  try {
    const d = decoding.createDecoder(message.data);
    const type = decoding.readVarUint(d);
    if (!message.mux) {
      if (type === MESSAGE_AWARENESS || type === MESSAGE_QUERY_AWARENESS) return true;
      return type === MESSAGE_SYNC && decoding.readVarUint(d) === SYNC_STEP1;
    }
    if (type === MUX_DIGESTS) return true;
    if (type !== MUX_SYNC) return false;
    decoding.readVarString(d);
    return decoding.readVarUint(d) === SYNC_STEP1;
  } catch {
    return false;
  }
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  setPeerFilter({
    send: (peer, mux, data) => gates.get(peer)?.maySend(peer, mux, data) ?? true,
    receive: (peer, message) => gates.get(peer)?.receive(peer, message) ?? true,
  });
}

/** The access rules of one community room (one per PeerSync of a community). */
export class PeerGate {
  private readonly channels = new Map<object, Channel>();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly access: RoomAccess) {
    install();
    this.unsubscribe = access.onMembersChange(() => this.reapply());
  }

  /** A new connection of the room (its simple-peer instance): checked from its first message. */
  attach(peer: object): void {
    if (this.channels.has(peer)) return;
    const channel: Channel = {
      status: "pending",
      device: null,
      name: "",
      inviter: false,
      proved: false,
      held: [],
      heldBytes: 0,
      helloSent: false,
    };
    this.channels.set(peer, channel);
    gates.set(peer, this);
    const p = peer as PeerLike;
    if (p.connected) void this.sendHello(peer, channel);
    else p.once("connect", () => void this.sendHello(peer, channel));
  }

  /** Whether `peer` is a member whose channel is open both ways (staff or display). */
  roleOf(peer: object): MemberRole | null {
    const status = this.channels.get(peer)?.status;
    return status === "staff" || status === "display" ? status : null;
  }

  /** The device id a peer proved (null until verified). */
  deviceOf(peer: object): string | null {
    return this.channels.get(peer)?.device ?? null;
  }

  /** Called when a peer's status changes. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Sends `field` to verified staff peers only. */
  tellStaff(field: string, value: string): void {
    const message = encodeAuth({ kind: "tell", field, value });
    for (const [peer, channel] of this.channels) if (channel.status === "staff") this.sendAuth(peer, message);
  }

  detach(peer: object): void {
    this.channels.delete(peer);
    if (gates.get(peer) === this) gates.delete(peer);
  }

  destroy(): void {
    this.unsubscribe();
    for (const peer of [...this.channels.keys()]) this.detach(peer);
    this.listeners.clear();
  }

  maySend(peer: object, mux: boolean, data: Uint8Array): boolean {
    if (mux && isAuthMessage(data)) return true;
    return this.roleOf(peer) !== null;
  }

  /** True to pass the message on now; false when it was handled, held or dropped here. */
  receive(peer: object, message: Unframed): boolean {
    const channel = this.channels.get(peer);
    if (!channel) return false;
    if (message.mux && isAuthMessage(message.data)) {
      void this.onAuth(peer, channel, message.data).catch(() => {});
      return false;
    }
    if (channel.status === "pending") {
      const fits =
        channel.held.length < MAX_HELD && channel.heldBytes + message.data.length <= MAX_HELD_BYTES;
      if (fits) {
        channel.held.push(message);
        channel.heldBytes += message.data.length;
      }
      return false;
    }
    return this.passes(channel, message);
  }

  private passes(channel: Channel, message: Unframed): boolean {
    if (channel.status === "staff") return true;
    return channel.status === "display" && isRequestOnly(message);
  }

  private fingerprints(peer: object): { local: string; remote: string } | null {
    const pc = (peer as PeerLike)._pc;
    const local = sdpFingerprint(pc?.localDescription?.sdp);
    const remote = sdpFingerprint(pc?.remoteDescription?.sdp);
    return local && remote ? { local, remote } : null;
  }

  private sendAuth(peer: object, bytes: Uint8Array): void {
    try {
      sendMux(peer, bytes);
    } catch {
      // A closed channel: its peer is gone.
    }
  }

  private async sendHello(peer: object, channel: Channel): Promise<void> {
    const fps = this.fingerprints(peer);
    if (!fps || channel.helloSent || !this.channels.has(peer)) return;
    channel.helloSent = true;
    const { room, identity, name, pairing } = this.access;
    const signed = transcript(room, fps.local, fps.remote);
    const signature = await identity.sign(signed);
    const proof = pairing ? await invitationProof(pairing.secret, "invitee", signed) : new Uint8Array();
    const invitation = pairing?.invitation ?? "";
    this.sendAuth(
      peer,
      encodeAuth({ kind: "hello", device: identity.id, name, signature, invitation, proof }),
    );
  }

  private async onAuth(peer: object, channel: Channel, bytes: Uint8Array): Promise<void> {
    let message: AuthMessage;
    try {
      message = decodeAuth(bytes);
    } catch {
      return this.settle(peer, channel, "refused");
    }
    const fps = this.fingerprints(peer);
    if (!fps) return;
    if (message.kind === "hello") return this.onHello(peer, channel, message, fps);
    if (message.kind === "inviter") {
      const pairing = this.access.pairing;
      if (!pairing || message.invitation !== pairing.invitation || channel.device === null) return;
      const expected = await invitationProof(pairing.secret, "inviter", this.theirs(fps));
      if (!sameBytes(expected, message.proof)) return;
      channel.inviter = true;
      return this.settle(peer, channel, this.statusOf(channel));
    }
    if (channel.status === "staff" && channel.device)
      this.access.onTell?.(message.field, message.value, channel.device);
  }

  /** The transcript as the peer signed it: its end first. */
  private theirs(fps: { local: string; remote: string }): Uint8Array {
    return transcript(this.access.room, fps.remote, fps.local);
  }

  private async onHello(
    peer: object,
    channel: Channel,
    hello: Extract<AuthMessage, { kind: "hello" }>,
    fps: { local: string; remote: string },
  ): Promise<void> {
    if (channel.device !== null) return; // one HELLO per connection
    const signed = this.theirs(fps);
    if (!(await verifyDevice(hello.device, signed, hello.signature)))
      return this.settle(peer, channel, "refused");
    channel.device = hello.device;
    channel.name = hello.name;
    if (hello.invitation) await this.onInvitation(peer, channel, hello, signed);
    const status = this.statusOf(channel);
    if (status === "refused" && !this.access.pairing) this.access.onStranger?.(hello.device, hello.name);
    this.settle(peer, channel, status);
  }

  /** A newcomer named an invitation: admitted if it proves this tablet's secret, then told who admitted it. */
  private async onInvitation(
    peer: object,
    channel: Channel,
    hello: Extract<AuthMessage, { kind: "hello" }>,
    signed: Uint8Array,
  ) {
    const secret = this.access.invitationSecret(hello.invitation, hello.device);
    if (!secret) return;
    const expected = await invitationProof(secret, "invitee", signed);
    if (!sameBytes(expected, hello.proof)) return;
    channel.proved = true;
    if (this.access.roleOf(hello.device) === null)
      this.access.admit(hello.device, hello.name, hello.invitation);
    const fps = this.fingerprints(peer);
    if (!fps) return;
    const mine = transcript(this.access.room, fps.local, fps.remote);
    const proof = await invitationProof(secret, "inviter", mine);
    this.sendAuth(peer, encodeAuth({ kind: "inviter", invitation: hello.invitation, proof }));
  }

  private statusOf(channel: Channel): Status {
    if (channel.device === null) return channel.status === "refused" ? "refused" : "pending";
    return this.access.roleOf(channel.device, channel.proved) ?? (channel.inviter ? "staff" : "refused");
  }

  private settle(peer: object, channel: Channel, status: Status): void {
    const changed = channel.status !== status;
    channel.status = status;
    if (status !== "pending") {
      const held = channel.held;
      channel.held = [];
      channel.heldBytes = 0;
      for (const m of held) if (this.passes(channel, m)) deliver(peer, m);
    }
    if (changed) for (const fn of this.listeners) fn();
  }

  private reapply(): void {
    for (const [peer, channel] of this.channels) {
      if (channel.device !== null) this.settle(peer, channel, this.statusOf(channel));
    }
  }
}
