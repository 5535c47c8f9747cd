// Mutators for the community's talk points (说事点): a place, a facilitator and a recurring schedule.
import type * as Y from "yjs";
import { DocError, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { isValidSchedule, type Schedule } from "../talkPoint.ts";
import { WORKSPACE_LIMITS } from "./schema.ts";
import { changeWorkspace, record, workspaceRecord } from "./workspaceDoc.ts";

export interface TalkPointInput {
  name: string;
  location: string;
  facilitator: string;
  schedule: Schedule;
}

function check(input: Partial<TalkPointInput>): void {
  if (input.name !== undefined) limitText(requireText(input.name, "name"), WORKSPACE_LIMITS.short, "name");
  for (const field of ["location", "facilitator"] as const) {
    const value = input[field];
    if (value !== undefined) limitText(value, WORKSPACE_LIMITS.short, field);
  }
  if (input.schedule !== undefined && !isValidSchedule(input.schedule))
    throw new DocError("outOfRange", { field: "schedule" });
}

/** Adds a talk point (with the given id, e.g. when moved from an older app's storage); returns its id. */
export function addTalkPoint(doc: Y.Doc, input: TalkPointInput, id = newId(), now = Date.now()): string {
  check(input);
  return changeWorkspace(doc, (r) => {
    if (!r.talkPoints.has(id))
      r.talkPoints.set(
        id,
        record({ id, ...input, schedule: { ...input.schedule }, createdAt: now, deleted: false }),
      );
    return id;
  });
}

/** Edits a talk point. */
export function updateTalkPoint(doc: Y.Doc, id: string, patch: Partial<TalkPointInput>): void {
  check(patch);
  changeWorkspace(doc, (r) => {
    const tp = workspaceRecord(r, "talkPoints", id);
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) tp.set(key, key === "schedule" ? { ...(value as Schedule) } : value);
    }
  });
}

/** Deletes a talk point (it is marked, so its sessions and matters still name it), or brings it back. */
export function setTalkPointDeleted(doc: Y.Doc, id: string, deleted: boolean): void {
  changeWorkspace(doc, (r) => workspaceRecord(r, "talkPoints", id).set("deleted", deleted));
}
