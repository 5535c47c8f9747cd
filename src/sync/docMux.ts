// Syncs every document of a community over the connections of its one y-webrtc room (see muxProtocol.ts).
//
// On a new connection each side sends the digests of all its documents; for each accepted name whose digest
// differs (or that only the peer holds) the receiver sends a y-protocols step1, answered with a step2. Live
// local updates go to every connected peer; a live update received from a peer is passed on to the other
// peers (as y-webrtc does), for a mesh where two tablets could not connect directly. Work is done a few
// documents at a time, yielding to the event loop between batches, and is bounded per peer.
import * as Y from "yjs";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import { onMuxMessage, sendMux } from "./chunkedPeer.ts";
import { waitingBytes } from "./chunkDrain.ts";
import {
  EMPTY_STATE_VECTOR,
  MAX_NAME_CHARS,
  decodeMuxMessage,
  encodeDigests,
  encodeSync,
  type MuxMessage,
} from "./muxProtocol.ts";
import { PeerWork, type WorkLimits } from "./muxQueue.ts";
import type { DocMuxOptions, DocMuxStats, DocSource, MuxTransport } from "./docSource.ts";

export { docDigest } from "./muxProtocol.ts";
export type { DocMuxOptions, DocMuxStats, DocSource, MuxTransport } from "./docSource.ts";

type Task = { kind: "message"; bytes: Uint8Array } | { kind: "step1"; name: string; held: boolean };

interface PeerState {
  id: string;
  peer: object;
  unlisten: () => void;
  work: PeerWork<Task>;
  closed: boolean;
}

const defaultTransport: MuxTransport = {
  send: sendMux,
  listen: onMuxMessage,
  // simple-peer's bufferedAmount, and what waits for it to drain (chunkDrain.ts)
  buffered: (peer) => ((peer as { bufferSize?: number }).bufferSize ?? 0) + waitingBytes(peer),
};

/** True for the origin of a transaction a DocMux applied (a DocSource stores those but does not echo them). */
export function isMuxOrigin(origin: unknown): boolean {
  return origin instanceof DocMux;
}

/**
 * One per community room. PeerSync (with the `mux` option) reports its peers; the source supplies documents.
 * @example const mux = new DocMux(source); new PeerSync(workspaceDoc, { ...opts, mux });
 */
export class DocMux {
  readonly stats: DocMuxStats = {
    received: 0,
    ignored: 0,
    applied: 0,
    rejected: 0,
    dropped: 0,
    sent: 0,
    sendFailures: 0,
    sourceErrors: 0,
    slices: 0,
    longestSliceMs: 0,
    throttled: 0,
  };
  private readonly peers = new Map<string, PeerState>();
  private readonly transport: MuxTransport;
  private readonly limits: WorkLimits;
  private readonly unsubscribe: () => void;
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private destroyed = false;

  constructor(
    private readonly source: DocSource,
    opts: DocMuxOptions = {},
  ) {
    this.transport = opts.transport ?? defaultTransport;
    this.limits = {
      batch: opts.batch ?? 4,
      budgetMs: opts.budgetMs ?? 8,
      maxBufferedBytes: opts.maxBufferedBytes ?? 1024 * 1024,
      maxQueued: opts.maxQueued ?? 50_000,
      maxQueuedBytes: opts.maxQueuedBytes ?? 64 * 1024 * 1024,
    };
    this.unsubscribe = source.onLocalUpdate(this.onLocalUpdate);
  }

  /** The origin of every transaction this mux applies. */
  get origin(): object {
    return this;
  }

  /** A connection to peer `id` opened (`peer` is its simple-peer instance): exchange digests. */
  peerConnected(id: string, peer: object): void {
    if (this.destroyed) return;
    const known = this.peers.get(id);
    if (known?.peer === peer) return;
    if (known) this.peerLeft(id);
    const state: PeerState = { id, peer, unlisten: () => {}, work: null!, closed: false };
    state.work = new PeerWork<Task>(this.limits, this.stats, {
      run: (task) => this.runTask(state, task),
      size: (task) => (task.kind === "message" ? task.bytes.length : 0),
      key: (task) => (task.kind === "step1" ? task.name : undefined),
      backlog: () => this.transport.buffered?.(peer) ?? 0,
      start: (loop) => void this.track(loop),
      // What was dropped is recovered by a fresh digest exchange, asked for once the queue has drained.
      afterOverflow: () => void this.sendDigests(state, true),
    });
    this.peers.set(id, state);
    try {
      state.unlisten = this.transport.listen(peer, (bytes) => this.receive(state, bytes));
    } catch {
      this.stats.sendFailures++;
    }
    void this.sendDigests(state, false);
  }

  /** The connection to peer `id` closed: its pending work is dropped. */
  peerLeft(id: string): void {
    const state = this.peers.get(id);
    if (!state) return;
    this.peers.delete(id);
    state.closed = true;
    state.work.close();
    try {
      state.unlisten();
    } catch {
      // Nothing to undo.
    }
  }

