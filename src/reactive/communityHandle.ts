// An open community workspace for the UI: its Yjs document, its Solid store (matters refreshed one by one),
// its save status, and every workspace mutator bound and error-reporting.
import * as Y from "yjs";
import { createRoot, createSignal, onCleanup, type Accessor } from "solid-js";
import { reconcile, unwrap, type SetStoreFunction } from "solid-js/store";
import * as directory from "../doc/community/directory.ts";
import * as matters from "../doc/community/matters.ts";
import * as sessionIndex from "../doc/community/sessionIndex.ts";
import * as talkPoints from "../doc/community/talkPoints.ts";
import { updateCommunity } from "../doc/community/workspaceDoc.ts";
import {
  readCategories,
  readCommunityMeta,
  readDirectory,
  byRaised,
  dayReader,
  matterOf,
  readMatters,
  readSessions,
  readTalkPoints,
  workspaceSnapshot,
} from "../doc/community/readers.ts";
import { buildMatterIndex, mattersOfKeys } from "../doc/community/matterIndex.ts";
import { repairWorkspace } from "../doc/community/repair.ts";
import { createSoon } from "./soon.ts";
import { isNewerWorkspace, workspaceRoots } from "../doc/community/workspaceDoc.ts";
import type { Matter, WorkspaceSnapshot } from "../doc/community/schema.ts";
import { setActor, setDeviceReadOnly } from "../doc/device.ts";
import { workspaceDocId, type CommunityRole } from "../persistence/communities.ts";
import type { AppDb } from "./appDb.ts";
import { bindActions, type BoundActions } from "./bindActions.ts";
import { createSlicedStore } from "./createYStore.ts";
import { openStoredDoc, type SaveStatus } from "./storedDoc.ts";
import { headFrom, headOf, isWorkspaceView, viewOf } from "./communityView.ts";
import type { CommunityHead, WorkspaceState } from "./communityView.ts";
import { WORKSPACE_VIEW_VERSION } from "./communityView.ts";

export { WORKSPACE_VIEW_VERSION, type WorkspaceState } from "./communityView.ts";

const MODULES = { directory, matters, sessionIndex, talkPoints, community: { updateCommunity } };
export type CommunityActions = BoundActions<typeof MODULES>;

