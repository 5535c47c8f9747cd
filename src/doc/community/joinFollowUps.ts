// A session's follow-ups as the register has them now: each is an action of a matter, whose owner, due date,
// state and department come from the community's register (what happened since the table), so the session
// and its minutes show the register.
import type { FollowUp } from "../session/schema.ts";
import type { Matter } from "./schema.ts";

/** A follow-up with its register state: `matterStatus` is its matter's status (open … withdrawn). */
export type JoinedFollowUp = FollowUp & { matterStatus?: string };

/** The follow-ups with what their matters say now (a follow-up with no matter stays as the session has it). */
export function joinFollowUps(followUps: readonly FollowUp[], matters: readonly Matter[]): JoinedFollowUp[] {
  const byAction = new Map<string, Matter>();
  for (const m of matters) for (const a of m.actions) byAction.set(a.id, m);
  return followUps.map((f) => {
    const m = byAction.get(f.id);
    const a = m?.actions.find((x) => x.id === f.id);
    if (!m || !a) return f;
    return {
      ...f,
      owner: a.owner || m.owner,
      ownerKind: a.owner ? a.ownerKind : m.ownerKind,
      due: a.due || m.due,
      escalatedTo: m.escalation?.department ?? f.escalatedTo,
      matterStatus: a.state === "done" ? "resolved" : m.status,
    };
  });
}