  /**
   * Compares digests with every connected peer again (asking each to answer with its own), so documents
   * that appeared since the connection opened (a session made after pairing) are exchanged too.
   */
  refresh(): void {
    for (const state of this.peers.values()) if (!state.closed) void this.sendDigests(state, true);
  }

  /** Resolves once no peer has work queued or running (messages still on the wire are not counted). */
  whenIdle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  destroy(): void {
    this.destroyed = true;
    this.unsubscribe();
    for (const id of [...this.peers.keys()]) this.peerLeft(id);
  }

  private readonly onLocalUpdate = (name: string, update: Uint8Array): void => {
    try {
      if (this.peers.size === 0 || !this.accepts(name)) return;
      const message = encodeSync(name, messageYjsUpdate, update);
      for (const state of this.peers.values()) this.send(state, message);
    } catch {
      // Called from the source's update handler: never throw into it.
    }
  };

  private accepts(name: string): boolean {
    try {
      return name.length > 0 && name.length <= MAX_NAME_CHARS && this.source.accepts(name);
    } catch {
      this.stats.sourceErrors++;
      return false;
    }
  }

  private send(state: PeerState, bytes: Uint8Array): void {
    if (state.closed) return;
    try {
      this.transport.send(state.peer, bytes);
      this.stats.sent++;
    } catch {
      this.stats.sendFailures++;
    }
  }

  private async track<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy++;
    try {
      return await work();
    } catch {
      this.stats.sourceErrors++;
      return undefined;
    } finally {
      if (--this.busy === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private sendDigests(state: PeerState, reply: boolean): Promise<void> {
    return this.track(async () => {
      const digests = await this.source.digests();
      this.send(state, encodeDigests(digests, reply));
    }) as Promise<void>;
  }

  private receive(state: PeerState, bytes: Uint8Array): void {
    if (state.closed) return;
    this.stats.received++;
    state.work.push({ kind: "message", bytes });
  }

  private async runTask(state: PeerState, task: Task): Promise<void> {
    if (task.kind === "step1") {
      const sv = task.held
        ? await this.source.withDoc(task.name, (doc) => Y.encodeStateVector(doc))
        : EMPTY_STATE_VECTOR;
      this.send(state, encodeSync(task.name, messageYjsSyncStep1, sv));
      return;
    }
    let message: MuxMessage;
    try {
      message = decodeMuxMessage(task.bytes);
    } catch {
      this.stats.ignored++;
      return;
    }
    if (message.type === "unknown") this.stats.ignored++;
    else if (message.type === "digests") await this.onDigests(state, message.digests, message.reply);
    else if (!this.accepts(message.name)) this.stats.ignored++;
    else if (message.step === messageYjsSyncStep1) await this.onStep1(state, message.name, message.payload);
    else await this.onUpdate(state, message.name, message.payload, message.step === messageYjsUpdate);
  }

  private async onDigests(state: PeerState, theirs: Map<string, string>, reply: boolean): Promise<void> {
    if (reply) void this.sendDigests(state, false);
    const ours = await this.source.digests();
    for (const [name, digest] of theirs) {
      if (state.closed) return;
      const own = ours.get(name);
      if (own === digest) continue;
      if (!this.accepts(name)) {
        this.stats.ignored++;
        continue;
      }
      // What only we hold, the peer asks for with its own step1; the rest we ask for here.
      state.work.push({ kind: "step1", name, held: own !== undefined });
    }
  }

  private async onStep1(state: PeerState, name: string, stateVector: Uint8Array): Promise<void> {
    const answer = await this.source.withDoc(name, (doc) => {
      try {
        return Y.encodeStateAsUpdate(doc, stateVector);
      } catch {
        return null;
      }
    });
    if (answer) this.send(state, encodeSync(name, messageYjsSyncStep2, answer));
    else this.stats.ignored++;
  }

  private async onUpdate(state: PeerState, name: string, update: Uint8Array, live: boolean): Promise<void> {
    const changes = await this.source.withDoc(name, (doc) => this.apply(doc, update));
    if (!live || changes.length === 0) return;
    for (const other of this.peers.values()) {
      if (other === state) continue;
      for (const change of changes) this.send(other, encodeSync(name, messageYjsUpdate, change));
    }
  }

  /** Applies a decoded, validated update; returns the changes it made (none when it was already known). */
  private apply(doc: Y.Doc, update: Uint8Array): Uint8Array[] {
    const changes: Uint8Array[] = [];
    const capture = (change: Uint8Array, origin: unknown) => {
      if (origin === this) changes.push(change);
    };
    doc.on("update", capture);
    try {
      Y.applyUpdate(doc, update, this);
    } catch {
      // decodeMuxMessage read the whole update, so Yjs should not throw here; if it does (an update that
      // parses but cannot integrate), what it integrated before throwing stays: Yjs has no rollback.
      this.stats.rejected++;
    } finally {
      doc.off("update", capture);
    }
    if (changes.length > 0) this.stats.applied++;
    return changes;
  }
}
