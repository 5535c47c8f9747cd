// What this device is to a document, whatever its kind: the name it signs steps with, and whether it may write.
import type * as Y from "yjs";

const actors = new WeakMap<Y.Doc, string>();
const readOnlyDevices = new WeakSet<Y.Doc>();

/** Names this device in history entries ("secretary tablet"). */
export function setActor(doc: Y.Doc, name: string): void {
  actors.set(doc, name);
}

/** The name this device signs its steps with in `doc`. */
export function actorOf(doc: Y.Doc): string {
  return actors.get(doc) ?? "";
}

/** Marks this device's copy as view-only (a residents' display): every mutator then refuses. */
export function setDeviceReadOnly(doc: Y.Doc): void {
  readOnlyDevices.add(doc);
}

/** True when this device must never write `doc` (a display). */
export function isDeviceReadOnly(doc: Y.Doc): boolean {
  return readOnlyDevices.has(doc);
}
