// The catalogue row of a session: what the home screen lists without loading the document.
import type { SessionSnapshot } from "../doc/session/schema.ts";
import type { SessionSummary } from "../persistence/catalogue.ts";
import type { SessionStore } from "../persistence/sessionStore.ts";
import { docDigest } from "../doc/digest.ts";

/** Counts for the community's report: raised, urgent, votes, follow-ups, resolved. */
export function summarize(s: SessionSnapshot, now = Date.now()): SessionSummary {
  return {
    id: s.meta.id,
    communityId: s.meta.communityId,
    talkPointId: s.meta.talkPoint.id,
    title: s.meta.title,
    startsAt: s.meta.startsAt,
    updatedAt: now,
    schemaVersion: s.meta.schemaVersion,
    counts: {
      issues: s.issues.length,
      urgent: s.issues.filter((i) => i.urgent).length,
      votes: s.votes.length,
      followUps: s.followUps.length,
      resolved: s.followUps.filter((f) => f.status === "resolved").length,
    },
  };
}

/**
 * The digest of what `store`'s rows hold, or undefined while the doc holds more than they do (a write
 * queued or under way) or has not loaded them: a stored digest must never claim state a reload lacks, or
 * a peer with that state would compare equal and never send it back. Read it right after `flush()`.
 */
export function committedDigest(store: SessionStore): string | undefined {
  return store.synced && store.pending === 0 ? docDigest(store.doc) : undefined;
}
