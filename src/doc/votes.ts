// Mutators for show-of-hands votes: motion, options, open/close, tally taps and typed corrections.
import * as Y from "yjs";
import { generateNKeysBetween } from "fractional-indexing";
import { addToCounter, counterTotal } from "./counter.ts";
import { DocError, limitInt, limitText, requireText } from "./docError.ts";
import { newId } from "./ids.ts";
import { keyAtEnd } from "./order.ts";
import { appendRecord, setFields } from "./records.ts";
import { actorOf, change, getRecord, makeRecord, type YRecord } from "./sessionDoc.ts";
import { LIMITS, type OptionRole, type Threshold, type VoteHistoryEntry, type VoteMode } from "./schema.ts";

const MAX_COUNT = 100_000;
export const DEFAULT_THRESHOLD: Threshold = { kind: "simple", basis: "cast", num: 1, den: 2 };

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
    const options = new Y.Map<YRecord>();
    const keys = generateNKeysBetween(null, null, specs.length);
    specs.forEach((spec, i) => {
      const id = newId();
      options.set(id, makeRecord({ id, order: keys[i], ...spec }));
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
      options,
      tally: new Y.Map<number>(),
      history: new Y.Array<VoteHistoryEntry>(),
    });
  });
}

function history(vote: YRecord): Y.Array<VoteHistoryEntry> {
  return vote.get("history") as Y.Array<VoteHistoryEntry>;
}
function tally(vote: YRecord): Y.Map<number> {
  return vote.get("tally") as Y.Map<number>;
}
function option(vote: YRecord, optionId: string): YRecord {
  const o = (vote.get("options") as Y.Map<YRecord>).get(optionId);
  if (!o) throw new DocError("notFound", { collection: "options", id: optionId });
  return o;
}

/** Edits the motion, counting mode, present, quorum or threshold. */
export function updateVote(doc: Y.Doc, id: string, patch: VotePatch, now = Date.now()): void {
  checkPatch(patch);
  change(doc, (r) => {
    const vote = getRecord(r, "votes", id);
    if (patch.mode !== undefined && patch.mode !== vote.get("mode")) {
      history(vote).push([{ at: now, by: actorOf(doc), kind: "mode" }]);
    }
    setFields(vote, { ...patch, threshold: patch.threshold ? { ...patch.threshold } : undefined });
  });
}

/** Adds a choice option to a vote that is not closed. */
export function addVoteOption(doc: Y.Doc, voteId: string, label: string): string {
  limitText(requireText(label, "option"), LIMITS.short, "option");
  return change(doc, (r) => {
    const vote = getRecord(r, "votes", voteId);
    if (vote.get("status") === "closed") throw new DocError("voteNotOpen");
    const options = vote.get("options") as Y.Map<YRecord>;
    if (options.size >= LIMITS.options) throw new DocError("tooManyOptions", { min: 2, max: LIMITS.options });
    const sorted = [...options.values()].map((o) => ({
      id: String(o.get("id")),
      order: String(o.get("order")),
    }));
    const id = newId();
    options.set(
      id,
      makeRecord({
        id,
        order: keyAtEnd(sorted.sort((a, b) => (a.order < b.order ? -1 : 1))),
        label,
        role: "choice",
      }),
    );
    return id;
  });
}

/** Renames an option. */
export function renameVoteOption(doc: Y.Doc, voteId: string, optionId: string, label: string): void {
  limitText(requireText(label, "option"), LIMITS.short, "option");
  change(doc, (r) => option(getRecord(r, "votes", voteId), optionId).set("label", label));
}

/** Opens a vote for counting (from draft, or reopens a closed one: recorded in its history). */
export function openVote(doc: Y.Doc, id: string, now = Date.now()): void {
  change(doc, (r) => {
    const vote = getRecord(r, "votes", id);
    if (vote.get("status") === "open") return;
    const wasClosed = vote.get("status") === "closed";
    vote.set("status", "open");
    if (!wasClosed) vote.set("openedAt", now);
    vote.set("closedAt", null);
    history(vote).push([{ at: now, by: actorOf(doc), kind: wasClosed ? "reopen" : "open" }]);
  });
}

/** Closes counting; the verdict is then shown from the final counts. */
export function closeVote(doc: Y.Doc, id: string, now = Date.now()): void {
  change(doc, (r) => {
    const vote = getRecord(r, "votes", id);
    if (vote.get("status") !== "open") throw new DocError("voteNotOpen");
    vote.set("status", "closed");
    vote.set("closedAt", now);
    history(vote).push([{ at: now, by: actorOf(doc), kind: "close" }]);
  });
}

/** An option's count: the sum over every device, never shown below zero. */
export function optionCount(doc: Y.Doc, voteId: string, optionId: string): number {
  const vote = doc.getMap<YRecord>("votes").get(voteId);
  return vote ? Math.max(0, counterTotal(tally(vote), optionId)) : 0;
}

/** One hand more (+1) or less (−1) on an option of an open vote; taps on several tablets all count. */
export function tapVote(doc: Y.Doc, voteId: string, optionId: string, delta: 1 | -1): void {
  change(doc, (r) => {
    const vote = getRecord(r, "votes", voteId);
    option(vote, optionId);
    if (vote.get("status") !== "open") throw new DocError("voteNotOpen");
    if (delta < 0 && optionCount(doc, voteId, optionId) <= 0)
      throw new DocError("belowZero", { field: "count" });
    addToCounter(tally(vote), optionId, doc.clientID, delta);
  });
}

/** Sets an option's count to a typed total: a correction recorded in the vote's history. */
export function setVoteCount(
  doc: Y.Doc,
  voteId: string,
  optionId: string,
  total: number,
  now = Date.now(),
): void {
  limitInt(total, 0, MAX_COUNT, "count");
  change(doc, (r) => {
    const vote = getRecord(r, "votes", voteId);
    option(vote, optionId);
    if (vote.get("status") !== "open") throw new DocError("voteNotOpen");
    const raw = counterTotal(tally(vote), optionId);
    const from = Math.max(0, raw);
    if (raw === total) return;
    // The delta is taken from the raw sum, so a total that concurrent decrements left below zero is corrected too.
    addToCounter(tally(vote), optionId, doc.clientID, total - raw);
    history(vote).push([{ at: now, by: actorOf(doc), kind: "set", optionId, from, to: total }]);
  });
}
