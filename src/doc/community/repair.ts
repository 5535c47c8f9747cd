// Restoring, in the workspace itself, a rule concurrent edits can break (readers already hide the result):
// an anonymous matter keeps no name in anything stored for it, so it reaches no other tablet or relay.
import type * as Y from "yjs";
import { isDeviceReadOnly } from "../device.ts";
import { copyFieldKey } from "./matterIndex.ts";
import { scrubName } from "./matterRecords.ts";
import { changeWorkspace, isNewerWorkspace, workspaceRoots } from "./workspaceDoc.ts";

type Json = Record<string, unknown>;

/** The matter an entry of `matters` is about (an older version's follow-up entry: its issue's). */
const matterOfEntry = (key: string, entry: Json): string =>
  entry.v === undefined && typeof entry.issueId === "string" && entry.issueId ? entry.issueId : key;

/** Matters that are anonymous now but still hold a name somewhere in what is stored. */
export function namedAnonymousMatters(doc: Y.Doc): string[] {
  const r = workspaceRoots(doc);
  const anonymous = new Map<string, boolean>();
  const named = new Set<string>();
  r.matters.forEach((value, key) => {
    if (typeof value !== "object" || value === null) return;
    const entry = value as Json;
    const id = matterOfEntry(key, entry);
    if (entry.v !== undefined || !anonymous.has(id)) anonymous.set(id, entry.anonymous === true);
    if (typeof entry.raisedBy === "string" && entry.raisedBy !== "") named.add(id);
  });
  const out: string[] = [];
  for (const [id] of anonymous) {
    const override = r.fields.get(copyFieldKey("m", id, "anonymous"));
    const isAnonymous = typeof override === "boolean" ? override : anonymous.get(id) === true;
    const name = r.fields.get(copyFieldKey("m", id, "raisedBy"));
    if (isAnonymous && (named.has(id) || (typeof name === "string" && name !== ""))) out.push(id);
  }
  return out;
}

/** Repairs what a merge broke, in one transaction; true when something was repaired. A display never writes. */
export function repairWorkspace(doc: Y.Doc): boolean {
  if (isDeviceReadOnly(doc) || isNewerWorkspace(doc)) return false;
  const todo = namedAnonymousMatters(doc);
  if (todo.length === 0) return false;
  changeWorkspace(doc, (r) => todo.forEach((id) => scrubName(r, id)));
  return true;
}
