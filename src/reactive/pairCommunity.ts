// Pairing this tablet with a community once (code + role): its workspace arrives from a paired tablet and is
// stored here; from then on the community's sync brings every talk point, session and register change.
import * as Y from "yjs";
import { readCommunityMeta, workspaceSnapshot } from "../doc/community/readers.ts";
import { workspaceRoots } from "../doc/community/workspaceDoc.ts";
import { workspaceDocId, type CommunityRole } from "../persistence/communities.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import type { PeerSync, SyncStatus } from "../sync/peerSync.ts";
import { deviceId, deviceName, signalingUrl } from "../sync/deviceSettings.ts";
import { parseShareCode } from "../sync/shareCode.ts";
import type { AppDb } from "./appDb.ts";
import type { Communities } from "./communities.ts";
import { WORKSPACE_VIEW_VERSION } from "./communityHandle.ts";
import { communityRoom } from "./communitySync.ts";
import { JoinError } from "./joinSession.ts";

export interface PairOptions {
  role: CommunityRole;
  onStatus?: (status: SyncStatus) => void;
  signal?: AbortSignal;
}

/** Resolves with the community's id once its workspace header has arrived. */
function waitForWorkspace(doc: Y.Doc, sync: PeerSync, options: PairOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const meta = workspaceRoots(doc).meta;
    let wrongKey = false;
    const finish = (settle: () => void) => {
      meta.unobserve(check);
      options.signal?.removeEventListener("abort", onAbort);
      settle();
    };
    const check = () => {
      const id = readCommunityMeta(doc).id;
      if (id) finish(() => resolve(id));
    };
    const onAbort = () => finish(() => reject(new JoinError("cancelled")));
    sync.on("status", (s) => options.onStatus?.(s));
    sync.on("wrongKey", () => {
      if (!wrongKey) finish(() => reject(new JoinError("wrongKey")));
      wrongKey = true;
    });
    meta.observe(check);
    options.signal?.addEventListener("abort", onAbort);
    check();
  });
}

/** Pairs this tablet with the community of `rawCode`; resolves to the community's id once it is stored. */
export async function pairCommunity(
  appDb: AppDb,
  communities: Communities,
  rawCode: string,
  options: PairOptions,
): Promise<string> {
  const code = parseShareCode(rawCode);
  if (!code) throw new JoinError("badCode");
  const { PeerSync } = await import("../sync/peerSync.ts");
  const doc = new Y.Doc();
  const sync = new PeerSync(doc, {
    code: communityRoom(code),
    signalingUrl: signalingUrl(),
    role: options.role === "display" ? "display" : "secretary",
    deviceId: deviceId(),
    deviceName: deviceName(),
  });
  try {
    const id = await waitForWorkspace(doc, sync, options);
    const store = new SessionStore(appDb.current, workspaceDocId(id), doc, {
      view: { version: WORKSPACE_VIEW_VERSION, read: () => workspaceSnapshot(doc) },
    });
    try {
      await store.whenSynced;
      await store.flush();
    } finally {
      await store.destroy();
    }
    const name = readCommunityMeta(doc).name;
    await communities.adopt({ id, name, code: code.code, role: options.role, addedAt: Date.now() });
    return id;
  } finally {
    await sync.destroy();
    doc.destroy();
  }
}
