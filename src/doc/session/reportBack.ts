// Reporting back on the community's open matters at the next sitting (逐一反馈): an agenda item that lists
// them as they stood when the session began, and what was said about each one.
import * as Y from "yjs";
import { generateNKeysBetween } from "fractional-indexing";
import { limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { appendRecord } from "./records.ts";
import { change, getRecord, makeRecord, TEXT_ORIGIN } from "./sessionDoc.ts";
import { LIMITS } from "./schema.ts";
import { spliceText } from "../text.ts";

export interface ReportBackInput {
  /** The matter's id in the register. */
  id: string;
  text: string;
  statusThen: string;
}

/** Adds the report-back agenda item listing `matters`; returns the item's id (none is made for no matter). */
export function addReportBack(doc: Y.Doc, title: string, matters: readonly ReportBackInput[]): string | null {
  limitText(requireText(title, "title"), LIMITS.short, "title");
  if (matters.length === 0) return null;
  return change(doc, (r) => {
    const keys = generateNKeysBetween(null, null, matters.length);
    matters.forEach((m, i) => {
      if (r.reportBack.has(m.id)) return;
      const text = m.text.slice(0, LIMITS.text);
      r.reportBack.set(
        m.id,
        makeRecord({ id: m.id, order: keys[i], text, statusThen: m.statusThen, said: "" }, ["said"]),
      );
    });
    const item = appendRecord(
      r,
      "agenda",
      newId(),
      { title, kind: "reportBack", status: "pending", timeboxMin: null, timerStartedAt: null, notes: "" },
      ["notes"],
    );
    return item;
  });
}

/** Replaces what was said about a matter reported back on (typing, merged character by character). */
export function setReportBackSaid(doc: Y.Doc, id: string, text: string): void {
  limitText(text, LIMITS.notes, "said");
  change(
    doc,
    (r) => {
      const said = getRecord(r, "reportBack", id).get("said");
      if (said instanceof Y.Text) spliceText(said, text);
    },
    TEXT_ORIGIN,
  );
}
