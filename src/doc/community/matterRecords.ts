// Making the register's records from a session, and keeping their copies of it current: a matter per issue
// raised, an action per follow-up decided. A record is made once (two tablets making it at once write the
// same value and the same "created" step id); what changes later is written field by field.
import type * as Y from "yjs";
import { isCalendarDate } from "../civilTime.ts";
import { actorOf } from "../device.ts";
import { DocError, limitText, requireText } from "../docError.ts";
import type { OwnerKind } from "../session/schema.ts";
import { buildMatterIndex, copyFieldKey, INFO_VERSION, type MatterIndex } from "./matterIndex.ts";
import { STEP_RULES, WORKSPACE_LIMITS } from "./schema.ts";
import type { StoredStep } from "./matters.ts";
import { changeWorkspace, type WorkspaceRoots } from "./workspaceDoc.ts";

export interface MatterInput {
  /** The issue's id (or, for an action decided with no issue, the follow-up's). */
  id: string;
  sessionId: string;
  talkPointId: string;
  issueId?: string | null;
  raisedOn: string;
  text: string;
  categoryId?: string;
  category?: string;
  urgent?: boolean;
  raisedBy?: string;
  anonymous?: boolean;
  location?: string;
  /** Who leads it from the start (an older version's follow-up-matter), if anyone. */
  owner?: string;
  ownerKind?: OwnerKind;
  due?: string;
}

/** What the register copies from the session's issue: kept current by every paired tablet holding both. */
export interface MatterCopy {
  text?: string;
  categoryId?: string;
  category?: string;
  urgent?: boolean;
  raisedBy?: string;
  anonymous?: boolean;
  location?: string;
  /** The earlier matter this issue was linked to at the table ("same as…"), or "". */
  sameAs?: string;
  /** The issue was deleted in its session. */
  removed?: boolean;
}

export interface ActionInput {
  /** The follow-up's id. */
  id: string;
  matter: string;
  sessionId: string;
  voteId?: string | null;
  action: string;
  owner?: string;
  ownerKind?: OwnerKind;
  due?: string;
}

/** What the register copies from the session's follow-up. */
export interface ActionCopy {
  action?: string;
  voteId?: string;
  /** The matter it belongs to (its issue's, or the one that issue was linked to). */
  matter?: string;
  removed?: boolean;
}

const MATTER_COPY_FIELDS = [
  "text",
  "categoryId",
  "category",
  "urgent",
  "raisedBy",
  "anonymous",
  "location",
  "sameAs",
  "removed",
] as const;
const ACTION_COPY_FIELDS = ["action", "voteId", "matter", "removed"] as const;

const short = (v: string | undefined, field: string) =>
  v !== undefined && limitText(v, WORKSPACE_LIMITS.short, field);
const prose = (v: string | undefined, field: string) =>
  v !== undefined && limitText(v, WORKSPACE_LIMITS.note, field);

function checkCopy(c: MatterCopy): void {
  prose(c.text, "text");
  short(c.category, "category");
  short(c.raisedBy, "raisedBy");
  short(c.location, "location");
  short(c.sameAs, "sameAs");
}

/** The step id of a record's making: the same on every tablet, so a record made twice is made once. */
export const createdStepId = (id: string): string => `created:${id}`;

/**
 * Puts a matter raised at a session into the register, with its "created" step. Does nothing when the matter
 * is there already (another tablet made it); returns true when it was made here.
 */
export function createMatter(doc: Y.Doc, input: MatterInput, now = Date.now()): boolean {
  requireText(input.id, "id");
  checkCopy(input);
  short(input.owner, "owner");
  if (input.due && !isCalendarDate(input.due)) throw new DocError("outOfRange", { field: "due" });
  if (input.raisedOn && !isCalendarDate(input.raisedOn))
    throw new DocError("outOfRange", { field: "raisedOn" });
  return changeWorkspace(doc, (r) => {
    if (r.matters.has(input.id)) return false;
    const anonymous = input.anonymous ?? false;
    r.matters.set(input.id, {
      v: INFO_VERSION,
      id: input.id,
      sessionId: input.sessionId,
      talkPointId: input.talkPointId,
      issueId: input.issueId ?? null,
      raisedOn: input.raisedOn,
      createdAt: now,
      text: input.text,
      categoryId: input.categoryId ?? "other",
      category: input.category ?? "",
      urgent: input.urgent ?? false,
      // An anonymous raiser's name is never stored.
      raisedBy: anonymous ? "" : (input.raisedBy ?? ""),
      anonymous,
      location: input.location ?? "",
    });
    const created: StoredStep = {
      matter: input.id,
      id: createdStepId(input.id),
      at: now,
      by: actorOf(doc),
      kind: "created",
      sessionId: input.sessionId,
      v: STEP_RULES,
    };
    for (const key of ["owner", "ownerKind", "due"] as const)
      if (input[key] !== undefined && input[key] !== "")
        (created as unknown as Record<string, unknown>)[key] = input[key];
    r.steps.push([created]);
    return true;
  });
}

