// The register of a workspace an older version wrote (one matter per follow-up) brought to this version's:
// every session of the community this tablet holds is carried into it once more, so each issue raised is a
// matter (an issue settled at the table had none), the follow-ups become their issue's actions (read so by
// the readers, nothing rewritten), and the workspace is marked of this version.
import { sessionSource, syncSessionIntoWorkspace } from "../doc/community/fromSession.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import { listSessions } from "../persistence/catalogue.ts";
import { withSession } from "./adoptTalkPoints.ts";
import type { AppDb } from "./appDb.ts";
import type { CommunityHandle } from "./communityHandle.ts";

/** Carries every stored session of the community into its register (the upgrade); safe to run again. */
export async function upgradeRegister(appDb: AppDb, ws: CommunityHandle): Promise<void> {
  ws.load();
  const talkPoints = new Set(ws.state.talkPoints.map((tp) => tp.id));
  const timeZone = ws.state.meta.timeZone;
  for (const summary of await listSessions(appDb.current)) {
    if (summary.communityId !== ws.id && !(summary.communityId === "" && talkPoints.has(summary.talkPointId)))
      continue;
    const source = await withSession(appDb, summary.id, (doc) => sessionSource(doc, snapshot(doc)));
    syncSessionIntoWorkspace(ws.doc, source, timeZone);
  }
  await ws.flush();
}
