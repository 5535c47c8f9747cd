// A session's follow-ups as the register has them now: owner, due date, department and status come from the
// community's matters (what happened since the table), so the session and its minutes show the register.
import type { FollowUp } from "../session/schema.ts";
import type { Matter } from "./schema.ts";

/** A follow-up with its register state: `matterStatus` is the matter's status (open … closed). */
export type JoinedFollowUp = FollowUp & { matterStatus?: string };

/** The follow-ups with what their matters say now (a follow-up with no matter stays as the session has it). */
export function joinFollowUps(followUps: readonly FollowUp[], matters: readonly Matter[]): JoinedFollowUp[] {
  const byId = new Map(matters.map((m) => [m.id, m]));
  return followUps.map((f) => {
    const m = byId.get(f.id);
    if (!m) return f;
    return {
      ...f,
      owner: m.owner,
      ownerKind: m.ownerKind,
      due: m.due,
      escalatedTo: m.escalation?.department ?? f.escalatedTo,
      matterStatus: m.status,
    };
  });
}
