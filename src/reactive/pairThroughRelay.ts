// Pairing this tablet with a community through its relay (a link with the relay's address and a token): the
// workspace arrives from the relay and is stored here; the community's relay sync then brings the rest.
import * as Y from "yjs";
import { readCommunityMeta, workspaceSnapshot } from "../doc/community/readers.ts";
import { workspaceDocId, type CommunityRole, type RelaySetting } from "../persistence/communities.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { readOnlyToken, relayDocName } from "../sync/relayNames.ts";
import type { RelayState } from "../sync/relaySync.ts";
import type { AppDb } from "./appDb.ts";
import type { Communities } from "./communities.ts";
import { WORKSPACE_VIEW_VERSION } from "./communityHandle.ts";

export type RelayPairFailure = "refused" | "unreachable" | "cancelled";

export class RelayPairError extends Error {
  constructor(readonly reason: RelayPairFailure) {
    super(reason);
  }
}

export interface RelayPairOptions {
  role: CommunityRole;
  onState?: (state: RelayState) => void;
  signal?: AbortSignal;
  /** Gives up when the relay has not answered for this long (ms). */
  timeoutMs?: number;
}

/** Resolves once the relay has sent the community's workspace (its header at least). */
async function receiveWorkspace(
  doc: Y.Doc,
  communityId: string,
  setting: RelaySetting,
  options: RelayPairOptions,
): Promise<void> {
  const { HocuspocusProvider } = await import("@hocuspocus/provider");
  await new Promise<void>((resolve, reject) => {
    const provider = new HocuspocusProvider({
      url: setting.url,
      name: relayDocName(communityId, "workspace"),
      document: doc,
      token: setting.token,
      onStatus: ({ status }) => options.onState?.(status === "connected" ? "connected" : "connecting"),
      onAuthenticationFailed: () => finish(new RelayPairError("refused")),
      onSynced: () => {
        if (readCommunityMeta(doc).id === communityId) finish(null);
      },
    });
    const timer = setTimeout(() => finish(new RelayPairError("unreachable")), options.timeoutMs ?? 20_000);
    const onAbort = () => finish(new RelayPairError("cancelled"));
    options.signal?.addEventListener("abort", onAbort);
    const meta = doc.getMap("meta");
    const check = () => {
      if (provider.isSynced && readCommunityMeta(doc).id === communityId) finish(null);
    };
    meta.observe(check);
    function finish(error: RelayPairError | null) {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      meta.unobserve(check);
      provider.destroy();
      if (error) reject(error);
      else resolve();
    }
  });
}

/** Pairs this tablet with community `communityId` through the relay of `setting`; resolves to its id. */
export async function pairThroughRelay(
  appDb: AppDb,
  communities: Communities,
  communityId: string,
  setting: RelaySetting,
  options: RelayPairOptions,
): Promise<string> {
  // A display keeps only the read-only token, whatever the link held.
  const kept =
    options.role === "display" && !setting.readOnly
      ? { url: setting.url, token: readOnlyToken(setting.token), readOnly: true }
      : setting;
  if (communities.list().some((c) => c.id === communityId)) {
    // Already here (paired in the alley): only the relay is added.
    if (!(await communities.setRelay(communityId, kept))) throw new RelayPairError("unreachable");
    return communityId;
  }
  const doc = new Y.Doc();
  try {
    await receiveWorkspace(doc, communityId, kept, options);
    const store = new SessionStore(appDb.current, workspaceDocId(communityId), doc, {
      view: { version: WORKSPACE_VIEW_VERSION, read: () => workspaceSnapshot(doc) },
    });
    try {
      await store.whenSynced;
      await store.flush();
    } finally {
      await store.destroy();
    }
    await communities.adopt({
      id: communityId,
      name: readCommunityMeta(doc).name,
      code: null,
      role: options.role,
      addedAt: Date.now(),
      relay: kept,
    });
    return communityId;
  } finally {
    doc.destroy();
  }
}
