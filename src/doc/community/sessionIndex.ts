// The workspace's index of its sessions: what the register and the report need of each, without loading it.
import type * as Y from "yjs";
import type { SessionEntry } from "./schema.ts";
import { changeWorkspace, record } from "./workspaceDoc.ts";

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
