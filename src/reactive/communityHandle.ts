// An open community workspace for the UI: its Yjs document, its Solid store (matters refreshed one by one),
// its save status, and every workspace mutator bound and error-reporting.
import * as Y from "yjs";
import { createRoot, type Accessor } from "solid-js";
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
  matterFrom,
  readMatters,
  readSessions,
  readTalkPoints,
  stepsByMatter,
  workspaceSnapshot,
} from "../doc/community/readers.ts";
import { isNewerWorkspace, workspaceRoots } from "../doc/community/workspaceDoc.ts";
import type { WorkspaceSnapshot } from "../doc/community/schema.ts";
import { setActor, setDeviceReadOnly } from "../doc/device.ts";
import { workspaceDocId, type CommunityRole } from "../persistence/communities.ts";
import type { AppDb } from "./appDb.ts";
import { bindActions, type BoundActions } from "./bindActions.ts";
import { createSlicedStore } from "./createYStore.ts";
import { openStoredDoc, type SaveStatus } from "./storedDoc.ts";

/** Bumped whenever WorkspaceSnapshot changes shape: a stored view of another shape is not shown. */
export const WORKSPACE_VIEW_VERSION = 1;

const MODULES = { directory, matters, sessionIndex, talkPoints, community: { updateCommunity } };
export type CommunityActions = BoundActions<typeof MODULES>;

export interface CommunityHandle {
  id: string;
  state: WorkspaceSnapshot;
  actions: CommunityActions;
  role: CommunityRole;
  saveStatus: Accessor<SaveStatus>;
  /** The workspace document, for the reactive layer only (sync, sessions): the UI never touches it. */
  doc: Y.Doc;
  /** Puts the stored state into the document now if it opened from its view. */
  load(): void;
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

type SetState = SetStoreFunction<WorkspaceSnapshot>;

type Events = Y.YEvent<Y.AbstractType<unknown>>[];

/** The matters an event on the `matters` map or the `steps` log touched, or null when it cannot tell. */
function touchedMatters(doc: Y.Doc, events: Events | undefined): Set<string> | null {
  if (!events) return null;
  const r = workspaceRoots(doc);
  const touched = new Set<string>();
  for (const event of events) {
    if (event.target === r.matters)
      for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
    else if (event.target === r.steps) {
      for (const change of event.changes.delta) {
        if (!change.insert) continue;
        if (!Array.isArray(change.insert)) return null;
        for (const step of change.insert as unknown[]) {
          const matter = (step as { matter?: unknown } | null)?.matter;
          if (typeof matter === "string") touched.add(matter);
        }
      }
      if (event.changes.deleted.size > 0) return null;
    } else return null;
  }
  return touched;
}

/**
 * The matters slice: only the matters an event touched are read again (a register holds thousands), and
 * the list is re-sorted only when one was added, removed or moved in the order.
 */
function refreshMatters(set: SetState, doc: Y.Doc, state: () => WorkspaceSnapshot, events?: Events) {
  const touched = touchedMatters(doc, events);
  if (touched === null || touched.size > 200) return set("matters", reconcile(readMatters(doc)));
  const r = workspaceRoots(doc);
  const steps = stepsByMatter(doc);
  const list = [...state().matters];
  const index = new Map(list.map((m, i) => [m.id, i]));
  let resort = false;
  const removed = new Set<number>();
  for (const id of touched) {
    const info: unknown = r.matters.get(id);
    const at = index.get(id);
    if (typeof info !== "object" || info === null) {
      if (at !== undefined) removed.add(at);
      continue;
    }
    const matter = matterFrom(info as Record<string, unknown>, id, steps.get(id) ?? []);
    if (at === undefined) {
      list.push(matter);
      resort = true;
    } else {
      resort ||= list[at]!.raisedOn !== matter.raisedOn;
      list[at] = matter;
    }
  }
  const kept = removed.size > 0 ? list.filter((_, i) => !removed.has(i)) : list;
  set("matters", reconcile(resort ? kept.sort(byRaised) : kept));
}

/** True when `data` is a view of community `id` that the screen can render. */
function isWorkspaceView(data: unknown, id: string): data is WorkspaceSnapshot {
  const view = data as Partial<Record<keyof WorkspaceSnapshot, unknown>> | null;
  const lists = ["talkPoints", "directory", "categories", "sessions", "matters"] as const;
  return (
    typeof view === "object" &&
    view !== null &&
    (view.meta as { id?: unknown } | undefined)?.id === id &&
    lists.every((name) => Array.isArray(view[name]))
  );
}

/**
 * Opens community `id`'s workspace from IndexedDB (from its stored view first when it matches the rows,
 * so a register of thousands of matters shows before its Yjs state is applied).
 */
export async function openCommunity(
  appDb: AppDb,
  id: string,
  options: { role?: CommunityRole; deviceName?: string } = {},
): Promise<CommunityHandle> {
  const doc = new Y.Doc();
  const role = options.role ?? "facilitator";
  setActor(doc, options.deviceName ?? "");
  if (role === "display") setDeviceReadOnly(doc);
  const shown: { state?: WorkspaceSnapshot } = {};
  const opened = await openStoredDoc(appDb, workspaceDocId(id), doc, {
    viewVersion: WORKSPACE_VIEW_VERSION,
    readView: () => unwrap(shown.state),
    isView: (data): data is WorkspaceSnapshot => isWorkspaceView(data, id),
    afterLoad: () => {},
    mark: "community",
  });
  const { state, dispose: disposeRoot } = createRoot((dispose) => {
    const r = workspaceRoots(doc);
    const current = () => state;
    const slices = {
      meta: (set: SetState) => {
        set("meta", reconcile(readCommunityMeta(doc)));
        set("readOnly", isNewerWorkspace(doc));
      },
      talkPoints: (set: SetState) => set("talkPoints", reconcile(readTalkPoints(doc))),
      directory: (set: SetState) => set("directory", reconcile(readDirectory(doc))),
      categories: (set: SetState) => set("categories", reconcile(readCategories(doc))),
      sessions: (set: SetState) => set("sessions", reconcile(readSessions(doc))),
      matters: (set: SetState, _doc: Y.Doc, events?: Events) => refreshMatters(set, doc, current, events),
      steps: (set: SetState, _doc: Y.Doc, events?: Events) => refreshMatters(set, doc, current, events),
    };
    const state: WorkspaceSnapshot = createSlicedStore(doc, r, slices, opened.view ?? workspaceSnapshot(doc));
    return { state, dispose };
  });
  shown.state = state;
  return {
    id,
    state,
    role,
    doc,
    saveStatus: opened.saveStatus,
    actions: bindActions(doc, MODULES, opened.load),
    load: opened.load,
    flush: () => opened.store.flush(),
    dispose: async () => {
      opened.dispose();
      disposeRoot();
      await opened.store.destroy();
      doc.destroy();
    },
  };
}
