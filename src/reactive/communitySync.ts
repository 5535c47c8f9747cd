// A paired community's live sync: one y-webrtc room for its workspace, with every session of the community
// carried over the same connections (DocMux). Loaded only when the community has a pairing code.
import { createSignal, type Accessor } from "solid-js";
import type { PeerSync, Presence, SyncStatus } from "../sync/peerSync.ts";
import { deviceId, deviceName, signalingUrl, type Role } from "../sync/deviceSettings.ts";
import type { ShareCode } from "../sync/shareCode.ts";
import type { CommunityRole, RelaySetting } from "../persistence/communities.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import type { CommunityDocs } from "./communityDocs.ts";
import { markSyncOrigin, unmarkSyncOrigin } from "../sync/syncOrigins.ts";
import { reportError } from "./notices.ts";
import { deviceIdentity } from "../sync/deviceKey.ts";
import type { PeerGate } from "../sync/peerGate.ts";
import { admitMember, type MemberRole } from "../doc/community/members.ts";
import { createCommunityAccess, foundMemberList, type CommunityAccess, type Stranger } from "./roomAccess.ts";

export interface CommunitySync {
  status: Accessor<SyncStatus | null>;
  presence: Accessor<Presence[]>;
  wrongKey: Accessor<boolean>;
  /** Tells the room's verified staff tablets this tablet's relay setting (none, or a display's: nothing). */
  tellRelay(setting: RelaySetting | null): void;
  /** Tablets not on the member list that asked in (staff may admit them). */
  strangers: Accessor<Stranger[]>;
  /** Admits a stranger with `role` (staff only), or turns it away (null). */
  answerStranger(device: string, role: MemberRole | null): void;
  /** This tablet's id in the member list (null until known). */
  self: Accessor<string | null>;
  stop(): Promise<void>;
}

export interface RelayTelling {
  /** This tablet's relay setting for the community now. */
  relay(): RelaySetting | null;
  /** A relay setting a paired tablet tells (raw), heard while this tablet has none. */
  onRelayHeard(raw: unknown): void;
}

/** What a tablet tells the room of its relay: a staff tablet's address and token, a display's nothing. */
const told = (setting: RelaySetting | null) =>
  setting && !setting.readOnly ? { url: setting.url, token: setting.token } : null;

/** The room of a community's pairing code: apart from session rooms, whatever the code. */
export function communityRoom(code: ShareCode): ShareCode {
  return { ...code, room: `yishi-c-${code.code.slice(0, 6)}` };
}

/** Presence in the room shows a grid worker as a secretary (the roles a session room knows). */
const presenceRole = (role: CommunityRole): Role =>
  role === "display" ? "display" : role === "facilitator" ? "facilitator" : "secretary";

/** Joins the community's room with `code` and keeps its workspace and sessions in sync until stopped. */
export function startCommunitySync(
  community: CommunityHandle,
  code: ShareCode,
  docs: CommunityDocs,
  relay: RelayTelling,
): CommunitySync {
  const [status, setStatus] = createSignal<SyncStatus | null>({ state: "searching", peers: 0 });
  const [presence, setPresence] = createSignal<Presence[]>([]);
  const [wrongKey, setWrongKey] = createSignal(false);
  let stopped = false;
  let current: { stop: () => Promise<void>; sync: PeerSync; gate: PeerGate } | null = null;
  const [accessNow, setAccess] = createSignal<CommunityAccess | null>(null);
  const [self, setSelf] = createSignal<string | null>(null);
  // Told only to verified staff, again whenever a peer's standing changes (a newly verified one).
  const tellRelayNow = () => current?.gate.tellStaff("relay", JSON.stringify(told(relay.relay())));
  const onTell = (field: string, value: string) => {
    if (field !== "relay" || relay.relay() !== null) return;
    try {
      relay.onRelayHeard(JSON.parse(value));
    } catch {
      // Not JSON: nothing to offer.
    }
  };
  // Joining and leaving are serialised: y-webrtc allows one provider per room at a time.
  let queue: Promise<void> = Promise.resolve();

  const connect = async () => {
    const [{ PeerSync }, { DocMux }, { PeerGate }, identity] = await Promise.all([
      import("../sync/peerSync.ts"),
      import("../sync/docMux.ts"),
      import("../sync/peerGate.ts"),
      deviceIdentity(),
    ]);
    if (stopped) return;
    community.load();
    setSelf(identity.id);
    foundMemberList(community.doc, identity, deviceName(), community.role !== "display");
    const access =
      accessNow() ??
      setAccess(
        createCommunityAccess(
          community.id,
          communityRoom(code).room,
          community.doc,
          identity,
          deviceName(),
          onTell,
        ),
      );
    const gate = new PeerGate(access.access);
    gate.onChange(tellRelayNow);
    const mux = new DocMux(docs);
    markSyncOrigin(mux, "peers");
    const stopIndex = docs.onNewSessions(() => mux.refresh());
    const sync = new PeerSync(community.doc, {
      code: communityRoom(code),
      signalingUrl: signalingUrl(),
      role: presenceRole(community.role),
      deviceId: deviceId(),
      deviceName: deviceName(),
      deviceKey: identity.id,
      mux,
      gate,
    });
    setStatus(sync.status);
    sync.on("status", (s) => {
      setStatus(s);
      if (s.state === "connected") setWrongKey(false);
    });
    sync.on("presence", setPresence);
    sync.on("wrongKey", () => setWrongKey(true));
    // No connection opens though a peer is there (a failed offer/answer race): start afresh.
    sync.on("stuck", () => void restart());
    current = {
      sync,
      gate,
      stop: async () => {
        stopIndex();
        await sync.destroy();
        gate.destroy();
        mux.destroy();
        unmarkSyncOrigin(mux);
      },
    };
  };
  const disconnect = async () => {
    const old = current;
    current = null;
    await old?.stop();
  };
  // Going offline drops the room at once; coming back joins it afresh (a new peer id, no stale connection).
  const restart = () =>
    (queue = queue.then(async () => {
      await disconnect();
      if (stopped) return;
      if (typeof navigator !== "undefined" && navigator.onLine === false) {
        setStatus({ state: "offline", peers: 0 });
        return;
      }
      await connect();
    })).catch(reportError);
  const onNetwork = () => void restart();
  window.addEventListener("offline", onNetwork);
  window.addEventListener("online", onNetwork);
  void restart();
  return {
    status,
    presence,
    wrongKey,
    tellRelay: () => tellRelayNow(),
    strangers: () => accessNow()?.strangers() ?? [],
    self,
    answerStranger(device, role) {
      const known = accessNow()
        ?.strangers()
        .find((s) => s.device === device);
      accessNow()?.dismiss(device);
      const by = self();
      if (!known || !role || !by) return;
      try {
        admitMember(community.doc, { device, role, name: known.name, by });
      } catch (e) {
        reportError(e);
      }
    },
    stop: async () => {
      stopped = true;
      window.removeEventListener("offline", onNetwork);
      window.removeEventListener("online", onNetwork);
      setStatus(null);
      await (queue = queue.then(disconnect));
    },
  };
}
