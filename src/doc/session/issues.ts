// Mutators for raised issues (說事): who raised what, where, its category and the urgent-hard (急難愁盼) flag.
import * as Y from "yjs";
import { limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { appendRecord, setFields } from "./records.ts";
import { change, getRecord, type Roots } from "./sessionDoc.ts";
import { LIMITS } from "./schema.ts";

export interface IssueInput {
  text: string;
  raisedBy?: string;
  anonymous?: boolean;
  contact?: string;
  location?: string;
  categoryId?: string;
  urgent?: boolean;
  agendaId?: string | null;
}

function checkIssue(r: Roots, input: Partial<IssueInput>): void {
  if (input.text !== undefined) limitText(requireText(input.text, "text"), LIMITS.text, "text");
  for (const field of ["raisedBy", "contact", "location"] as const) {
    const value = input[field];
    if (value !== undefined) limitText(value, LIMITS.short, field);
  }
  if (input.categoryId) getRecord(r, "categories", input.categoryId);
  if (input.agendaId) getRecord(r, "agenda", input.agendaId);
}

/** Records a raised issue; it belongs to the current agenda item unless another is given. Returns its id. */
export function addIssue(doc: Y.Doc, input: IssueInput, now = Date.now()): string {
  return change(doc, (r) => {
    checkIssue(r, input);
    const anonymous = input.anonymous ?? false;
    return appendRecord(
      r,
      "issues",
      newId(),
      {
        text: input.text,
        raisedBy: anonymous ? "" : (input.raisedBy ?? ""),
        anonymous,
        contact: input.contact ?? "",
        location: input.location ?? "",
        categoryId: input.categoryId ?? "other",
        urgent: input.urgent ?? false,
        agendaId:
          input.agendaId === undefined
            ? ((r.meta.get("currentAgendaId") as string | null) ?? null)
            : input.agendaId,
        createdAt: now,
        sameAs: "",
        settled: "",
      },
      ["text"],
    );
  });
}

/** Edits an issue; the text is spliced so a concurrent edit of the same text survives. */
export function updateIssue(doc: Y.Doc, id: string, patch: Partial<IssueInput>): void {
  change(doc, (r) => {
    checkIssue(r, patch);
    const record = getRecord(r, "issues", id);
    const fields: Record<string, unknown> = { ...patch };
    // Anonymous means no name is kept, not merely hidden.
    if (patch.anonymous ?? record.get("anonymous") === true) fields.raisedBy = "";
    setFields(record, fields);
  });
}

/** The issue's text now (for making a vote or follow-up from it). */
export function issueText(doc: Y.Doc, id: string): string {
  const text = doc.getMap<Y.Map<unknown>>("issues").get(id)?.get("text");
  return text instanceof Y.Text ? text.toString() : "";
}

/**
 * Links the issue to an earlier matter of the community's register ("same as…": a resident raising it
 * again), or takes the link back with "". The register then counts it once, under the earlier matter.
 */
export function linkIssue(doc: Y.Doc, id: string, matterId: string): void {
  limitText(matterId, LIMITS.short, "sameAs");
  change(doc, (r) => {
    const record = getRecord(r, "issues", id);
    if (matterId === id) return;
    if (record.get("sameAs") !== matterId) record.set("sameAs", matterId);
  });
}

/** Records that the issue was resolved on the spot, with what was agreed (required). */
export function settleIssue(doc: Y.Doc, id: string, note: string): void {
  limitText(requireText(note, "settled"), LIMITS.text, "settled");
  change(doc, (r) => {
    const record = getRecord(r, "issues", id);
    if (record.get("settled") !== note) record.set("settled", note);
  });
}
