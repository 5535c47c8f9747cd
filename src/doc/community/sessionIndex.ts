// The workspace's index of its sessions (what the register and the report need of each, without loading
// it), and the state vector of each session the register was last written from.
import type * as Y from "yjs";
import type { SessionSnapshot } from "../session/schema.ts";
import type { SessionEntry } from "./schema.ts";
import { changeWorkspace, record } from "./workspaceDoc.ts";

/** Something was recorded at the session: an issue, attendance, a vote, a follow-up, notes, a report-back. */
export function isHeld(s: SessionSnapshot): boolean {
  return (
    s.issues.length > 0 ||
    s.followUps.length > 0 ||
    s.votes.length > 0 ||
    s.attendees.length > 0 ||
    s.headcount > 0 ||
    s.notes.trim() !== "" ||
    s.minutes.trim() !== "" ||
    s.lock !== null ||
    s.agenda.some((a) => a.status !== "pending" || a.notes.trim() !== "") ||
    s.reportBack.some((r) => r.said.trim() !== "")
  );
}

/** The workspace's index entry of a session. */
export function sessionEntryOf(s: SessionSnapshot): SessionEntry {
  return {
    id: s.meta.id,
    talkPointId: s.meta.talkPoint.id,
    title: s.meta.title,
    startsAt: s.meta.startsAt,
    headcount: Math.max(s.headcount, s.attendees.length),
    visitors: s.attendees.filter((a) => a.role === "resident" || a.role === "merchant").length,
    issues: s.issues.length,
    urgent: s.issues.filter((i) => i.urgent).length,
    locked: s.lock !== null,
    held: isHeld(s),
    createdAt: s.meta.createdAt,
  };
}

/**
 * Records (or brings up to date) a session of the community. Every tablet holding the session writes the
 * same values from the same merged state, so only fields that differ are written.
 */
export function putSessionEntry(doc: Y.Doc, entry: SessionEntry): void {
  changeWorkspace(doc, (r) => {
    const current = r.sessions.get(entry.id);
    if (!current) {
      r.sessions.set(entry.id, record({ ...entry }));
      return;
    }
    for (const [key, value] of Object.entries(entry)) if (current.get(key) !== value) current.set(key, value);
  });
}

/**
 * True when this tablet's copy of session `id` (state vector `sv`) is strictly older than the one the
 * register was last written from: it lacks edits that copy had and has none of its own.
 */
export function staleSession(doc: Y.Doc, id: string, sv: ReadonlyMap<number, number>): boolean {
  const stored: unknown = doc.getMap<unknown>("sessionStates").get(id);
  if (typeof stored !== "object" || stored === null) return false;
  const clocks = stored as Record<string, unknown>;
  let behind = false;
  for (const [client, clock] of Object.entries(clocks))
    if (typeof clock === "number" && (sv.get(Number(client)) ?? 0) < clock) behind = true;
  if (!behind) return false;
  for (const [client, clock] of sv) {
    const theirs = clocks[String(client)];
    if ((typeof theirs === "number" ? theirs : 0) < clock) return false;
  }
  return true;
}

/** Records the state vector of the session the register was just written from. */
export function writeSessionState(doc: Y.Doc, id: string, sv: ReadonlyMap<number, number>): void {
  changeWorkspace(doc, (r) => r.sessionStates.set(id, Object.fromEntries(sv)));
}
