// Mutators for follow-ups (跟進事項): owner, due date, status, escalation (吹哨), with an append-only history.
import * as Y from "yjs";
import { isCalendarDate } from "../civilTime.ts";
import { DocError, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { appendRecord } from "./records.ts";
import { actorOf, change, getRecord, type YRecord } from "./sessionDoc.ts";
import {
  FOLLOW_UP_STATUSES,
  LIMITS,
  type FollowUpHistoryEntry,
  type FollowUpStatus,
  type OwnerKind,
} from "./schema.ts";

export interface FollowUpInput {
  action: string;
  issueId?: string | null;
  voteId?: string | null;
  owner?: string;
  ownerKind?: OwnerKind;
  due?: string;
}

export interface FollowUpPatch {
  action?: string;
  owner?: string;
  ownerKind?: OwnerKind;
  due?: string;
  status?: FollowUpStatus;
  escalatedTo?: string;
  /** With status "resolved": how it was resolved (required, as in the register). */
  note?: string;
  /** With status "escalated": the department's response deadline (required, as in the register). */
  deadline?: string;
}

function checkFollowUp(patch: FollowUpPatch): void {
  if (patch.action !== undefined) limitText(requireText(patch.action, "action"), LIMITS.text, "action");
  if (patch.owner !== undefined) limitText(patch.owner, LIMITS.short, "owner");
  if (patch.escalatedTo !== undefined) limitText(patch.escalatedTo, LIMITS.short, "escalatedTo");
  if (patch.due !== undefined && patch.due !== "" && !isCalendarDate(patch.due)) {
    throw new DocError("outOfRange", { field: "due" });
  }
  if (patch.status !== undefined && !FOLLOW_UP_STATUSES.includes(patch.status)) {
    throw new DocError("outOfRange", { field: "status" });
  }
  if (patch.status === "escalated" && patch.escalatedTo !== undefined)
    requireText(patch.escalatedTo, "escalatedTo");
  // A guest tablet's steps are carried into the register and obey its rules.
  if (patch.status === "resolved")
    limitText(requireText(patch.note ?? "", "resolution"), LIMITS.text, "note");
  if (patch.deadline !== undefined && patch.deadline !== "" && !isCalendarDate(patch.deadline))
    throw new DocError("outOfRange", { field: "deadline" });
}

/** Assigns a follow-up, optionally linked to the issue or vote it came from; returns its id. */
export function addFollowUp(doc: Y.Doc, input: FollowUpInput, now = Date.now()): string {
  checkFollowUp(input);
  return change(doc, (r) => {
    if (input.issueId) getRecord(r, "issues", input.issueId);
    if (input.voteId) getRecord(r, "votes", input.voteId);
    const history = new Y.Array<FollowUpHistoryEntry>();
    history.push([{ at: now, by: actorOf(doc), field: "created", from: "", to: input.action }]);
    return appendRecord(r, "followUps", newId(), {
      action: input.action,
      issueId: input.issueId ?? null,
      voteId: input.voteId ?? null,
      owner: input.owner ?? "",
      ownerKind: input.ownerKind ?? "person",
      due: input.due ?? "",
      status: "open",
      escalatedTo: "",
      createdAt: now,
      history,
    });
  });
}

/** Changes a follow-up; every changed field is appended to its history (who, when, from → to). */
export function updateFollowUp(doc: Y.Doc, id: string, patch: FollowUpPatch, now = Date.now()): void {
  checkFollowUp(patch);
  change(doc, (r) => {
    const record: YRecord = getRecord(r, "followUps", id);
    const history = record.get("history") as Y.Array<FollowUpHistoryEntry>;
    // Escalating means naming who was whistled in (吹哨): check the result, not just the patch.
    const status = patch.status ?? record.get("status");
    const department = patch.escalatedTo ?? String(record.get("escalatedTo") ?? "");
    if (status === "escalated") requireText(department, "escalatedTo");
    if (patch.status === "escalated" && record.get("status") !== "escalated")
      requireText(patch.deadline ?? "", "deadline");
    const { note, deadline, ...fields } = patch;
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const from = String(record.get(field) ?? "");
      if (from === String(value)) continue;
      record.set(field, value);
      const entry: FollowUpHistoryEntry = { at: now, by: actorOf(doc), field, from, to: String(value) };
      if (field === "status" && value === "resolved") entry.note = note;
      if (field === "status" && value === "escalated") entry.deadline = deadline;
      history.push([entry]);
    }
  });
}

/** Escalates a follow-up to a department ("the grid blows the whistle", 吹哨) with its response deadline. */
export function escalateFollowUp(
  doc: Y.Doc,
  id: string,
  department: string,
  deadline: string,
  now = Date.now(),
): void {
  requireText(department, "escalatedTo");
  updateFollowUp(doc, id, { status: "escalated", escalatedTo: department, deadline }, now);
}
