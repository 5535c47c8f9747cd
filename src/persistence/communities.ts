// The communities this tablet holds: a row each (name, pairing code, this tablet's role); the workspace
// document itself is stored like a session's, as rows of `updates` under its document id.
import type { YishiDatabase } from "./db.ts";
import { toStorageError } from "./errors.ts";

/** Roles a tablet can have in a community, as in a session. */
export type CommunityRole = "facilitator" | "secretary" | "gridWorker" | "display";

export interface CommunityRow {
  id: string;
  /** The name as last seen in the workspace (for lists before the workspace is open). */
  name: string;
  /** The pairing code of the community's room, or null while it is not paired with another tablet. */
  code: string | null;
  role: CommunityRole;
  addedAt: number;
}

/** The key under which a community's workspace document is stored in `updates` and `views`. */
export const workspaceDocId = (communityId: string): string => `community:${communityId}`;

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Every community on this tablet, by name. */
export function listCommunities(db: YishiDatabase): Promise<CommunityRow[]> {
  return guarded(async () =>
    (await db.getAll("communities")).sort(
      (a, b) => a.name.localeCompare(b.name, "zh") || (a.id < b.id ? -1 : 1),
    ),
  );
}

/** Adds or replaces a community's row. */
export function putCommunity(db: YishiDatabase, row: CommunityRow): Promise<void> {
  return guarded(async () => void (await db.put("communities", row)));
}

/** One community's row, or undefined. */
export function getCommunity(db: YishiDatabase, id: string): Promise<CommunityRow | undefined> {
  return guarded(() => db.get("communities", id));
}
