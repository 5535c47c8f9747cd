// Mutators for agenda items: add, edit, status, time box countdown, notes. Move and delete are in records.ts.
import * as Y from "yjs";
import { DocError, limitInt, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { appendRecord, setFields } from "./records.ts";
import { change, getRecord, TEXT_ORIGIN } from "./sessionDoc.ts";
import { AGENDA_STATUSES, LIMITS, type AgendaStatus } from "./schema.ts";
import { spliceText } from "../text.ts";

export interface AgendaInput {
  title: string;
  timeboxMin?: number | null;
}

function checkTimebox(min: number | null | undefined): void {
  if (min !== null && min !== undefined) limitInt(min, 1, 600, "timebox");
}

/** Adds an agenda item at the end; returns its id. */
export function addAgendaItem(doc: Y.Doc, input: AgendaInput): string {
  limitText(requireText(input.title, "title"), LIMITS.short, "title");
  checkTimebox(input.timeboxMin);
  return change(doc, (r) =>
    appendRecord(
      r,
      "agenda",
      newId(),
      {
        title: input.title,
        status: "pending",
        timeboxMin: input.timeboxMin ?? null,
        timerStartedAt: null,
        notes: "",
      },
      ["notes"],
    ),
  );
}

/** Edits an item's title or time box; taking the time box away stops its countdown. */
export function updateAgendaItem(doc: Y.Doc, id: string, patch: Partial<AgendaInput>): void {
  if (patch.title !== undefined) limitText(requireText(patch.title, "title"), LIMITS.short, "title");
  checkTimebox(patch.timeboxMin);
  change(doc, (r) => {
    const item = getRecord(r, "agenda", id);
    setFields(item, { ...patch });
    if (patch.timeboxMin === null && item.get("timerStartedAt") !== null) item.set("timerStartedAt", null);
  });
}

/**
 * Moves an item through pending → discussing → done. "discussing" also makes it the current item. A done
 * item has no countdown; one a merge left on it (a start concurrent with "done") is cleared on the way out.
 */
export function setAgendaStatus(doc: Y.Doc, id: string, status: AgendaStatus): void {
  if (!AGENDA_STATUSES.includes(status)) throw new DocError("outOfRange", { field: "status" });
  change(doc, (r) => {
    const item = getRecord(r, "agenda", id);
    const wasDone = item.get("status") === "done";
    item.set("status", status);
    if (status === "discussing") r.meta.set("currentAgendaId", id);
    const timer = item.get("timerStartedAt");
    if ((status === "done" || wasDone) && timer !== null && timer !== undefined)
      item.set("timerStartedAt", null);
  });
}

/** Starts (at `now`) or stops the item's countdown. */
export function setAgendaTimer(doc: Y.Doc, id: string, running: boolean, now = Date.now()): void {
  change(doc, (r) => {
    const item = getRecord(r, "agenda", id);
    if (running && typeof item.get("timeboxMin") !== "number")
      throw new DocError("required", { field: "timebox" });
    if (running && item.get("status") === "done") throw new DocError("outOfRange", { field: "status" });
    item.set("timerStartedAt", running ? now : null);
  });
}

/** Replaces an item's notes (typing, merged character by character). */
export function setAgendaNotes(doc: Y.Doc, id: string, text: string): void {
  limitText(text, LIMITS.notes, "notes");
  change(
    doc,
    (r) => {
      const notes = getRecord(r, "agenda", id).get("notes");
      if (notes instanceof Y.Text) spliceText(notes, text);
    },
    TEXT_ORIGIN,
  );
}

/** Milliseconds left on a countdown (negative when over time), or null when no countdown runs. */
export function remainingMs(
  item: { timeboxMin: number | null; timerStartedAt: number | null },
  now: number,
): number | null {
  if (item.timeboxMin === null || item.timerStartedAt === null) return null;
  return item.timerStartedAt + item.timeboxMin * 60_000 - now;
}
