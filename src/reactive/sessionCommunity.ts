// An open session of a community, joined to the community's workspace: its follow-ups become register
// matters, the register's copy of what was raised follows the session, and the session's index entry stays
// current. Runs on every paired tablet that holds both; displays never write.
import type * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import { sessionSource, syncSessionIntoWorkspace } from "../doc/community/fromSession.ts";
import { isDeviceReadOnly } from "../doc/device.ts";
import type { SessionMeta } from "../doc/session/schema.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import type { Communities } from "./communities.ts";
import { reportError } from "./notices.ts";

const DELAY_MS = 300;

/** The community a session belongs to on this tablet: the one it names, or the one holding its talk point. */
export function communityIdOf(
  meta: Pick<SessionMeta, "communityId" | "talkPoint">,
  communities: Communities,
): string | null {
  if (meta.communityId && communities.list().some((c) => c.id === meta.communityId)) return meta.communityId;
  for (const row of communities.list()) {
    const handle = communities.opened(row.id);
    if (handle?.state.talkPoints.some((tp) => tp.id === meta.talkPoint.id)) return row.id;
  }
  return null;
}

export interface SessionCommunity {
  /** The community's workspace once it is open, or null for a session of no community on this tablet. */
  community: Accessor<CommunityHandle | null>;
  /** Call once the session's stored state is in its document. */
  start(meta: SessionMeta): void;
  /** Writes what is pending at once (before the session closes). */
  flush(): void;
  dispose(): void;
}

/** Joins session `doc` to its community, if this tablet holds one. */
export function createSessionCommunity(doc: Y.Doc, communities: Communities | undefined): SessionCommunity {
  const [community, setCommunity] = createSignal<CommunityHandle | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const ws = community();
    if (!ws || disposed || isDeviceReadOnly(doc) || isDeviceReadOnly(ws.doc)) return;
    try {
      ws.load();
      syncSessionIntoWorkspace(ws.doc, sessionSource(doc, snapshot(doc)), ws.state.meta.timeZone);
    } catch (error) {
      reportError(error);
    }
  };
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    clearTimeout(timer);
    // A follow-up made here becomes a matter at once (its card shows the register's steps right away);
    // typing and the rest are gathered for a moment.
    const followUps: unknown = doc.getMap("followUps");
    if (tr.local && [...tr.changed.keys()].some((type) => type === followUps)) write();
    else timer = setTimeout(write, DELAY_MS);
  };
  return {
    community,
    start(meta) {
      if (!communities) return;
      const id = communityIdOf(meta, communities);
      if (!id) return;
      void communities
        .open(id)
        .then((ws) => {
          if (disposed) return;
          setCommunity(ws);
          doc.on("afterTransaction", onTransaction);
          write();
        })
        .catch(reportError);
    },
    flush: () => {
      if (timer !== undefined) write();
    },
    dispose() {
      if (timer !== undefined) write();
      disposed = true;
      doc.off("afterTransaction", onTransaction);
    },
  };
}