export interface CommunityHandle {
  id: string;
  state: WorkspaceState;
  /**
   * The register's matters: a plain array (never store proxies: there may be thousands), replaced as a whole
   * on every change, unchanged matters kept as the same objects. Until the state is loaded they come from the
   * stored view, without their histories (`loaded()` tells).
   */
  matters: Accessor<readonly Matter[]>;
  /** True once the Yjs state is in the document (histories and every step are then known). */
  loaded: Accessor<boolean>;
  actions: CommunityActions;
  role: CommunityRole;
  saveStatus: Accessor<SaveStatus>;
  /** The workspace document, for the reactive layer only (sync, sessions): the UI never touches it. */
  doc: Y.Doc;
  /** Puts the stored state into the document now if it opened from its view. */
  load(): void;
  /** A screen shows the workspace now: its state is applied after that paint (else a second after opening). */
  shown(): void;
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

type SetState = SetStoreFunction<WorkspaceState>;
type Events = Y.YEvent<Y.AbstractType<unknown>>[];

/** Elements a transaction inserted (all clients), from its state vectors: no walk over the content. */
function insertedCount(tr: Y.Transaction): number {
  let n = 0;
  for (const [client, clock] of tr.afterState) n += clock - (tr.beforeState.get(client) ?? 0);
  return n;
}

/** A transaction inserting more than this many elements is read whole (a load, a large sync). */
const LARGE_TRANSACTION = 5_000;

/**
 * The keys a transaction touched on the register's roots (matters, actions, copy fields) and the matter and
 * action keys of the steps it appended, or null when it cannot tell. A large transaction is not looked into:
 * Yjs builds an array event's `changes` by concatenating every inserted item's content onto the last
 * (quadratic: 8.8 s of a 50,000-matter register's load).
 */
function touchedKeys(doc: Y.Doc, tr: Y.Transaction): Set<string> | null {
  if (insertedCount(tr) > LARGE_TRANSACTION) return null;
  const r = workspaceRoots(doc);
  const touched = new Set<string>();
  const eventsOf = (type: unknown) => (tr.changedParentTypes as Map<unknown, Events>).get(type) ?? [];
  for (const root of [r.matters, r.actions, r.fields]) {
    for (const event of eventsOf(root)) {
      if (event.target !== root) return null;
      for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
    }
  }
  for (const event of eventsOf(r.steps)) {
    if (event.changes.deleted.size > 0) return null;
    for (const change of event.changes.delta) {
      if (!change.insert) continue;
      if (!Array.isArray(change.insert) || change.insert.length > 200) return null;
      for (const step of change.insert as unknown[]) {
        const { matter, actionId } = (step ?? {}) as { matter?: unknown; actionId?: unknown };
        if (typeof matter === "string") touched.add(matter);
        if (typeof actionId === "string") touched.add(actionId);
      }
    }
  }
  return touched;
}

/**
 * The matters after a transaction: only those it touched are read again (a register holds thousands), the
 * list re-sorted only when one was added, removed or moved in the order; a large change is read whole.
 */
function nextMatters(doc: Y.Doc, before: readonly Matter[], tr: Y.Transaction): readonly Matter[] {
  const keys = touchedKeys(doc, tr);
  if (keys === null || keys.size > 200) return readMatters(doc);
  if (keys.size === 0) return before;
  const list = [...before];
  const at = new Map(list.map((m, i) => [m.id, i]));
  const touched = mattersOfKeys(doc, keys);
  // A key that named a matter before (a matter gone) refreshes it too, and so does an action that moved.
  for (const key of keys) if (at.has(key)) touched.add(key);
  for (const m of before) for (const a of m.actions) if (keys.has(a.id)) touched.add(m.id);
  // A matter linked to another ("same as…") changes that one's sessions: both are read again.
  for (const id of [...touched]) {
    const old = at.has(id) ? list[at.get(id)!]!.withdrawal : null;
    if (old?.why === "sameAs") touched.add(old.of);
  }
  let index = buildMatterIndex(doc, touched);
  let linked = false;
  for (const id of [...touched]) {
    const sameAs = index.infos.get(id)?.sameAs;
    if (typeof sameAs === "string" && sameAs && !touched.has(sameAs)) linked = touched.add(sameAs) !== null;
  }
  if (linked) index = buildMatterIndex(doc, touched);
  const dayOf = dayReader(readCommunityMeta(doc).timeZone);
  let resort = false;
  const removed = new Set<number>();
  for (const id of touched) {
    const matter = matterOf(index, id, dayOf);
    const i = at.get(id);
    if (matter === null) {
      if (i !== undefined) removed.add(i);
    } else if (i === undefined) {
      list.push(matter);
      resort = true;
    } else {
      resort ||= list[i]!.raisedOn !== matter.raisedOn || list[i]!.createdAt !== matter.createdAt;
      list[i] = matter;
    }
  }
  const kept = removed.size > 0 ? list.filter((_, i) => !removed.has(i)) : list;
  return resort ? kept.sort(byRaised) : kept;
}

/**
 * Opens community `id`'s workspace from IndexedDB (from its stored view first when it matches the rows,
 * so a register of thousands of matters shows before its Yjs state is applied).
 */
export async function openCommunity(
  appDb: AppDb,
  id: string,
  options: {
    role?: CommunityRole;
    deviceName?: string;
    /** Called with the stored head of the view (null: none) while the view is still being read. */
    onHead?: (head: CommunityHead | null) => void;
  } = {},
): Promise<CommunityHandle> {
  const doc = new Y.Doc();
  const role = options.role ?? "facilitator";
  setActor(doc, options.deviceName ?? "");
  if (role === "display") setDeviceReadOnly(doc);
  const shown: { state?: WorkspaceState; matters?: Accessor<readonly Matter[]> } = {};
  const [loaded, setLoaded] = createSignal(false);
  const opened = await openStoredDoc(appDb, workspaceDocId(id), doc, {
    viewVersion: WORKSPACE_VIEW_VERSION,
    readView: () => viewOf(unwrap(shown.state!), shown.matters!()),
    readHead: () => headOf(unwrap(shown.state!), shown.matters!()),
    onHead: (data) => options.onHead?.(headFrom(data, id)),
    isView: (data): data is WorkspaceSnapshot => isWorkspaceView(data, id),
    afterLoad: () => {
      setLoaded(true);
      repairWorkspace(doc);
    },
    mark: "community",
    loadWhenShown: true,
  });
  const {
    state,
    matters,
    dispose: disposeRoot,
  } = createRoot((dispose) => {
    const r = workspaceRoots(doc);
    const slices = {
      meta: (set: SetState) => {
        set("meta", reconcile(readCommunityMeta(doc)));
        set("readOnly", isNewerWorkspace(doc));
      },
      talkPoints: (set: SetState) => set("talkPoints", reconcile(readTalkPoints(doc))),
      directory: (set: SetState) => set("directory", reconcile(readDirectory(doc))),
      categories: (set: SetState) => set("categories", reconcile(readCategories(doc))),
      sessions: (set: SetState) => set("sessions", reconcile(readSessions(doc))),
    };
    const { matters: first, ...initial } = opened.view ?? workspaceSnapshot(doc);
    const rootTypes = {
      meta: r.meta,
      talkPoints: r.talkPoints,
      directory: r.directory,
      categories: r.categories,
      sessions: r.sessions,
    };
    const state: WorkspaceState = createSlicedStore(doc, rootTypes, slices, initial);
    // One refresh per transaction for both the matters and their steps (a load touches both).
    const [matters, setMatters] = createSignal<readonly Matter[]>(first, { equals: false });
    // What arrives from a peer may leave a name stored for an anonymous matter (repair.ts): mend it after.
    const repairSoon = createSoon(() => {
      if (loaded()) repairWorkspace(doc);
    });
    const onTransaction = (tr: Y.Transaction) => {
      const changed = tr.changedParentTypes as Map<unknown, unknown>;
      if (changed.has(r.matters) || changed.has(r.steps) || changed.has(r.actions) || changed.has(r.fields))
        setMatters((before) => nextMatters(doc, before, tr));
      if (!tr.local && (changed.has(r.matters) || changed.has(r.fields))) repairSoon();
    };
    doc.on("afterTransaction", onTransaction);
    onCleanup(() => doc.off("afterTransaction", onTransaction));
    return { state, matters, dispose };
  });
  shown.state = state;
  shown.matters = matters;
  return {
    id,
    state,
    matters,
    loaded,
    role,
    doc,
    saveStatus: opened.saveStatus,
    actions: bindActions(doc, MODULES, opened.load),
    load: opened.load,
    shown: opened.shown,
    flush: () => opened.store.flush(),
    dispose: async () => {
      opened.dispose();
      disposeRoot();
      await opened.store.destroy();
      doc.destroy();
    },
  };
}
