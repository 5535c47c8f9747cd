// The session documents of one community as the community's sync sees them (a DocSource): the open one on
// screen when a session is open, else a copy loaded from IndexedDB and kept while the sync works on it.
// A copy changed by a peer is written back to storage, listed on the home screen, and fed to the register.
import * as Y from "yjs";
import { sessionSource, syncSessionIntoWorkspace } from "../doc/community/fromSession.ts";
import { docDigest } from "../doc/digest.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import { getSessionSummary, putSessionSummary } from "../persistence/catalogue.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { sessionBytes } from "../persistence/db.ts";
import type { DocSource } from "../sync/docSource.ts";
import type { AppDb } from "./appDb.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import { onOpenDocs, openDoc, openDocs } from "./openDocs.ts";
import { workspaceRoots, type YRecord } from "../doc/community/workspaceDoc.ts";
import { committedDigest, summarize } from "./summary.ts";
import { isPeerOrigin, isSyncOrigin } from "../sync/syncOrigins.ts";
import { isSessionRemovedHere } from "../sync/deviceSettings.ts";
import { notifySessionsChanged } from "./sessionsChanged.ts";
import { reportError } from "./notices.ts";
import { onSessionRemoved } from "./removeSession.ts";

const NAME = /^session\/([A-Za-z0-9_-]{1,64})$/;
/** A loaded copy stays this long after its last use (one connection touches a document several times). */
const KEEP_MS = 5_000;
/** A copy a peer changed is listed and fed to the register this long after the last change. */
const PUBLISH_MS = 300;

/** The sync name of session `id`. */
export const sessionDocName = (id: string): string => `session/${id}`;

interface Loaded {
  doc: Y.Doc;
  store: SessionStore;
  ready: Promise<void>;
  timer?: ReturnType<typeof setTimeout>;
  /** Changed by a peer since it was last published (listed, digested, fed to the register). */
  changed: boolean;
  publishTimer?: ReturnType<typeof setTimeout>;
  /** The publish under way, if any. */
  publishing?: Promise<void>;
  /** Dropped because the session was removed here: nothing of it is stored, listed or published again. */
  dropped: boolean;
}

/** What a sync asking for a session removed from this tablet gets (the mux counts it as a source error). */
const removedError = (id: string) => new Error(`session ${id} was removed from this tablet`);

export interface CommunityDocs extends DocSource {
  /** Calls `fn` when the workspace's index gains a session (so the sync compares digests again). */
  onNewSessions(fn: () => void): () => void;
  /** Writes back and releases every loaded copy. */
  dispose(): Promise<void>;
}

/**
 * The community's sessions for its sync: those the workspace's index names, plus any a peer names
 * (`accepts`). Updates whose origin is a sync (`isSyncOrigin`: a peer mux, the relay) are stored and
 * listed as received; the mux's own are never echoed to the peers, the relay's are passed on to them.
 */
