// Backing up a whole community from this tablet (its workspace and every session stored here) and importing
// such a backup: read and checked whole first (storage untouched on any problem), then stored.
import * as Y from "yjs";
import type { ArchiveErrorCode } from "../export/archive.ts";
import { exportCommunityBackup, loadCommunityBackup } from "../export/communityBackup.ts";
import { listSessions } from "../persistence/catalogue.ts";
import { getCommunity, putCommunity } from "../persistence/communities.ts";
import type { AppDb } from "./appDb.ts";
import type { Communities } from "./communities.ts";
import { storeNewWorkspace } from "./communities.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import { importArchiveText } from "./importArchive.ts";
import { rescueArchive } from "./rescueArchive.ts";

/** Backup JSON text of the open community `handle` with every one of its sessions stored on this tablet. */
export async function communityBackupText(appDb: AppDb, handle: CommunityHandle): Promise<string> {
  handle.load(); // a workspace opened from its view holds its whole state only once loaded
  await handle.flush();
  const ids = (await listSessions(appDb.current)).filter((s) => s.communityId === handle.id).map((s) => s.id);
  const archives: string[] = [];
  // One at a time: each opens the session's stored rows into a scratch document.
  for (const id of ids) archives.push(await rescueArchive(appDb, id));
  return exportCommunityBackup(handle.doc, archives);
}

export type BackupImportResult =
  { ok: true; id: string; name: string } | { ok: false; error: ArchiveErrorCode };

/**
 * Imports backup text; resolves to the community's id and name, or the reason it was refused (nothing stored then).
 * The workspace is merged into the one here if the community is already on this tablet (nothing is lost),
 * and each session is imported as an archive is. Rejects with a StorageError when a write fails.
 */
export async function importCommunityBackupText(
  appDb: AppDb,
  communities: Pick<Communities, "opened" | "refresh">,
  text: string,
): Promise<BackupImportResult> {
  const loaded = loadCommunityBackup(text);
  if (!loaded.ok) return loaded;
  const { id, name } = loaded.backup.data;
  const open = communities.opened(id);
  if (open) {
    open.load(); // merged into its stored state, not ahead of it
    Y.applyUpdate(open.doc, loaded.update, "yishi:import");
    await open.flush();
  } else {
    await storeNewWorkspace(appDb, (doc) => Y.applyUpdate(doc, loaded.update, "yishi:import"), id);
  }
  if (!(await getCommunity(appDb.current, id)))
    await putCommunity(appDb.current, { id, name, code: null, role: "facilitator", addedAt: Date.now() });
  for (const s of loaded.sessions) {
    const result = await importArchiveText(appDb, JSON.stringify(s.archive));
    if (!result.ok) return result; // checked above already: only a change between the two reads gets here
  }
  await communities.refresh();
  return { ok: true, id, name };
}
