// The session documents open on screen right now, by session id, so the community's sync works on the very
// document the screen shows instead of a second copy of its rows.
import type * as Y from "yjs";

const open = new Map<string, Y.Doc>();
const listeners = new Set<(id: string, doc: Y.Doc | null) => void>();

/** Marks session `id` open with `doc` (null: closed). */
export function setOpenDoc(id: string, doc: Y.Doc | null): void {
  if (doc) open.set(id, doc);
  else open.delete(id);
  for (const fn of listeners) fn(id, doc);
}

/** The open document of session `id`, if it is open. */
export function openDoc(id: string): Y.Doc | undefined {
  return open.get(id);
}

/** Every open session document. */
export function openDocs(): ReadonlyMap<string, Y.Doc> {
  return open;
}

/** Calls `fn` whenever a session is opened or closed; returns an unsubscribe. */
export function onOpenDocs(fn: (id: string, doc: Y.Doc | null) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
