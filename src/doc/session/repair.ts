// Restoring, in the document itself, rules that concurrent edits can break (readers already hide the result):
// an anonymous issue keeps no name (so it reaches no other tablet or archive), a countdown runs only on an
// item with a time box that is not done. Also moves a share code out of an older app's document.
import * as Y from "yjs";
import { isReadOnly, recordsOf, REPAIR_ORIGIN, roots, transactWritable, type Roots } from "./sessionDoc.ts";

type Fix = (r: Roots) => void;

function fixes(r: Roots): Fix[] {
  const out: Fix[] = [];
  for (const [, issue] of recordsOf(r, "issues")) {
    const name = issue.get("raisedBy");
    if (issue.get("anonymous") === true && typeof name === "string" && name !== "") {
      out.push(() => issue.set("raisedBy", ""));
    }
  }
  for (const [, item] of recordsOf(r, "agenda")) {
    const running = item.get("timerStartedAt");
    if (running === null || running === undefined) continue;
    if (item.get("status") === "done" || typeof item.get("timeboxMin") !== "number") {
      out.push(() => item.set("timerStartedAt", null));
    }
  }
  return out;
}

/**
 * Repairs what a merge broke, as one transaction that Undo does not track and a lock does not refuse (it
 * changes nothing the minutes show). Returns true when something was repaired. A display never writes.
 */
export function repairDoc(doc: Y.Doc): boolean {
  if (isReadOnly(doc)) return false;
  const todo = fixes(roots(doc));
  if (todo.length === 0) return false;
  transactWritable(doc, (r) => todo.forEach((fix) => fix(r)), REPAIR_ORIGIN);
  return true;
}

/**
 * The share code an older app kept inside the document, removed from it (a code in the document travels
 * in every archive and comes back with Undo): the caller keeps it in this device's settings instead.
 */
export function takeLegacyShareCode(doc: Y.Doc): string | null {
  const code = roots(doc).meta.get("shareCode");
  if (typeof code !== "string") return null;
  if (!isReadOnly(doc)) transactWritable(doc, (r) => r.meta.delete("shareCode"), REPAIR_ORIGIN);
  return code;
}
