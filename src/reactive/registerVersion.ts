// Whether a community's workspace was written before the register counted matters (an upgrade is due).
import { WORKSPACE_SCHEMA_VERSION } from "../doc/community/schema.ts";
import type { CommunityHandle } from "./communityHandle.ts";

/** True when an older version wrote the workspace and this tablet may write it (a display never does). */
export function needsRegisterUpgrade(ws: Pick<CommunityHandle, "state" | "role">): boolean {
  const version = ws.state.meta.schemaVersion;
  return version > 0 && version < WORKSPACE_SCHEMA_VERSION && ws.role !== "display";
}
