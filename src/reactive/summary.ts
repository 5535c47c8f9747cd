// The catalogue row of a session: what the home screen lists without loading the document.
import type { SessionSnapshot } from "../doc/session/schema.ts";
import type { SessionSummary } from "../persistence/catalogue.ts";

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
