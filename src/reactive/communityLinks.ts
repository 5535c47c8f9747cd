// How each open community reaches other tablets: its room of paired tablets (peer to peer, unless this
// tablet has that switched off) and the subdistrict relay (when one is set here), both over one source of
// its session documents. Each part's code loads only when the community uses it.
import { createSignal } from "solid-js";
import type { CommunityRow, RelaySetting } from "../persistence/communities.ts";
import { peerToPeerOn } from "../sync/deviceSettings.ts";
import { parseShareCode } from "../sync/shareCode.ts";
import type { CommunityDocs } from "./communityDocs.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import type { CommunityRelay } from "./communityRelay.ts";
import type { CommunitySync } from "./communitySync.ts";
import { reportError } from "./notices.ts";

export interface CommunityLinks {
  /** Starts what `row` asks for (its room when it has a code, its relay when it has one); idempotent. */
  follow(handle: CommunityHandle, row: CommunityRow): void;
  sync(id: string): CommunitySync | null;
  relay(id: string): CommunityRelay | null;
}

const sameRelay = (a: RelaySetting | null | undefined, b: RelaySetting | null | undefined) =>
  (a ?? null) === (b ?? null) || (!!a && !!b && a.url === b.url && a.token === b.token);

/**
 * The registry's links. `onRelayHeard(id, raw)` receives a relay setting a paired tablet tells in the room
 * (raw: to be cleaned) while this tablet has none for the community.
 */
export function createCommunityLinks(
  makeDocs: (handle: CommunityHandle) => Promise<CommunityDocs>,
  onRelayHeard: (communityId: string, raw: unknown) => void,
): CommunityLinks {
  const docs = new Map<string, Promise<CommunityDocs>>();
  const [syncs, setSyncs] = createSignal<ReadonlyMap<string, CommunitySync | null>>(new Map());
  const [relays, setRelays] = createSignal<ReadonlyMap<string, CommunityRelay | null>>(new Map());
  const settings = new Map<string, RelaySetting | null>();

  const docsOf = (handle: CommunityHandle) => {
    let d = docs.get(handle.id);
    if (!d) docs.set(handle.id, (d = makeDocs(handle)));
    return d;
  };
  const put = <T>(map: ReadonlyMap<string, T>, id: string, value: T) => new Map([...map, [id, value]]);

  const startRoom = (handle: CommunityHandle, row: CommunityRow) => {
    const code = row.code ? parseShareCode(row.code) : null;
    if (!code || syncs().has(handle.id) || !peerToPeerOn()) return;
    setSyncs(put(syncs(), handle.id, null));
    void Promise.all([import("./communitySync.ts"), docsOf(handle)])
      .then(([{ startCommunitySync }, source]) => {
        const sync = startCommunitySync(handle, code, source, {
          relay: () => settings.get(handle.id) ?? null,
          onRelayHeard: (raw) => onRelayHeard(handle.id, raw),
        });
        setSyncs(put(syncs(), handle.id, sync));
      })
      .catch(reportError);
  };

  const startRelay = (handle: CommunityHandle, setting: RelaySetting | null) => {
    if (settings.has(handle.id) && sameRelay(settings.get(handle.id), setting)) return;
    settings.set(handle.id, setting);
    relays().get(handle.id)?.stop();
    setRelays(put(relays(), handle.id, null));
    syncs().get(handle.id)?.tellRelay(setting);
    if (!setting) return;
    void Promise.all([import("./communityRelay.ts"), docsOf(handle)])
      .then(([{ startCommunityRelay }, source]) => {
        if (settings.get(handle.id) !== setting) return; // changed meanwhile
        setRelays(put(relays(), handle.id, startCommunityRelay(handle, source, setting)));
      })
      .catch(reportError);
  };

  return {
    follow(handle, row) {
      startRelay(handle, row.relay ?? null);
      startRoom(handle, row);
    },
    sync: (id) => syncs().get(id) ?? null,
    relay: (id) => relays().get(id) ?? null,
  };
}
