// Access to a vote record's nested Yjs types, refusing a record a peer stored without them.
import * as Y from "yjs";
import { DocError } from "../docError.ts";
import type { YRecord } from "./sessionDoc.ts";
import type { VoteHistoryEntry, VoteStatus } from "./schema.ts";
import { cleanHistory, statusOf } from "./voteState.ts";

function nested<T>(vote: YRecord, key: string, type: new () => T): T {
  const value = vote.get(key);
  if (!(value instanceof type)) throw new DocError("notFound", { collection: "votes", id: key });
  return value;
}

/** The vote's append-only history (status steps, corrections, rule changes). */
export const history = (vote: YRecord): Y.Array<VoteHistoryEntry> =>
  nested(vote, "history", Y.Array<VoteHistoryEntry>);
/** The vote's options by id. */
export const options = (vote: YRecord): Y.Map<YRecord> => nested(vote, "options", Y.Map<YRecord>);
/** The vote's per-device tap counters, keyed `<optionId>:<clientId>`. */
export const tally = (vote: YRecord): Y.Map<number> => nested(vote, "tally", Y.Map<number>);

/** The vote's history as plain entries (broken ones skipped). */
export const historyOf = (vote: YRecord): VoteHistoryEntry[] => cleanHistory(history(vote).toArray());

/** The vote's status, from its history. */
export const statusOfRecord = (vote: YRecord): VoteStatus => statusOf(historyOf(vote), vote.get("status"));
