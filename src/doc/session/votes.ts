// Mutators for show-of-hands votes: create, edit the motion and rules, options. Counting is in voteCount.ts.
import * as Y from "yjs";
import { generateNKeysBetween } from "fractional-indexing";
import { DocError, limitInt, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { byOrder, keyAtEnd } from "../order.ts";
import { appendRecord, setFields } from "./records.ts";
import { actorOf, change, getRecord, makeRecord, type YRecord } from "./sessionDoc.ts";
import {
  DEFAULT_THRESHOLD,
  LIMITS,
  type OptionRole,
  type Threshold,
  type VoteHistoryEntry,
  type VoteMode,
} from "./schema.ts";
import { cleanThreshold } from "./voteState.ts";
import { history, options, statusOfRecord } from "./voteRecord.ts";

export { closeVote, openVote, optionCount, setVoteCount, tapVote } from "./voteCount.ts";
export { DEFAULT_THRESHOLD };

export const MAX_COUNT = 100_000;

export interface VoteInput {
  motion: string;
  issueId?: string | null;
  agendaId?: string | null;
  /** Labels of choice options; omitted means for / against / abstain. */
  choices?: string[];
  mode?: VoteMode;
  threshold?: Threshold;
}

export interface VotePatch {
  motion?: string;
  mode?: VoteMode;
  present?: number | null;
  quorum?: number | null;
  threshold?: Threshold;
}

function checkThreshold(t: Threshold | undefined): void {
  if (!t) return;
  if (t.kind === "custom") {
    limitInt(t.den, 1, 1000, "thresholdDen");
    limitInt(t.num, 1, t.den, "thresholdNum");
  }
}

function checkPatch(patch: VotePatch): void {
  if (patch.motion !== undefined) limitText(requireText(patch.motion, "motion"), LIMITS.text, "motion");
  if (patch.present !== undefined && patch.present !== null) limitInt(patch.present, 0, MAX_COUNT, "present");
  if (patch.quorum !== undefined && patch.quorum !== null) limitInt(patch.quorum, 0, MAX_COUNT, "quorum");
  checkThreshold(patch.threshold);
}

/** A closed vote's settings decided its recorded result: they change only after a (recorded) reopen. */
function assertNotClosed(vote: YRecord): void {
  if (statusOfRecord(vote) === "closed") throw new DocError("voteClosed");
}

/** Creates a draft vote with for / against / abstain (or the given choices); returns its id. */
export function createVote(doc: Y.Doc, input: VoteInput): string {
  checkPatch({ motion: input.motion, threshold: input.threshold });
  const choices = input.choices?.filter((c) => c.trim() !== "");
  if (choices) choices.forEach((c) => limitText(c, LIMITS.short, "option"));
  if (choices && (choices.length < 2 || choices.length > LIMITS.options)) {
    throw new DocError("tooManyOptions", { min: 2, max: LIMITS.options });
  }
  const specs: { label: string; role: OptionRole }[] = choices
    ? choices.map((label) => ({ label, role: "choice" }))
    : [
        { label: "", role: "for" },
        { label: "", role: "against" },
        { label: "", role: "abstain" },
      ];
  return change(doc, (r) => {
    if (input.issueId) getRecord(r, "issues", input.issueId);
    // Options and tally maps are made with the vote, never lazily: two peers creating the same nested map
    // concurrently would each make their own and one would lose its counts.
    const optionMap = new Y.Map<YRecord>();
    const keys = generateNKeysBetween(null, null, specs.length);
    specs.forEach((spec, i) => {
      const id = newId();
      optionMap.set(id, makeRecord({ id, order: keys[i], ...spec }));
    });
    return appendRecord(r, "votes", newId(), {
      motion: input.motion,
      status: "draft",
      mode: input.mode ?? "count",
      present: null,
      quorum: null,
      threshold: { ...(input.threshold ?? DEFAULT_THRESHOLD) },
      issueId: input.issueId ?? null,
      agendaId:
        input.agendaId === undefined
          ? ((r.meta.get("currentAgendaId") as string | null) ?? null)
          : input.agendaId,
      openedAt: null,
      closedAt: null,
      options: optionMap,
      tally: new Y.Map<number>(),
      history: new Y.Array<VoteHistoryEntry>(),
    });
  });
}

const shown = (v: unknown): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** Edits the motion, counting mode, present, quorum or threshold; each rule changed is in the history. */
export function updateVote(doc: Y.Doc, id: string, patch: VotePatch, now = Date.now()): void {
  checkPatch(patch);
  change(doc, (r) => {
    const vote = getRecord(r, "votes", id);
    assertNotClosed(vote);
    const threshold = patch.threshold ? { ...patch.threshold } : undefined;
    const rules = { mode: patch.mode, present: patch.present, quorum: patch.quorum, threshold };
    for (const [field, value] of Object.entries(rules)) {
      if (value === undefined) continue;
      const before = field === "threshold" ? cleanThreshold(vote.get(field)) : vote.get(field);
      if (shown(before) === shown(value)) continue;
      const entry =
        field === "mode"
          ? { kind: "mode" as const }
          : { kind: "settings" as const, field, from: shown(before), to: shown(value) };
      history(vote).push([{ at: now, by: actorOf(doc), ...entry }]);
    }
    setFields(vote, { ...patch, threshold });
  });
}

/** Adds a choice option to a vote that is not closed. */
export function addVoteOption(doc: Y.Doc, voteId: string, label: string): string {
  limitText(requireText(label, "option"), LIMITS.short, "option");
  return change(doc, (r) => {
    const vote = getRecord(r, "votes", voteId);
    assertNotClosed(vote);
    const map = options(vote);
    if (map.size >= LIMITS.options) throw new DocError("tooManyOptions", { min: 2, max: LIMITS.options });
    const sorted = [...map.entries()]
      .filter(([, o]) => o instanceof Y.Map)
      .map(([id, o]) => ({ id, order: String(o.get("order") ?? "") }))
      .sort(byOrder);
    const id = newId();
    map.set(id, makeRecord({ id, order: keyAtEnd(sorted), label, role: "choice" }));
    return id;
  });
}

/** Renames an option of a vote that is not closed. */
export function renameVoteOption(doc: Y.Doc, voteId: string, optionId: string, label: string): void {
  limitText(requireText(label, "option"), LIMITS.short, "option");
  change(doc, (r) => {
    const vote = getRecord(r, "votes", voteId);
    assertNotClosed(vote);
    const o = options(vote).get(optionId);
    if (!(o instanceof Y.Map)) throw new DocError("notFound", { collection: "options", id: optionId });
    o.set("label", label);
  });
}
