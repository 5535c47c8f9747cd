// y-webrtc passes every update its document emits on to every connection, so that a mesh relays edits,
// including the update it has just applied from one of them: that tablet gets its own edit straight back,
// a wasted message each way, and at a two-tablet table the answer to an edit waits behind the echo of it.
// Here such an update goes to the other connections only, and only when it is exactly what that peer sent:
// when Yjs held nothing pending before applying it (else the update may also carry what another peer sent
// earlier, which the sender may lack). Messages to other tabs (BroadcastChannel) are unchanged.
import type * as Y from "yjs";
import { deliveringPeer, sendingExcept } from "./chunkedPeer.ts";

type UpdateHandler = (update: Uint8Array, origin: unknown, doc: Y.Doc, tr: Y.Transaction) => void;

/** The parts of a y-webrtc Room read here (not in its type declarations). */
export interface EchoingRoom {
  doc: Y.Doc;
  /** Registered on the doc's "update" while the room is connected; connect() and disconnect() read it. */
  _docUpdateHandler: UpdateHandler;
}

interface Observed {
  _observers: Map<string, Set<unknown>>;
}

/**
 * Makes `room` pass an update applied from a peer's message on to every connection but that peer's.
 * Returns a function that stops it (y-webrtc's own handler is put back).
 */
export function skipEchoes(room: EchoingRoom): () => void {
  const doc = room.doc;
  const original = room._docUpdateHandler;
  const carriesOthers = new WeakSet<Y.Transaction>();
  const beforeTransaction = (tr: Y.Transaction) => {
    if (tr.origin === room && (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)) {
      carriesOthers.add(tr);
    }
  };
  const handler: UpdateHandler = (update, origin, d, tr) => {
    const from = origin === room && !carriesOthers.has(tr) ? deliveringPeer() : null;
    if (from === null) original(update, origin, d, tr);
    else sendingExcept(from, () => original(update, origin, d, tr));
  };
  const swap = (from: UpdateHandler, to: UpdateHandler) => {
    const registered = (doc as unknown as Observed)._observers.get("update")?.has(from) ?? false;
    if (registered) doc.off("update", from);
    room._docUpdateHandler = to;
    if (registered) doc.on("update", to);
  };
  doc.on("beforeTransaction", beforeTransaction);
  swap(original, handler);
  return () => {
    doc.off("beforeTransaction", beforeTransaction);
    if (room._docUpdateHandler === handler) swap(handler, original);
  };
}
