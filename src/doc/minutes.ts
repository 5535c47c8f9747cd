// The minutes' lifecycle: the secretary's amendments, locking (finalising) and an explicit, recorded reopen.
import * as Y from "yjs";
import { DocError, limitText } from "./docError.ts";
import {
  actorOf,
  change,
  isNewerThanApp,
  lockState,
  roots,
  TEXT_ORIGIN,
  LOCAL_ORIGIN,
} from "./sessionDoc.ts";
import { LIMITS } from "./schema.ts";
import { spliceText } from "./text.ts";

/** Replaces the secretary's text of the minutes (typing, merged character by character). */
export function setMinutesText(doc: Y.Doc, text: string): void {
  limitText(text, LIMITS.notes, "minutes");
  change(doc, (r) => spliceText(r.minutes, text), TEXT_ORIGIN);
}

/** Locks the session: the minutes are final and every device refuses further edits until reopened. */
export function lockMinutes(doc: Y.Doc, now = Date.now()): void {
  if (isNewerThanApp(doc)) throw new DocError("readOnly");
  if (lockState(doc)) return;
  doc.transact(() => roots(doc).lockLog.push([{ at: now, by: actorOf(doc), kind: "lock" }]), LOCAL_ORIGIN);
}

/** Reopens a locked session for edits; the reopening is recorded next to the lock. */
export function reopenMinutes(doc: Y.Doc, now = Date.now()): void {
  if (isNewerThanApp(doc)) throw new DocError("readOnly");
  const lock = lockState(doc);
  if (!lock) return;
  // Strictly after the lock, so the order holds even when clocks on two tablets disagree.
  const at = Math.max(now, lock.at + 1);
  doc.transact(() => roots(doc).lockLog.push([{ at, by: actorOf(doc), kind: "reopen" }]), LOCAL_ORIGIN);
}
