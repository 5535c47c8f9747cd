// What DocMux needs from the app (a DocSource over stored and open documents) and what it reports.
import type * as Y from "yjs";

export interface DocSource {
  /**
   * Names of the documents this tablet holds for the community, with a digest of each one's state
   * (`docDigest`). It must reflect every update made before the call, local or from the mux: a stale digest
   * equal to the peer's hides a difference until the next connection.
   */
  digests(): Promise<Map<string, string>>;
  /** True for a name the community may hold (e.g. "session/<id>"); anything else a peer names is ignored. */
  accepts(name: string): boolean;
  /**
   * Runs `fn` with document `name` (open on screen, or loaded from storage and kept until released; created
   * empty when new and accepted). Updates applied with origin `origin` (the DocMux itself: `isMuxOrigin`)
   * are stored by the source and not echoed back. `fn` may run more than once per name and connection (a
   * step1, an answer, an applied step2), so keep a loaded document for a while rather than reload it.
   */
  withDoc<T>(name: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
  /**
   * Calls `listener(name, update)` for every local (not from this mux) update of any document of the
   * community, open or background. Returns an unsubscribe.
   */
  onLocalUpdate(listener: (name: string, update: Uint8Array) => void): () => void;
}

/** How mux messages reach a peer; chunkedPeer's mux channel by default, an in-memory link in tests. */
export interface MuxTransport {
  send(peer: object, bytes: Uint8Array): void;
  listen(peer: object, handler: (bytes: Uint8Array) => void): () => void;
  /** Bytes queued on the connection and not yet sent (the data channel's bufferedAmount); 0 if unknown. */
  buffered?(peer: object): number;
}

export interface DocMuxOptions {
  transport?: MuxTransport;
  /** Documents (or messages) handled before yielding to the event loop (default 4)... */
  batch?: number;
  /** ...or fewer, once a batch has taken this long (default 8 ms). */
  budgetMs?: number;
  /**
   * Answers wait while more than this is queued on the connection (default 1 MiB): a browser closes a data
   * channel whose send queue overflows (16 MiB in Chromium), and a new tablet asks for every document.
   */
  maxBufferedBytes?: number;
  /** Tasks one peer may have waiting; more are dropped, and a fresh digest exchange follows. */
  maxQueued?: number;
  /** Bytes of received messages one peer may have waiting. */
  maxQueuedBytes?: number;
}

export interface DocMuxStats {
  received: number;
  /** Messages refused: undecodable, an unknown type, a name not accepted, a step Yjs could not answer. */
  ignored: number;
  /** Received updates that changed a document. */
  applied: number;
  /** Updates that decoded but Yjs threw while applying. */
  rejected: number;
  /** Messages dropped because a peer's queue was full. */
  dropped: number;
  sent: number;
  sendFailures: number;
  /** DocSource calls that threw or rejected. */
  sourceErrors: number;
  /** Batches run, and the longest wall time of one (awaited DocSource work included). */
  slices: number;
  longestSliceMs: number;
  /** Times a peer's work waited for its connection's send queue to drain. */
  throttled: number;
}
