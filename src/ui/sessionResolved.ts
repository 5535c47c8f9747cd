// How many of each session's matters the register holds as resolved (or closed after feedback): the home
// screen's session rows count what the register says, not the follow-ups' status inside the session, which
// the register's steps leave as it was at the table. One count per community, kept current with its matters.
import { createMemo, createRoot, type Accessor } from "solid-js";
import type { CommunityHandle } from "../reactive/communityHandle.ts";

const counts = new WeakMap<CommunityHandle, Accessor<ReadonlyMap<string, number>>>();

/** The resolved matters of each session of community `handle`, by session id. */
export function resolvedBySession(handle: CommunityHandle): Accessor<ReadonlyMap<string, number>> {
  let memo = counts.get(handle);
  if (!memo) {
    // Lives as long as the handle (a home screen's rows come and go; the count is made once).
    memo = createRoot(() =>
      createMemo(() => {
        const out = new Map<string, number>();
        for (const m of handle.matters())
          if (m.status === "resolved" || m.status === "closed")
            out.set(m.sessionId, (out.get(m.sessionId) ?? 0) + 1);
        return out;
      }),
    );
    counts.set(handle, memo);
  }
  return memo;
}