/** Puts a follow-up into the register as an action of `input.matter`; false when it is there already. */
export function createAction(doc: Y.Doc, input: ActionInput, now = Date.now()): boolean {
  requireText(input.id, "id");
  prose(input.action, "action");
  short(input.owner, "owner");
  if (input.due && !isCalendarDate(input.due)) throw new DocError("outOfRange", { field: "due" });
  return changeWorkspace(doc, (r) => {
    // An older version kept the follow-up as a matter of its own: it is this action already.
    if (r.actions.has(input.id) || r.matters.has(input.id)) return false;
    r.actions.set(input.id, {
      v: INFO_VERSION,
      id: input.id,
      matter: input.matter,
      sessionId: input.sessionId,
      voteId: input.voteId ?? null,
      action: input.action,
      createdAt: now,
    });
    const created: StoredStep = {
      matter: input.matter,
      actionId: input.id,
      id: createdStepId(input.id),
      at: now,
      by: actorOf(doc),
      kind: "created",
      sessionId: input.sessionId,
      owner: input.owner ?? "",
      ownerKind: input.ownerKind ?? "person",
      due: input.due ?? "",
      v: STEP_RULES,
    };
    r.steps.push([created]);
    return true;
  });
}

/** Writes the copy fields that differ from what `current` holds, one entry per field. */
function writeFields(
  r: WorkspaceRoots,
  of: "m" | "a",
  id: string,
  current: Record<string, unknown>,
  copy: Record<string, unknown>,
  fields: readonly string[],
): void {
  for (const field of fields) {
    const value = copy[field];
    if (value === undefined) continue;
    const now = current[field] ?? (field === "removed" ? false : field === "sameAs" ? "" : undefined);
    if (now !== value) r.fields.set(copyFieldKey(of, id, field), value);
  }
}

/**
 * Brings the register's copy of what was raised up to date (only the fields that differ, each on its own).
 * Making a matter anonymous removes the name from everything stored for it, not only from what is read.
 */
export function updateMatterCopy(doc: Y.Doc, id: string, copy: MatterCopy, index?: MatterIndex): void {
  checkCopy(copy);
  const current = (index ?? buildMatterIndex(doc)).infos.get(id);
  if (!current) throw new DocError("notFound", { collection: "matters", id });
  changeWorkspace(doc, (r) => {
    const anonymous = copy.anonymous ?? current.anonymous === true;
    const fields: Record<string, unknown> = { ...copy };
    if (anonymous) fields.raisedBy = "";
    writeFields(r, "m", id, current, fields, MATTER_COPY_FIELDS);
    if (anonymous) scrubName(r, id);
  });
}

/** Removes a raiser's name from every stored entry of matter `id` (its info as made, and older entries). */
export function scrubName(r: WorkspaceRoots, id: string): void {
  r.matters.forEach((value, key) => {
    if (typeof value !== "object" || value === null) return;
    const entry = value as Record<string, unknown>;
    const of = entry.v === undefined ? (typeof entry.issueId === "string" && entry.issueId) || key : key;
    if (of === id && typeof entry.raisedBy === "string" && entry.raisedBy !== "")
      r.matters.set(key, { ...entry, raisedBy: "" });
  });
  const field = copyFieldKey("m", id, "raisedBy");
  const named = r.fields.get(field);
  if (typeof named === "string" && named !== "") r.fields.set(field, "");
}

/** Brings the register's copy of a follow-up up to date (only the fields that differ). */
export function updateActionCopy(
  doc: Y.Doc,
  id: string,
  copy: ActionCopy,
  current: { action: string; voteId: string | null; matter: string; removed: boolean },
): void {
  prose(copy.action, "action");
  changeWorkspace(doc, (r) =>
    writeFields(r, "a", id, { ...current, voteId: current.voteId ?? "" }, { ...copy }, ACTION_COPY_FIELDS),
  );
}
