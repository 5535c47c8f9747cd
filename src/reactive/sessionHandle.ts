// An open session for the UI: its Yjs document, local store, undo, and every mutator bound and error-reporting.
import * as Y from "yjs";
import { createRoot, type Accessor } from "solid-js";
import { unwrap } from "solid-js/store";
import * as agenda from "../doc/session/agenda.ts";
import * as followUps from "../doc/session/followUps.ts";
import * as issues from "../doc/session/issues.ts";
import * as minutes from "../doc/session/minutes.ts";
import * as quickPoll from "../doc/session/quickPoll.ts";
import * as reportBack from "../doc/session/reportBack.ts";
import * as records from "../doc/session/records.ts";
import * as session from "../doc/session/session.ts";
import * as votes from "../doc/session/votes.ts";
import { setActor, setDeviceReadOnly, type CollectionName } from "../doc/session/sessionDoc.ts";
import { repairDoc } from "../doc/session/repair.ts";
import { createSoon } from "./soon.ts";
import { VIEW_VERSION, type SessionSnapshot } from "../doc/session/schema.ts";
import { putSessionSummary } from "../persistence/catalogue.ts";
import type { AppDb } from "./appDb.ts";
import { openStoredDoc, type SaveStatus } from "./storedDoc.ts";
import { createYStore } from "./createYStore.ts";
import { notify } from "./notices.ts";
import { committedDigest, summarize } from "./summary.ts";
import { createSessionSync, type SessionSync } from "./sessionSync.ts";
import { createSessionShare } from "./sessionShare.ts";
import { createUndoState } from "./undoState.ts";
import { bindActions, type BoundActions } from "./bindActions.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import type { Communities } from "./communities.ts";
import { createSessionCommunity } from "./sessionCommunity.ts";
import { setOpenDoc } from "./openDocs.ts";
import { readMeta } from "../doc/session/snapshot.ts";
import { textCaret, type TextCaret, type TextPath } from "./textCaret.ts";
import { roleIn, shareCodeOf, type Role } from "../sync/deviceSettings.ts";

const MODULES = { agenda, followUps, issues, minutes, quickPoll, records, reportBack, session, votes };
type Actions = BoundActions<typeof MODULES>;

export type { SaveStatus };