export function createCommunityDocs(appDb: AppDb, community: CommunityHandle): CommunityDocs {
  const loaded = new Map<string, Loaded>();
  const listeners = new Set<(name: string, update: Uint8Array) => void>();

  const ids = () => community.state.sessions.map((s) => s.id).filter((id) => !isSessionRemovedHere(id));

  /**
   * What a copy changed by a peer tells the rest of the app, soon after the change (the page may be
   * reloaded before the copy is released): its list row with the digest sync compares, and the register.
   */
  const publish = (entry: Loaded): Promise<void> => {
    clearTimeout(entry.publishTimer);
    entry.publishTimer = undefined;
    if (!entry.changed || entry.dropped) return entry.publishing ?? Promise.resolve();
    entry.changed = false;
    const run = publishNow(entry).finally(() => {
      if (entry.publishing === run) entry.publishing = undefined;
    });
    return (entry.publishing = run);
  };
  const publishNow = async (entry: Loaded) => {
    await entry.store.flush();
    // Checked after the flush, in the same task as the write below: a removal sets its mark first.
    if (entry.dropped || isSessionRemovedHere(entry.store.sessionId)) return;
    const state = snapshot(entry.doc);
    // No digest while a newer update waits to be written (it is published again once written).
    const digest = committedDigest(entry.store);
    await putSessionSummary(appDb.current, { ...summarize(state), ...(digest && { digest }) });
    notifySessionsChanged();
    community.load();
    syncSessionIntoWorkspace(community.doc, sessionSource(entry.doc, state), community.state.meta.timeZone);
  };

  const release = async (id: string, entry: Loaded) => {
    if (loaded.get(id) === entry) loaded.delete(id);
    try {
      await entry.store.flush();
      await publish(entry);
    } finally {
      await entry.store.destroy();
      entry.doc.destroy();
    }
  };

  const keep = (id: string, entry: Loaded) => {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void release(id, entry), KEEP_MS);
  };

  // A session removed here: its copy goes at once, what it received so far written back (so Undo keeps it
  // and the removal deletes it), nothing after that; the removal waits for this before deleting the rows.
  const drop = async (id: string) => {
    const entry = loaded.get(id);
    if (!entry) return;
    loaded.delete(id);
    entry.dropped = true;
    clearTimeout(entry.timer);
    clearTimeout(entry.publishTimer);
    try {
      await entry.publishing;
      await entry.store.destroy();
    } catch {
      // Its last updates could not be written: the session is being deleted anyway.
    } finally {
      entry.doc.destroy();
    }
  };
  const stopRemovals = onSessionRemoved(drop);

  const load = (id: string): Loaded => {
    let entry = loaded.get(id);
    if (!entry) {
      const doc = new Y.Doc();
      const store = new SessionStore(appDb.current, id, doc);
      const ready = store.whenSynced.then(() => {});
      const created: Loaded = { doc, store, ready, changed: false, dropped: false };
      doc.on("update", (_u: Uint8Array, origin: unknown) => {
        if (!isSyncOrigin(origin)) return;
        created.changed = true;
        clearTimeout(created.publishTimer);
        created.publishTimer = setTimeout(() => void publish(created).catch(reportError), PUBLISH_MS);
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
      if (entry.dropped) return;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(entry.doc));
      return release(id, entry);
    });
  });

  // Local edits of an open session of this community go to the peers. Whether a session is the
  // community's is asked at each edit: a new session learns its community only once its state is loaded.
  const mine = (id: string, doc: Y.Doc) =>
    ids().includes(id) || doc.getMap("meta").get("communityId") === community.id;
  const watched = new Map<string, { doc: Y.Doc; off: () => void }>();
  const watch = (id: string, doc: Y.Doc | null) => {
    watched.get(id)?.off();
    watched.delete(id);
    if (!doc) return;
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (isPeerOrigin(origin) || !mine(id, doc)) return;
      for (const fn of listeners) fn(sessionDocName(id), update);
    };
    doc.on("update", onUpdate);
    watched.set(id, { doc, off: () => doc.off("update", onUpdate) });
  };
  const stopOpenUpdates = onOpenDocs(watch);
  for (const [id, doc] of openDocs()) watch(id, doc);

  // A session that appears in the workspace's index after a connection opened is exchanged then.
  const indexWatchers = new Set<() => void>();
  const sessions = workspaceRoots(community.doc).sessions;
  const onIndex = (event: Y.YMapEvent<YRecord>) => {
    if ([...event.changes.keys.values()].some((change) => change.action === "add"))
      for (const fn of indexWatchers) fn();
  };
  sessions.observe(onIndex);

  return {
    accepts: (name) => {
      const id = NAME.exec(name)?.[1];
      return id !== undefined && !isSessionRemovedHere(id);
    },
    async digests() {
      const out = new Map<string, string>();
      for (const id of ids()) {
        const open = openDoc(id);
        if (open) {
          out.set(sessionDocName(id), docDigest(open));
          continue;
        }
        const summary = await getSessionSummary(appDb.current, id);
        let digest = summary?.digest;
        if (!digest) {
          // Not listed yet (an older app's, or a copy a peer sent that a reload cut short): from storage.
          if ((await sessionBytes(appDb.current, id)) === 0) continue; // not here: a peer sends it when asked
          const entry = load(id);
          await entry.ready;
          await entry.store.flush();
          if (entry.dropped || isSessionRemovedHere(id)) continue; // removed meanwhile
          digest = docDigest(entry.doc);
          // Stored only when it describes what the rows hold (a peer's update may wait to be written).
          const stored = committedDigest(entry.store);
          if (stored) {
            const row = { ...(summary ?? summarize(snapshot(entry.doc))), digest: stored };
            await putSessionSummary(appDb.current, row);
            if (!summary) notifySessionsChanged();
          }
        }
        out.set(sessionDocName(id), digest);
      }
      return out;
    },
    async withDoc(name, fn) {
      const id = NAME.exec(name)?.[1];
      if (!id) throw new Error(`not a session: ${name}`);
      if (isSessionRemovedHere(id)) throw removedError(id);
      const open = openDoc(id);
      if (open) return fn(open);
      const entry = load(id);
      await entry.ready;
      if (entry.dropped) throw removedError(id); // removed while it loaded
      return fn(entry.doc);
    },
    onLocalUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onNewSessions(fn) {
      indexWatchers.add(fn);
      return () => indexWatchers.delete(fn);
    },
    async dispose() {
      stopWatching();
      stopOpenUpdates();
      stopRemovals();
      sessions.unobserve(onIndex);
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
