// The session documents of one community as the community's sync sees them (a DocSource): the open one on
// screen when a session is open, else a copy loaded from IndexedDB and kept while the sync works on it.
// A copy changed by a peer is written back to storage, listed on the home screen, and fed to the register.
import * as Y from "yjs";
import { syncSessionIntoWorkspace } from "../doc/community/fromSession.ts";
import { docDigest } from "../doc/digest.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import { getSessionSummary, putSessionSummary } from "../persistence/catalogue.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import type { DocSource } from "../sync/docSource.ts";
import type { AppDb } from "./appDb.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import { onOpenDocs, openDoc } from "./openDocs.ts";
import { summarize } from "./summary.ts";
import { notifySessionsChanged } from "./sessionsChanged.ts";

const NAME = /^session\/([A-Za-z0-9_-]{1,64})$/;
/** A loaded copy stays this long after its last use (one connection touches a document several times). */
const KEEP_MS = 5_000;

/** The sync name of session `id`. */
export const sessionDocName = (id: string): string => `session/${id}`;

interface Loaded {
  doc: Y.Doc;
  store: SessionStore;
  ready: Promise<void>;
  timer?: ReturnType<typeof setTimeout>;
  changed: boolean;
}

export interface CommunityDocs extends DocSource {
  /** Writes back and releases every loaded copy. */
  dispose(): Promise<void>;
}

/**
 * The community's sessions for its sync: those the workspace's index names, plus any a peer names
 * (`accepts`). `isMuxOrigin` tells which updates came from the sync (they are stored, never echoed).
 */
export function createCommunityDocs(
  appDb: AppDb,
  community: CommunityHandle,
  isMuxOrigin: (origin: unknown) => boolean,
): CommunityDocs {
  const loaded = new Map<string, Loaded>();
  const listeners = new Set<(name: string, update: Uint8Array) => void>();

  const ids = () => community.state.sessions.map((s) => s.id);

  const release = async (id: string, entry: Loaded) => {
    loaded.delete(id);
    try {
      await entry.store.flush();
      if (entry.changed) {
        const state = snapshot(entry.doc);
        await putSessionSummary(appDb.current, { ...summarize(state), digest: docDigest(entry.doc) });
        notifySessionsChanged();
        community.load();
        syncSessionIntoWorkspace(community.doc, state, community.state.meta.timeZone);
      }
    } finally {
      await entry.store.destroy();
      entry.doc.destroy();
    }
  };

  const keep = (id: string, entry: Loaded) => {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void release(id, entry), KEEP_MS);
  };

  const load = (id: string): Loaded => {
    let entry = loaded.get(id);
    if (!entry) {
      const doc = new Y.Doc();
      const store = new SessionStore(appDb.current, id, doc);
      const created: Loaded = { doc, store, ready: store.whenSynced.then(() => {}), changed: false };
      doc.on("update", (_u: Uint8Array, origin: unknown) => {
        if (isMuxOrigin(origin)) created.changed = true;
      });
      loaded.set(id, (entry = created));
    }
    keep(id, entry);
    return entry;
  };

  // A session opened on screen takes over from its loaded copy: what the copy received goes into it.
  const stopWatching = onOpenDocs((id, doc) => {
    const entry = loaded.get(id);
    if (!doc || !entry) return;
    clearTimeout(entry.timer);
    void entry.ready.then(() => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(entry.doc));
      return release(id, entry);
    });
  });

  // Local edits of an open session of this community go to the peers.
  const watched = new Map<string, { doc: Y.Doc; off: () => void }>();
  const watch = (id: string, doc: Y.Doc | null) => {
    watched.get(id)?.off();
    watched.delete(id);
    const mine = doc && (ids().includes(id) || doc.getMap("meta").get("communityId") === community.id);
    if (!doc || !mine) return;
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (isMuxOrigin(origin)) return;
      for (const fn of listeners) fn(sessionDocName(id), update);
    };
    doc.on("update", onUpdate);
    watched.set(id, { doc, off: () => doc.off("update", onUpdate) });
  };
  const stopOpenUpdates = onOpenDocs(watch);
  for (const id of ids()) watch(id, openDoc(id) ?? null);

  return {
    accepts: (name) => NAME.test(name),
    async digests() {
      const out = new Map<string, string>();
      for (const id of ids()) {
        const open = openDoc(id);
        if (open) {
          out.set(sessionDocName(id), docDigest(open));
          continue;
        }
        const summary = await getSessionSummary(appDb.current, id);
        if (!summary) continue; // not on this tablet: a peer that has it sends it when asked
        let digest = summary.digest;
        if (!digest) {
          // Written by an older app: digest it once, from storage.
          const entry = load(id);
          await entry.ready;
          digest = docDigest(entry.doc);
          await putSessionSummary(appDb.current, { ...summary, digest });
        }
        out.set(sessionDocName(id), digest);
      }
      return out;
    },
    async withDoc(name, fn) {
      const id = NAME.exec(name)?.[1];
      if (!id) throw new Error(`not a session: ${name}`);
      const open = openDoc(id);
      if (open) return fn(open);
      const entry = load(id);
      await entry.ready;
      return fn(entry.doc);
    },
    onLocalUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      stopWatching();
      stopOpenUpdates();
      for (const { off } of watched.values()) off();
      await Promise.all(
        [...loaded.entries()].map(([id, entry]) => {
          clearTimeout(entry.timer);
          return release(id, entry);
        }),
      );
    },
  };
}