export interface SessionHandle {
  id: string;
  state: SessionSnapshot;
  actions: Actions;
  saveStatus: Accessor<SaveStatus>;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  undo(): void;
  redo(): void;
  /** The workspace of the session's community on this tablet (its matters), or null for none. */
  community: Accessor<CommunityHandle | null>;
  /** This device's role in the session; a display never writes. */
  role: Role;
  sync: SessionSync;
  /**
   * Shares the session: makes its code if this device has none and joins the room (not an undoable edit).
   * True when an older code was just given a write secret (other staff tablets must join again).
   */
  share(): boolean;
  /** Deletes a record and offers "Undo" next to the message; nothing is said when the delete was refused. */
  remove(collection: CollectionName, id: string, what: string): void;
  /** The whole session as archive JSON text; the join code goes in only when asked for. */
  exportArchive(options?: { withShareCode?: boolean }): Promise<string>;
  /** Caret anchors for the shared text at `path`, for a text field kept in place across remote edits. */
  caret(path: TextPath): TextCaret;
  /** Resolves when every edit so far is written to IndexedDB. */
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

/** True when `data` has the shape of session `id`'s SessionSnapshot, as far as rendering relies on it. */
function isViewOf(data: unknown, id: string): data is SessionSnapshot {
  const view = data as Partial<Record<keyof SessionSnapshot, unknown>> | null;
  const lists = ["attendees", "categories", "agenda", "issues", "votes", "followUps"] as const;
  return (
    typeof view === "object" &&
    view !== null &&
    (view.meta as { id?: unknown } | undefined)?.id === id &&
    lists.every((name) => Array.isArray(view[name]))
  );
}

const SUMMARY_DELAY_MS = 400;
const openHandles = new Set<SessionHandle>();

/** Writes every open session's pending edits (before an app update reloads the page). */
export async function flushOpenSessions(): Promise<void> {
  await Promise.all([...openHandles].map((h) => h.flush()));
}

/**
 * Opens session `id` from IndexedDB. When the stored view of the session matches its stored rows, the
 * handle shows that view at once and the Yjs state is applied after the first paint, or sooner by the
 * first edit (synchronously, so the edit applies to the whole session); else it resolves once loaded.
 */
export async function openSession(
  appDb: AppDb,
  id: string,
  deviceName = "",
  communities?: Communities,
): Promise<SessionHandle> {
  const doc = new Y.Doc();
  setActor(doc, deviceName);
  const role = roleIn(id);
  if (role === "display") setDeviceReadOnly(doc);
  // The view stored is what the screen shows (its store is made below, once the rows are read).
  const shown: { state?: SessionSnapshot } = {};
  const sync = createSessionSync(doc, role);
  const sharing = createSessionShare(id, doc, sync, role);
  const joined = createSessionCommunity(doc, communities);
  const opened = await openStoredDoc(appDb, id, doc, {
    viewVersion: VIEW_VERSION,
    readView: () => unwrap(shown.state),
    isView: (data): data is SessionSnapshot => isViewOf(data, id),
    // Once the stored state is in the doc: repair what merges broke, and rejoin the session's room.
    afterLoad: () => {
      repairDoc(doc);
      sharing.afterLoad();
      joined.start(readMeta(doc));
      // A secretary's tablet is the recorder unless someone is named already.
      if (role === "secretary" && deviceName.trim() !== "") {
        try {
          session.fillRecorder(doc, deviceName);
        } catch {
          // Locked or read-only here: the minutes keep what they have.
        }
      }
    },
    mark: "session",
  });
  const { store, view, load, saveStatus } = opened;

  const undo = createUndoState(doc);

  let summaryTimer: ReturnType<typeof setTimeout> | undefined;
  const { state, dispose: disposeRoot } = createRoot((dispose) => ({
    state: createYStore(doc, view ?? undefined),
    dispose,
  }));
  shown.state = state;
  /** Set when a row went out without its digest: the next write of the rows brings one. */
  let digestOwed = false;
  const saveSummary = async () => {
    clearTimeout(summaryTimer);
    summaryTimer = undefined;
    // The digest is what community sync compares after a reload: it describes committed rows only (a failed
    // write is reported by the store and retried; the row goes out without a digest meanwhile).
    await store.flush().catch(() => {});
    const digest = committedDigest(store);
    digestOwed = !digest && store.synced;
    return putSessionSummary(appDb.current, { ...summarize(state), ...(digest && { digest }) }).catch(
      (e: unknown) => console.error(e),
    );
  };
  store.on("status", (status: string) => {
    if (status === "saved" && digestOwed && summaryTimer === undefined) onUpdate();
  });
  const onUpdate = () => {
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(saveSummary, SUMMARY_DELAY_MS);
  };
  // What arrives from a peer may break a rule no single edit can (see repair.ts): mend it just after.
  const repairSoon = createSoon(() => {
    if (store.synced) repairDoc(doc);
  });
  // Not an "update" listener: with one, Yjs encodes every transaction for it, the stored state's too.
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    onUpdate();
    if (!tr.local) repairSoon();
  };
  doc.on("afterTransaction", onTransaction);
  // The catalogue row may lag behind the document (a reload inside the debounce, edits merged from a peer):
  // bring it up to date soon after open (not before the first render), and when the tab is hidden or closed.
  // The stored view too: a tablet switched to another app may never come back to this page.
  onUpdate();
  const onHide = () => {
    void saveSummary();
    void store.writeView();
  };
  const onVisibility = () => document.visibilityState === "hidden" && onHide();
  window.addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onVisibility);

  const actions = bindActions(doc, MODULES, load);

  const handle: SessionHandle = {
    id,
    state,
    role,
    sync,
    caret: (path) => textCaret(doc, path, load),
    community: joined.community,
    exportArchive: async (options = {}) => {
      load();
      const shareCode = options.withShareCode ? shareCodeOf(id)?.code : undefined;
      // The archive writer loads when an archive is made.
      const { exportArchive } = await import("../export/archive.ts");
      return exportArchive(doc, new Date(), { shareCode });
    },
    remove: (collection, recordId, what) => {
      if (actions.records.deleteRecord(collection, recordId) === undefined) return;
      notify({
        kind: "info",
        key: "notice.deleted",
        params: { what: what.slice(0, 20) },
        action: { key: "action.undo", run: () => undo.undo() },
      });
    },
    share: () => {
      load();
      return sharing.share();
    },
    actions,
    saveStatus,
    canUndo: undo.canUndo,
    canRedo: undo.canRedo,
    undo: undo.undo,
    redo: undo.redo,
    flush: async () => {
      joined.flush();
      await store.flush();
      if (summaryTimer !== undefined) await saveSummary();
    },
    dispose: async () => {
      opened.dispose();
      joined.dispose();
      doc.off("afterTransaction", onTransaction);
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      await saveSummary();
      undo.destroy();
      disposeRoot();
      openHandles.delete(handle);
      setOpenDoc(id, null);
      await sync.disconnect();
      await store.destroy();
      doc.destroy();
    },
  };
  openHandles.add(handle);
  setOpenDoc(id, doc);
  return handle;
}
