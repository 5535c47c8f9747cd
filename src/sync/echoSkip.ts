// y-webrtc passes every update its document (and its awareness) emits on to every connection, so that a
// mesh relays edits, including the update it has just applied from one of them: that tablet gets its own
// edit straight back, a wasted message each way, and at a two-tablet table the answer to an edit waits
// behind the echo of it. Here such an update goes to the other connections only, and only when it is
// exactly what that peer sent: for the document, when Yjs held nothing pending before applying it (else
// the update may also carry what another peer sent earlier, which the sender may lack). Messages to other
// tabs (BroadcastChannel) are unchanged.
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { deliveringPeer, sendingExcept } from "./chunkedPeer.ts";

type Handler<A extends unknown[]> = (...args: A) => void;
type DocHandler = Handler<[update: Uint8Array, origin: unknown, doc: Y.Doc, tr: Y.Transaction]>;
type AwarenessHandler = Handler<[changes: unknown, origin: unknown]>;

/** The parts of a y-webrtc Room read here (not in its type declarations). */
export interface EchoingRoom {
  doc: Y.Doc;
  awareness: Awareness;
  // Registered on "update" of the doc and the awareness while the room is connected; connect() and
  // disconnect() read them from the room.
  _docUpdateHandler: DocHandler;
  _awarenessUpdateHandler: AwarenessHandler;
}

/** A lib0 observable, whose listeners are kept by event name. */
interface Observed {
  _observers: Map<string, Set<unknown>>;
  on(name: "update", fn: never): void;
  off(name: "update", fn: never): void;
}

type HandlerKey = "_docUpdateHandler" | "_awarenessUpdateHandler";

/** Puts `to` in the room's place of `from`, registered on `target` if `from` was. */
function swap(room: EchoingRoom, key: HandlerKey, target: Observed, from: unknown, to: unknown): void {
  const registered = target._observers.get("update")?.has(from) ?? false;
  if (registered) target.off("update", from as never);
  (room as unknown as Record<HandlerKey, unknown>)[key] = to;
  if (registered) target.on("update", to as never);
}

/** Wraps y-webrtc's handler `key`: what `skip` names (a peer, or null) is not sent what it sends. */
function wrap<A extends unknown[]>(
  room: EchoingRoom,
  key: HandlerKey,
  target: unknown,
  skip: (...args: A) => object | null,
): () => void {
  const original = room[key] as unknown as Handler<A>;
  const handler: Handler<A> = (...args) => {
    const from = skip(...args);
    if (from === null) original(...args);
    else sendingExcept(from, () => original(...args));
  };
  swap(room, key, target as Observed, original, handler);
  return () => {
    if (room[key] === (handler as unknown)) swap(room, key, target as Observed, handler, original);
  };
}

/**
 * Makes `room` pass an update applied from a peer's message on to every connection but that peer's.
 * Returns a function that stops it (y-webrtc's own handlers are put back).
 */
export function skipEchoes(room: EchoingRoom): () => void {
  const doc = room.doc;
  const carriesOthers = new WeakSet<Y.Transaction>();
  const beforeTransaction = (tr: Y.Transaction) => {
    if (tr.origin === room && (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)) {
      carriesOthers.add(tr);
    }
  };
  doc.on("beforeTransaction", beforeTransaction);
  const stopDoc = wrap<Parameters<DocHandler>>(room, "_docUpdateHandler", doc, (_u, origin, _d, tr) =>
    origin === room && !carriesOthers.has(tr) ? deliveringPeer() : null,
  );
  const stopAwareness = wrap<Parameters<AwarenessHandler>>(
    room,
    "_awarenessUpdateHandler",
    room.awareness,
    (_changes, origin) => (origin === room ? deliveringPeer() : null),
  );
  return () => {
    doc.off("beforeTransaction", beforeTransaction);
    stopDoc();
    stopAwareness();
  };
}
