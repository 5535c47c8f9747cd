// The communities this tablet holds, for the UI: their list, each one's open workspace (opened once and kept
// open while the app runs, so it syncs in the background), creating one, and pairing a tablet with one.
import * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import { newId } from "../doc/ids.ts";
import { initWorkspace } from "../doc/community/workspaceDoc.ts";
import { workspaceSnapshot } from "../doc/community/readers.ts";
import {
  getCommunity,
  listCommunities,
  putCommunity,
  type RelaySetting,
  workspaceDocId,
  type CommunityRow,
} from "../persistence/communities.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { deviceName } from "../sync/deviceSettings.ts";
import type { AppDb } from "./appDb.ts";
import { openCommunity, WORKSPACE_VIEW_VERSION, type CommunityHandle } from "./communityHandle.ts";
import type { CommunityHead } from "./communityView.ts";
import { notify, reportError } from "./notices.ts";
import type { CommunitySync } from "./communitySync.ts";
import type { CommunityRelay } from "./communityRelay.ts";
import { createCommunityLinks } from "./communityLinks.ts";
import { createRelayOffers } from "./relayOffers.ts";
import { readOnlyToken } from "../sync/relayNames.ts";
import { formatShareCode, newShareCode } from "../sync/shareCode.ts";

export interface Communities {
  list: Accessor<CommunityRow[]>;
  loaded: Accessor<boolean>;
  /** The community's open workspace (opened at the first call, then shared). */
  open(id: string): Promise<CommunityHandle>;
  /**
   * The stored first screen of the community's register while its workspace is being opened (opening it if
   * need be); null once it is open, or when none is stored that shows its rows.
   */
  head(id: string): Promise<CommunityHead | null>;
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
  /** A relay a paired tablet uses, offered to this tablet (null: none); used only once answered yes. */
  relayOffer(id: string): RelaySetting | null;
  /** The staff user's answer to the relay offered: use it, or never offer it again. */
  answerRelayOffer(id: string, accept: boolean): Promise<void>;
  /** The community's sync through the relay (null while none is set on this tablet). */
  relay(id: string): CommunityRelay | null;
  /** Sets (null: removes) the relay this tablet syncs the community through; false if it failed. */
  setRelay(id: string, setting: RelaySetting | null): Promise<boolean>;
}

/** A display keeps only the read-only token: the relay then drops whatever it would write. */
const asDisplay = (setting: RelaySetting): RelaySetting =>
  setting.readOnly ? setting : { url: setting.url, token: readOnlyToken(setting.token), readOnly: true };

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
  const heads = new Map<string, Promise<CommunityHead | null>>();
  const resolved = new Map<string, CommunityHandle>();
  const links = createCommunityLinks(
    (handle) => import("./communityDocs.ts").then((m) => m.createCommunityDocs(appDb, handle)),
    (id, raw) => void hearRelay(id, raw).catch(reportError),
  );
  const follow = (handle: CommunityHandle) => {
    const row = list().find((c) => c.id === handle.id);
    if (row) links.follow(handle, row);
  };

  /** Keeps `setting` (a display: only its read-only token) as this tablet's relay for the community. */
  const keepRelay = async (id: string, setting: RelaySetting | null, ignored?: string) => {
    const row = (await getCommunity(appDb.current, id)) ?? list().find((c) => c.id === id);
    if (!row) return;
    const relay = setting && row.role === "display" ? asDisplay(setting) : setting;
    await putCommunity(appDb.current, { ...row, relay, relayIgnored: ignored });
    await refresh();
    const handle = resolved.get(id);
    if (handle) follow(handle);
  };
  // A paired tablet told the room its relay: offered on the community's page, used only once confirmed.
  const offers = createRelayOffers({
    row: (id) => list().find((c) => c.id === id),
    adopt: async (id, setting) => {
      await keepRelay(id, setting);
      notify({ kind: "info", key: "relay.received", params: { url: setting.url } });
    },
    ignore: async (id, url) => {
      const row = list().find((c) => c.id === id);
      if (row) await keepRelay(id, row.relay ?? null, url);
    },
  });
  const hearRelay = async (id: string, raw: unknown) => offers.hear(id, raw);

  const refresh = async () => {
    setList(await listCommunities(appDb.current));
    setLoaded(true);
  };
  // A workspace opened before the list is read would not know this tablet's role in it (a display's is
  // read-only): opening waits for the first list.
  const listed = refresh().catch(reportError);

  const open = (id: string): Promise<CommunityHandle> => {
    let handle = handles.get(id);
    if (!handle) {
      let gotHead: (head: CommunityHead | null) => void = () => {};
      heads.set(id, new Promise((resolve) => (gotHead = resolve)));
      handle = listed.then(() => {
        const row = list().find((c) => c.id === id);
        return openCommunity(appDb, id, { role: row?.role, deviceName: deviceName(), onHead: gotHead });
      });
      handle
        .then((h) => {
          resolved.set(id, h);
          follow(h);
        })
        .catch(() => handles.delete(id))
        .finally(() => {
          gotHead(null);
          heads.delete(id);
        });
      handles.set(id, handle);
    }
    return handle;
  };

  return {
    list,
    loaded,
    open,
    head: (id) => {
      if (resolved.has(id)) return Promise.resolve(null);
      if (!handles.has(id)) void open(id).catch(() => {});
      return heads.get(id) ?? Promise.resolve(null);
    },
    opened: (id) => resolved.get(id),
    refresh,
    flush: async () => void (await Promise.all([...resolved.values()].map((h) => h.flush()))),
    sync: links.sync,
    relay: links.relay,
    relayOffer: offers.offer,
    answerRelayOffer: (id, accept) => offers.answer(id, accept).catch(reportError),
    setRelay: async (id, setting) => {
      try {
        const old = list().find((c) => c.id === id)?.relay;
        await keepRelay(id, setting, setting ? undefined : old?.url);
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    pair: async (id) => {
      try {
        const row = list().find((c) => c.id === id);
        if (!row) return undefined;
        const code = row.code ?? formatShareCode(newShareCode());
        if (!row.code) await putCommunity(appDb.current, { ...row, code });
        await refresh();
        follow(await open(id));
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
