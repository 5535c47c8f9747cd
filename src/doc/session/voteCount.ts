// Counting a show of hands: open, close (recording what decided it), tally taps and typed corrections.
import * as Y from "yjs";
import { DocError, limitInt } from "../docError.ts";
import { actorOf, change, getRecord, RECORD_ORIGIN } from "./sessionDoc.ts";
import { presentCount, readAttendees, readHeadcount, voteFromJson } from "./snapshot.ts";
import { addToCounter, rawTotal, sharesIn } from "../tally.ts";
import { liveResult } from "./verdict.ts";
import { lastCorrection } from "./voteState.ts";
import { history, historyOf, options, statusOfRecord, tally } from "./voteRecord.ts";
import type { YRecord } from "./sessionDoc.ts";

const MAX_COUNT = 100_000;

function option(vote: YRecord, optionId: string): void {
  if (!options(vote).has(optionId)) throw new DocError("notFound", { collection: "options", id: optionId });
}

function assertOpen(vote: YRecord): void {
  if (statusOfRecord(vote) !== "open") throw new DocError("voteNotOpen");
}

/** Opens a vote for counting (from draft, or reopens a closed one: recorded in its history). */
export function openVote(doc: Y.Doc, id: string, now = Date.now()): void {
  change(
    doc,
    (r) => {
      const vote = getRecord(r, "votes", id);
      const status = statusOfRecord(vote);
      if (status === "open") return;
      vote.set("status", "open");
      if (status === "draft") vote.set("openedAt", now);
      vote.set("closedAt", null);
      history(vote).push([{ at: now, by: actorOf(doc), kind: status === "closed" ? "reopen" : "open" }]);
    },
    RECORD_ORIGIN,
  );
}

/**
 * Closes counting and records what decided it (the tallies, people present, quorum, threshold, verdict):
 * the vote shows that result from now on, whatever changes later, until it is reopened.
 */
export function closeVote(doc: Y.Doc, id: string, now = Date.now()): void {
  change(
    doc,
    (r) => {
      const record = getRecord(r, "votes", id);
      assertOpen(record);
      const vote = voteFromJson({ ...record.toJSON(), id });
      const present = presentCount({ headcount: readHeadcount(doc), attendees: readAttendees(doc) });
      const result = liveResult(vote, present);
      record.set("status", "closed");
      record.set("closedAt", now);
      history(record).push([{ at: now, by: actorOf(doc), kind: "close", result }]);
    },
    RECORD_ORIGIN,
  );
}

/** An option's count now: its taps after the last correction it saw. */
export function optionCount(doc: Y.Doc, voteId: string, optionId: string): number {
  return Math.max(0, rawCount(doc, voteId, optionId));
}

function rawCount(doc: Y.Doc, voteId: string, optionId: string): number {
  const vote: unknown = doc.getMap("votes").get(voteId);
  if (!(vote instanceof Y.Map)) return 0;
  const record = vote as YRecord;
  return rawTotal(sharesIn(tally(record), optionId), lastCorrection(historyOf(record), optionId));
}

/** One hand more (+1) or less (−1) on an option of an open vote; taps on several tablets all count. */
export function tapVote(doc: Y.Doc, voteId: string, optionId: string, delta: 1 | -1): void {
  change(doc, (r) => {
    const vote = getRecord(r, "votes", voteId);
    option(vote, optionId);
    assertOpen(vote);
    if (delta < 0 && optionCount(doc, voteId, optionId) <= 0)
      throw new DocError("belowZero", { field: "count" });
    addToCounter(tally(vote), optionId, doc.clientID, delta);
  });
}

/**
 * Sets an option's count to a typed total: a correction recorded in the vote's history with the taps it
 * saw, so two tablets typing the same total agree and taps it did not see are added to it (tally.ts).
 */
export function setVoteCount(
  doc: Y.Doc,
  voteId: string,
  optionId: string,
  to: number,
  now = Date.now(),
): void {
  limitInt(to, 0, MAX_COUNT, "count");
  change(doc, (r) => {
    const vote = getRecord(r, "votes", voteId);
    option(vote, optionId);
    assertOpen(vote);
    const raw = rawCount(doc, voteId, optionId);
    // Compared before clamping, so a total that concurrent decrements left below zero is corrected too.
    if (raw === to) return;
    const from = Math.max(0, raw);
    const seen = sharesIn(tally(vote), optionId);
    history(vote).push([{ at: now, by: actorOf(doc), kind: "set", optionId, from, to, seen }]);
  });
}
