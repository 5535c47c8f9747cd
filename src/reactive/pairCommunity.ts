// Pairing this tablet with a community once (an invitation + role): the inviting tablet, recognised by the
// invitation's secret, admits this one to the member list and sends the workspace, which is stored here;
// from then on the community's sync brings every talk point, session and register change.
import * as Y from "yjs";
import { readCommunityMeta, workspaceSnapshot } from "../doc/community/readers.ts";
import { workspaceRoots } from "../doc/community/workspaceDoc.ts";
import { workspaceDocId, type CommunityRole } from "../persistence/communities.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import type { PeerSync, SyncStatus } from "../sync/peerSync.ts";
import { deviceId, deviceName, signalingUrl } from "../sync/deviceSettings.ts";
import { invitationId, parseInvitationCode } from "../sync/invitation.ts";
import { invitationVerifier } from "../sync/peerAuth.ts";
import { deviceIdentity } from "../sync/deviceKey.ts";
import { memberRole } from "../doc/community/members.ts";
import { createCommunityAccess } from "./roomAccess.ts";
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

/** Resolves with the community's id once its workspace has arrived with this tablet admitted in it. */
function waitForWorkspace(doc: Y.Doc, sync: PeerSync, self: string, options: PairOptions): Promise<string> {
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
      if (id && memberRole(doc, self)) finish(() => resolve(id));
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
  const invitation = parseInvitationCode(rawCode);
  if (!invitation) throw new JoinError("badCode");
  const code = invitation.code;
  const [{ PeerSync }, { PeerGate }, identity] = await Promise.all([
    import("../sync/peerSync.ts"),
    import("../sync/peerGate.ts"),
    deviceIdentity(),
  ]);
  const doc = new Y.Doc();
  const pairing = {
    invitation: invitationId(await invitationVerifier(invitation.secret)),
    secret: invitation.secret,
  };
  const access = createCommunityAccess("", communityRoom(code).room, doc, identity, deviceName(), () => {});
  const gate = new PeerGate({ ...access.access, pairing });
  const sync = new PeerSync(doc, {
    code: communityRoom(code),
    signalingUrl: signalingUrl(),
    role: options.role === "display" ? "display" : "secretary",
    deviceId: deviceId(),
    deviceName: deviceName(),
    deviceKey: identity.id,
    gate,
  });
  try {
    const id = await waitForWorkspace(doc, sync, identity.id, options);
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
    // A tablet invited as a display is one, whatever was chosen on this page.
    const role = memberRole(doc, identity.id) === "display" ? "display" : options.role;
    await communities.adopt({ id, name, code: code.code, role, addedAt: Date.now() });
    return id;
  } finally {
    await sync.destroy();
    gate.destroy();
    doc.destroy();
  }
}
