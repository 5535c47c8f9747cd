// Live sync of one session between tablets: y-webrtc with only our signalling server, presence through
// awareness, a connection status, wrong-key detection, and a re-sync whenever a peer (re)connects.
import type * as Y from "yjs";
import { WebrtcProvider } from "y-webrtc";
import { ObservableV2 } from "lib0/observable";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { installChunking } from "./chunkedPeer.ts";
import { ConnectionHealth } from "./connectionHealth.ts";
import { classifySignal, encryptedAnnounce } from "./keyCheck.ts";
import { RoomWatch } from "./roomWatch.ts";
import { skipEchoes, type EchoingRoom } from "./echoSkip.ts";
import type { Role } from "./deviceSettings.ts";
import type { ShareCode } from "./shareCode.ts";
import type { DocMux } from "./docMux.ts";
import type { PeerGate } from "./peerGate.ts";
import { encodeAwarenessUpdate } from "y-protocols/awareness";

/** "off": this tablet has peer-to-peer sync switched off (device settings). */
export type SyncState = "offline" | "searching" | "connected" | "off";

export interface SyncStatus {
  state: SyncState;
  /** Peers with an open data channel. */
  peers: number;
}

export interface Presence {
  deviceId: string;
  /** The device's member-list id, as it says (peerGate.ts checks it; presence only shows it). */
  key: string;
  name: string;
  role: Role;
  online: boolean;
  self: boolean;
}

export interface PeerSyncOptions {
  code: ShareCode;
  signalingUrl: string;
  role: Role;
  deviceId: string;
  deviceName: string;
  /** This tablet's id in a community's member list (deviceKey.ts), shown to peers beside its name. */
  deviceKey?: string;
  /** Also syncs the community's other documents over this room's connections (docMux.ts). */
  mux?: DocMux;
  /** A community room's access rules: then only verified members count as connected (peerGate.ts). */
  gate?: PeerGate;
}

interface PeerSyncEvents {
  status: (status: SyncStatus) => void;
  presence: (list: Presence[]) => void;
  /**
   * Someone is in the room with a different key and no one with ours was heard (see roomWatch.ts for what
   * an outsider can and cannot fake). At most once per PeerSync.
   */
  wrongKey: () => void;
  /** A peer with our key is in the room but no connection opened for a while: rebuild the provider. */
  stuck: () => void;
}

const MESSAGE_SYNC = 0; // y-webrtc's message type for Yjs sync messages
const MESSAGE_AWARENESS = 1;
const POLL_MS = 500;
/** Peer ids this app used lately: the server may still echo an old room's announce to a rejoined one. */
const ownPeerIds: string[] = [];
const OWN_PEER_IDS_KEPT = 16;

// The parts of y-webrtc's internals we read; they are not in its type declarations.
interface InternalConn {
  connected: boolean;
  closed: boolean;
  peer: { send(data: Uint8Array): void; destroy(): void };
}
interface InternalProvider {
  room: ({ webrtcConns: Map<string, InternalConn>; peerId: string } & EchoingRoom) | null;
  signalingConns: {
    connected: boolean;
    send(message: unknown): void;
    on(ev: "message", fn: (m: unknown) => void): void;
    off(ev: "message", fn: (m: unknown) => void): void;
  }[];
  key: PromiseLike<CryptoKey | null>;
}

/**
 * Connects `doc` to the share code's room. Only the given signalling server is used, with no STUN/TURN:
 * host candidates connect devices on one LAN and nothing leaves it.
 * @example const sync = new PeerSync(doc, { code, signalingUrl, role: "secretary", deviceId, deviceName });
 */
export class PeerSync extends ObservableV2<PeerSyncEvents> {
  readonly provider: WebrtcProvider;
  status: SyncStatus = { state: "searching", peers: 0 };
  private readonly internal: InternalProvider;
  private readonly seen = new Map<string, Presence>();
  private readonly timer: ReturnType<typeof setInterval>;
  private connectedIds = "";
  private readonly watch = new RoomWatch();
  private readonly health = new ConnectionHealth();
  /** The simple-peer instance of each connection the mux was told about, by remote peer id. */
  private readonly muxPeers = new Map<string, object>();
  private destroyed = false;
  private stopSkippingEchoes = () => {};

