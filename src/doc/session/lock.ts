// What a lock finalised: the state recorded in the lock in force, and the edits that merged in after it (an
// offline tablet's late edits), which the session and the minutes show as arriving after finalisation.
import type * as Y from "yjs";
import { cleanFinalised, isObject } from "./clean.ts";
import { lockState } from "./sessionDoc.ts";
import type { FinalisedState } from "./schema.ts";

const parsed = new WeakMap<Y.Doc, { text: string; state: FinalisedState | null }>();

/** The state the lock in force finalised, or null when the session is open (or locked by an older app). */
export function finalisedOf(doc: Y.Doc): FinalisedState | null {
  const text = lockState(doc)?.finalised;
  if (typeof text !== "string") return null;
  const cached = parsed.get(doc);
  if (cached?.text === text) return cached.state;
  let state: FinalisedState | null = null;
  try {
    state = cleanFinalised(JSON.parse(text));
  } catch {
    state = null; // a damaged record: the live state is shown instead
  }
  parsed.set(doc, { text, state });
  return state;
}

export type LateCollection = "attendees" | "agenda" | "issues" | "votes" | "followUps" | "reportBack";
export type LateScalar = "meta" | "notes" | "headcount" | "minutes" | "categories";

/** One edit that arrived after finalisation. */
export interface LateEdit {
  what: LateCollection | LateScalar;
  change: "added" | "changed" | "removed";
  /** The record's id (empty for a whole field such as the notes). */
  id: string;
  /** What the record is called now (or was, when removed): a title, text, motion, action or name. */
  label: string;
}

/** Deep equality that ignores key order (tablets can list a record's keys in different orders). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}

const LABEL_FIELDS = ["title", "text", "motion", "action", "name"] as const;
function labelOf(record: Record<string, unknown>): string {
  for (const field of LABEL_FIELDS) if (typeof record[field] === "string") return record[field] as string;
  return "";
}

const COLLECTIONS: readonly LateCollection[] = [
  "agenda",
  "issues",
  "votes",
  "followUps",
  "reportBack",
  "attendees",
];

/** What differs between the finalised state and the session now, record by record. */
export function lateEdits(finalised: FinalisedState, now: FinalisedState): LateEdit[] {
  const out: LateEdit[] = [];
  const { schemaVersion: _a, ...metaThen } = finalised.meta;
  const { schemaVersion: _b, ...metaNow } = now.meta;
  if (!sameValue(metaThen, metaNow))
    out.push({ what: "meta", change: "changed", id: "", label: now.meta.title });
  for (const field of ["notes", "headcount", "minutes", "categories"] as const) {
    if (!sameValue(finalised[field], now[field]))
      out.push({ what: field, change: "changed", id: "", label: "" });
  }
  for (const what of COLLECTIONS) {
    const then = new Map<string, { id: string }>(finalised[what].map((r) => [r.id, r]));
    for (const record of now[what]) {
      const before = then.get(record.id);
      then.delete(record.id);
      if (!before) out.push({ what, change: "added", id: record.id, label: labelOf(record as never) });
      else if (!sameValue(before, record))
        out.push({ what, change: "changed", id: record.id, label: labelOf(record as never) });
    }
    for (const removed of then.values())
      out.push({ what, change: "removed", id: removed.id, label: labelOf(removed as never) });
  }
  return out;
}
