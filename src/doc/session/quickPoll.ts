// An informal show of hands on the residents' screen ("take a break?"): counted like a vote, never recorded
// in the minutes. Each new poll has its own id, so its counts start at zero on every device.
import * as Y from "yjs";
import { addToCounter, counterTotal } from "../tally.ts";
import { DocError, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { change, roots } from "./sessionDoc.ts";
import { LIMITS } from "./schema.ts";

export type QuickChoice = "yes" | "no";

export interface QuickPoll {
  id: string;
  question: string;
  active: boolean;
  yes: number;
  no: number;
}

/** The poll on screen now (or the last one, ended), or null when there has been none. */
export function readQuickPoll(doc: Y.Doc): QuickPoll | null {
  const r = roots(doc);
  const id = r.quickPoll.get("id");
  if (typeof id !== "string") return null;
  const count = (c: QuickChoice) => Math.max(0, counterTotal(r.quickTally, `${id}/${c}`));
  return {
    id,
    question: String(r.quickPoll.get("question") ?? ""),
    active: r.quickPoll.get("active") === true,
    yes: count("yes"),
    no: count("no"),
  };
}

/** Puts a question on the screen and starts counting from zero. */
export function startQuickPoll(doc: Y.Doc, question: string): string {
  limitText(requireText(question, "question"), LIMITS.short, "question");
  return change(doc, (r) => {
    const id = newId();
    r.quickPoll.set("id", id);
    r.quickPoll.set("question", question);
    r.quickPoll.set("active", true);
    return id;
  });
}

/** One hand more or less for yes / no; taps on several tablets all count. */
export function tapQuickPoll(doc: Y.Doc, choice: QuickChoice, delta: 1 | -1): void {
  const poll = readQuickPoll(doc);
  if (!poll?.active) throw new DocError("voteNotOpen");
  if (delta < 0 && poll[choice] <= 0) throw new DocError("belowZero", { field: "count" });
  change(doc, (r) => addToCounter(r.quickTally, `${poll.id}/${choice}`, doc.clientID, delta));
}

/** Takes the question off the screen. */
export function endQuickPoll(doc: Y.Doc): void {
  change(doc, (r) => r.quickPoll.set("active", false));
}
