// The communities this tablet holds, for the UI: their list, each one's open workspace (opened once and kept
// open while the app runs, so it syncs in the background), creating one, and pairing a tablet with one.
import * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import { newId } from "../doc/ids.ts";
import { initWorkspace } from "../doc/community/workspaceDoc.ts";
import { workspaceSnapshot } from "../doc/community/readers.ts";
import {
  listCommunities,
  putCommunity,
  workspaceDocId,
  type CommunityRow,
} from "../persistence/communities.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { deviceName } from "../sync/deviceSettings.ts";
import type { AppDb } from "./appDb.ts";
import { openCommunity, WORKSPACE_VIEW_VERSION, type CommunityHandle } from "./communityHandle.ts";
import { reportError } from "./notices.ts";
import type { CommunitySync } from "./communitySync.ts";
import { formatShareCode, newShareCode, parseShareCode } from "../sync/shareCode.ts";

export interface Communities {
  list: Accessor<CommunityRow[]>;
  loaded: Accessor<boolean>;
  /** The community's open workspace (opened at the first call, then shared). */
  open(id: string): Promise<CommunityHandle>;
  /** The community's workspace if it is open already. */
  opened(id: string): CommunityHandle | undefined;
  /** Makes a new community on this tablet; resolves to its id. */
  create(name: string, timeZone?: string): Promise<string | undefined>;
  refresh(): Promise<void>;
  /** Writes every open workspace's pending edits. */
  flush(): Promise<void>;
  /** The live sync of a paired community (null while it is not paired). */
  sync(id: string): CommunitySync | null;
  /** Pairs the community: makes its pairing code if it has none and joins its room; resolves to the code. */
  pair(id: string): Promise<string | undefined>;
  /** Remembers a community this tablet was paired with (its workspace is stored) and starts its sync. */
  adopt(row: CommunityRow): Promise<void>;
}

/** Stores a new workspace document (its view too) without opening it for the screen. */
export async function storeNewWorkspace(
  appDb: AppDb,
  build: (doc: Y.Doc) => void,
  id: string,
): Promise<void> {
  const doc = new Y.Doc();
  const store = new SessionStore(appDb.current, workspaceDocId(id), doc, {
    view: { version: WORKSPACE_VIEW_VERSION, read: () => workspaceSnapshot(doc) },
  });
  try {
    await store.whenSynced;
    build(doc);
    await store.flush();
  } finally {
    await store.destroy();
    doc.destroy();
  }
}

/** The registry of communities on this tablet. */
export function createCommunities(appDb: AppDb): Communities {
  const [list, setList] = createSignal<CommunityRow[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const handles = new Map<string, Promise<CommunityHandle>>();
  const resolved = new Map<string, CommunityHandle>();
  const [syncs, setSyncs] = createSignal<ReadonlyMap<string, CommunitySync | null>>(new Map());

  /** Starts the sync of an open, paired community (once). */
  const follow = (handle: CommunityHandle, code: string | null) => {
    const parsed = code ? parseShareCode(code) : null;
    if (!parsed || syncs().has(handle.id)) return;
    // The sync's code (and y-webrtc's) loads only for a paired community.
    setSyncs(new Map([...syncs(), [handle.id, null]]));
    void import("./communitySync.ts")
      .then(({ startCommunitySync }) =>
        setSyncs(new Map([...syncs(), [handle.id, startCommunitySync(appDb, handle, parsed)]])),
      )
      .catch(reportError);
  };

  const refresh = async () => {
    setList(await listCommunities(appDb.current));
    setLoaded(true);
  };
  void refresh().catch(reportError);

  const open = (id: string): Promise<CommunityHandle> => {
    let handle = handles.get(id);
    if (!handle) {
      const row = list().find((c) => c.id === id);
      handle = openCommunity(appDb, id, { role: row?.role, deviceName: deviceName() });
      handle
        .then((h) => {
          resolved.set(id, h);
          follow(h, list().find((c) => c.id === id)?.code ?? null);
        })
        .catch(() => handles.delete(id));
      handles.set(id, handle);
    }
    return handle;
  };

  return {
    list,
    loaded,
    open,
    opened: (id) => resolved.get(id),
    refresh,
    flush: async () => void (await Promise.all([...resolved.values()].map((h) => h.flush()))),
    sync: (id) => syncs().get(id) ?? null,
    pair: async (id) => {
      try {
        const row = list().find((c) => c.id === id);
        if (!row) return undefined;
        const code = row.code ?? formatShareCode(newShareCode());
        if (!row.code) await putCommunity(appDb.current, { ...row, code });
        await refresh();
        follow(await open(id), code);
        return code;
      } catch (error) {
        reportError(error);
        return undefined;
      }
    },
    adopt: async (row) => {
      await putCommunity(appDb.current, row);
      await refresh();
      await open(row.id);
    },
    create: async (name, timeZone) => {
      try {
        const id = newId();
        await storeNewWorkspace(appDb, (doc) => initWorkspace(doc, { id, name, timeZone }), id);
        await putCommunity(appDb.current, { id, name, code: null, role: "facilitator", addedAt: Date.now() });
        await refresh();
        return id;
      } catch (error) {
        reportError(error);
        return undefined;
      }
    },
  };
}