  constructor(
    doc: Y.Doc,
    private readonly opts: PeerSyncOptions,
  ) {
    super();
    installChunking();
    this.provider = new WebrtcProvider(opts.code.room, doc, {
      signaling: [opts.signalingUrl],
      password: opts.code.key,
      peerOpts: { config: { iceServers: [] } },
    });
    this.internal = this.provider as unknown as InternalProvider;
    // y-webrtc opens its room once the key is derived (its own callback on the key runs before this one).
    void this.internal.key.then(() => {
      if (this.destroyed || !this.internal.room) return;
      this.stopSkippingEchoes = skipEchoes(this.internal.room);
      if (opts.gate) this.gateConnections(this.internal.room.webrtcConns, opts.gate);
    });
    this.provider.awareness.setLocalStateField("device", {
      id: opts.deviceId,
      name: opts.deviceName,
      role: opts.role,
      key: opts.deviceKey ?? "",
    });
    this.provider.awareness.on("change", this.onAwareness);
    for (const conn of this.internal.signalingConns) conn.on("message", this.onSignal);
    this.timer = setInterval(this.poll, POLL_MS);
    window.addEventListener("online", this.poll);
    window.addEventListener("offline", this.poll);
    this.onAwareness();
  }

  /** Sends our state vector to every connected peer so each answers with what we lack (y-webrtc #24). */
  resync(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.provider.doc);
    const message = encoding.toUint8Array(encoder);
    for (const [, conn] of this.openConns()) conn.peer.send(message);
  }

  /**
   * Every connection y-webrtc opens in this room is put under the gate as it is made, before its first
   * message can arrive; a change of a peer's standing is acted on at once.
   */
  private gateConnections(conns: Map<string, InternalConn>, gate: PeerGate): void {
    const set = conns.set.bind(conns);
    const remove = conns.delete.bind(conns);
    conns.set = (id, conn) => {
      gate.attach(conn.peer);
      return set(id, conn);
    };
    conns.delete = (id) => {
      const conn = conns.get(id);
      if (conn) gate.detach(conn.peer);
      return remove(id);
    };
    this.stopGate = gate.onChange(() => this.poll());
  }

  private stopGate = () => {};

  /** Connections open both ways: all open ones, or in a community room the verified members' only. */
  private openConns(): [string, InternalConn][] {
    const open = [...(this.internal.room?.webrtcConns.entries() ?? [])].filter(([, c]) => c.connected);
    const gate = this.opts.gate;
    return gate ? open.filter(([, c]) => gate.roleOf(c.peer) !== null) : open;
  }

  /** Our awareness states to `conns` (y-webrtc sent them on connect, before the gate let anything out). */
  private sendAwareness(conns: InternalConn[]): void {
    const awareness = this.provider.awareness;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
    const message = encoding.toUint8Array(encoder);
    for (const conn of conns) conn.peer.send(message);
  }

  private readonly poll = (): void => {
    if (this.destroyed) return;
    this.health.check(this.internal.room?.webrtcConns.values() ?? []);
    const conns = this.openConns();
    const ids = conns
      .map(([id]) => id)
      .sort()
      .join();
    if (ids !== this.connectedIds) {
      // A peer came (back): both sides exchange state vectors again, so nothing stays one-way.
      if (conns.length > 0) this.resync();
      if (this.opts.gate) this.sendAwareness(conns.map(([, c]) => c));
      this.connectedIds = ids;
    }
    this.tellMux(conns);
    this.rememberPeerId();
    const verdict = this.watch.poll(this.opts.gate ? this.openCount() : conns.length);
    if (verdict.wrongKey) this.emit("wrongKey", []);
    if (verdict.stuck) this.emit("stuck", []);
    const signalingUp = this.internal.signalingConns.some((c) => c.connected);
    const online = typeof navigator === "undefined" || navigator.onLine !== false;
    const state: SyncState = conns.length > 0 ? "connected" : online && signalingUp ? "searching" : "offline";
    if (state !== this.status.state || conns.length !== this.status.peers) {
      this.status = { state, peers: conns.length };
      this.emit("status", [this.status]);
    }
  };

  // Compared by peer object, not id: a peer that reconnected between two polls has the same id and a new
  // connection, which needs a digest exchange of its own.
  private tellMux(conns: [string, InternalConn][]): void {
    const mux = this.opts.mux;
    if (!mux) return;
    const now = new Map(conns.map(([id, conn]) => [id, conn.peer as object]));
    for (const [id, peer] of this.muxPeers) {
      if (now.get(id) === peer) continue;
      this.muxPeers.delete(id);
      mux.peerLeft(id);
    }
    for (const [id, peer] of now) {
      if (this.muxPeers.has(id)) continue;
      this.muxPeers.set(id, peer);
      mux.peerConnected(id, peer);
    }
  }

  private openCount(): number {
    return [...(this.internal.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length;
  }

  private rememberPeerId(): void {
    const id = this.internal.room?.peerId;
    if (!id || ownPeerIds.includes(id)) return;
    ownPeerIds.push(id);
    if (ownPeerIds.length > OWN_PEER_IDS_KEPT) ownPeerIds.shift();
  }

  private readonly isOwn = (peerId: string): boolean =>
    peerId === this.internal.room?.peerId || ownPeerIds.includes(peerId);

  // y-webrtc silently drops what it cannot decrypt, so a wrong key looks like an empty room. We classify
  // each message of our room and let RoomWatch decide (roomWatch.ts says what an outsider can fake): a
  // well-formed envelope our key cannot decrypt is answered, rate-limited, with an announce of our own (so
  // a device with another key sees one it cannot read either). This runs inside the signalling socket's
  // message event, shared with y-webrtc's own handler: nothing here may throw or leave a rejection.
  private readonly onSignal = (m: unknown): void => {
    try {
      if (this.destroyed || typeof m !== "object" || m === null) return;
      const { type, topic, data, clients } = m as Record<string, unknown>;
      if (type !== "publish" || topic !== this.opts.code.room) return;
      void this.onRoomMessage(data, clients).catch(() => {});
    } catch {
      // A hostile object (a throwing getter) is junk like any other.
    }
  };

  private async onRoomMessage(data: unknown, clients: unknown): Promise<void> {
    const key = await this.internal.key;
    if (!key || this.destroyed) return;
    const kind = await classifySignal(data, key, this.isOwn);
    if (this.destroyed) return;
    const room = this.internal.room;
    if (!this.watch.message(kind, typeof clients === "number" ? clients : undefined) || !room) return;
    const announce = await encryptedAnnounce(room.peerId, key);
    for (const conn of this.internal.signalingConns) {
      if (conn.connected) conn.send({ type: "publish", topic: this.opts.code.room, data: announce });
    }
  }

  private readonly onAwareness = (): void => {
    const awareness = this.provider.awareness;
    const online = new Set<string>();
    for (const [clientId, state] of awareness.getStates()) {
      const device = (state as { device?: { id?: unknown; name?: unknown; role?: unknown; key?: unknown } })
        .device;
      if (!device || typeof device.id !== "string") continue;
      online.add(device.id);
      this.seen.set(device.id, {
        deviceId: device.id,
        key: typeof device.key === "string" ? device.key.slice(0, 100) : "",
        name: typeof device.name === "string" ? device.name.slice(0, 60) : "",
        role: device.role === "secretary" || device.role === "display" ? device.role : "facilitator",
        online: true,
        self: clientId === awareness.clientID,
      });
    }
    for (const p of this.seen.values()) if (!online.has(p.deviceId)) p.online = false;
    this.emit("presence", [[...this.seen.values()].map((p) => ({ ...p }))]);
  };

  /** Leaves the room; resolves once y-webrtc has released it, so the same room can be joined again at once. */
  override async destroy(): Promise<void> {
    this.destroyed = true;
    clearInterval(this.timer);
    this.stopGate();
    window.removeEventListener("online", this.poll);
    window.removeEventListener("offline", this.poll);
    this.provider.awareness.off("change", this.onAwareness);
    for (const conn of this.internal.signalingConns) conn.off("message", this.onSignal);
    for (const id of this.muxPeers.keys()) this.opts.mux?.peerLeft(id);
    this.muxPeers.clear();
    this.provider.destroy();
    await this.internal.key;
    this.stopSkippingEchoes();
    await new Promise((resolve) => setTimeout(resolve, 0));
    super.destroy();
  }
}
