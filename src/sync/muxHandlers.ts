// The receiving end of the mux channel (chunkedPeer.ts): one handler per peer, and what a peer sent before
// its handler was registered, kept within bounds and delivered at registration.

export type MuxHandler = (message: Uint8Array) => void;

/**
 * Mux messages that arrived before a handler was registered for their peer (PeerSync notices a new
 * connection on its next poll, up to 500 ms after the other side may have sent its first messages). Kept
 * up to these bounds, first come first kept; later ones are dropped (a peer with no mux never registers).
 */
export const MAX_UNCLAIMED_MUX_MESSAGES = 256;
export const MAX_UNCLAIMED_MUX_BYTES = 16 * 1024 * 1024;

interface Unclaimed {
  messages: Uint8Array[];
  bytes: number;
}

const muxHandlers = new WeakMap<object, MuxHandler>();
const unclaimed = new WeakMap<object, Unclaimed>();

/**
 * Registers `handler` for the mux messages of `peer` (one handler per peer; a new one replaces it) and
 * delivers at once what arrived before. The handler runs inside simple-peer's message event: what it
 * throws is caught here. Returns an unregister function (which does nothing once replaced).
 */
export function onMuxMessage(peer: object, handler: MuxHandler): () => void {
  muxHandlers.set(peer, handler);
  const early = unclaimed.get(peer);
  unclaimed.delete(peer);
  for (const m of early?.messages ?? []) deliverMux(peer, m);
  return () => {
    if (muxHandlers.get(peer) === handler) muxHandlers.delete(peer);
  };
}

/** Hands a complete mux message of `peer` to its handler, or keeps it for the handler to come. */
export function deliverMux(peer: object, message: Uint8Array): void {
  const handler = muxHandlers.get(peer);
  if (!handler) {
    const held = unclaimed.get(peer) ?? { messages: [], bytes: 0 };
    unclaimed.set(peer, held);
    if (held.messages.length >= MAX_UNCLAIMED_MUX_MESSAGES) return;
    if (held.bytes + message.length > MAX_UNCLAIMED_MUX_BYTES) return;
    held.messages.push(message);
    held.bytes += message.length;
    return;
  }
  try {
    handler(message);
  } catch {
    // A handler's failure is its own; simple-peer's event loop must never see it.
  }
}
