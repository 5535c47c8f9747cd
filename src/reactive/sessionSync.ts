// Peer sync for an open session, as Solid signals: status, who is here, and a wrong-key warning. The room is
// gated (sessionAccess.ts): with a staff code, only peers proving its write secret are heard in full.
import type * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import type { PeerSync, Presence, SyncStatus } from "../sync/peerSync.ts";
import { deviceId, deviceName, peerToPeerOn, signalingUrl, type Role } from "../sync/deviceSettings.ts";
import { formatShareCode, parseShareCode, type ShareCode } from "../sync/shareCode.ts";
import type { PeerGate } from "../sync/peerGate.ts";

export interface SessionSync {
  /** null while the session is not shared. */
  status: Accessor<SyncStatus | null>;
  presence: Accessor<Presence[]>;
  wrongKey: Accessor<boolean>;
  code: Accessor<ShareCode | null>;
  /** Joins the room of `code` (or does nothing if already there). */
  connect(code: string): Promise<void>;
  disconnect(): Promise<void>;
}

/** Sync controls for `doc`, used by the device in `role`. */
export function createSessionSync(doc: Y.Doc, role: Role): SessionSync {
  const [status, setStatus] = createSignal<SyncStatus | null>(null);
  const [presence, setPresence] = createSignal<Presence[]>([]);
  const [wrongKey, setWrongKey] = createSignal(false);
  const [code, setCode] = createSignal<ShareCode | null>(null);
  let sync: PeerSync | null = null;
  let gate: PeerGate | null = null;
  // Joining and leaving are serialised: y-webrtc allows one provider per room at a time.
  let queue: Promise<void> = Promise.resolve();

  const disconnectNow = async () => {
    const old = sync;
    const oldGate = gate;
    sync = null;
    gate = null;
    setStatus(null);
    setCode(null);
    if (old) await old.destroy();
    oldGate?.destroy();
  };

  // y-webrtc and its WebRTC library are loaded only when a session is shared (a third of the app's code).
  const open = async (parsed: ShareCode) => {
    if (!peerToPeerOn()) return void setStatus({ state: "off", peers: 0 });
    const [{ PeerSync }, { PeerGate }, { sessionRoomAccess }, { deviceIdentity }] = await Promise.all([
      import("../sync/peerSync.ts"),
      import("../sync/peerGate.ts"),
      import("../sync/sessionAccess.ts"),
      import("../sync/deviceKey.ts"),
    ]);
    const identity = await deviceIdentity();
    const g = new PeerGate(await sessionRoomAccess(parsed, identity, deviceName()));
    const s = new PeerSync(doc, {
      code: parsed,
      signalingUrl: signalingUrl(),
      role,
      deviceId: deviceId(),
      deviceName: deviceName(),
      deviceKey: identity.id,
      gate: g,
    });
    sync = s;
    gate = g;
    setStatus(s.status);
    s.on("status", (st) => {
      setStatus(st);
      // A peer with our key connected: whatever foreign traffic was seen, the code is right.
      if (st.state === "connected") setWrongKey(false);
    });
    s.on("presence", setPresence);
    s.on("wrongKey", () => setWrongKey(true));
    s.on("stuck", () => void restart());
  };

  // Going offline drops the room at once; coming back joins it afresh (a new peer id, so no peer holds a
  // stale connection to us) and the first sync exchange merges what both sides did meanwhile.
  const restart = () =>
    (queue = queue.then(async () => {
      const current = code();
      if (!current || !sync) return;
      await sync.destroy();
      gate?.destroy();
      gate = null;
      if (!navigator.onLine) {
        sync = null;
        setStatus({ state: "offline", peers: 0 });
        return;
      }
      await open(current);
    }));
  const onOffline = () => void restart();
  const onOnline = () =>
    (queue = queue.then(async () => {
      const current = code();
      if (current && !sync) await open(current);
    }));
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);

  return {
    status,
    presence,
    wrongKey,
    code,
    connect: (raw) =>
      (queue = queue.then(async () => {
        const parsed = parseShareCode(raw);
        // The same room with a write secret added (an older share made a staff code) joins afresh.
        const current = code();
        if (!parsed || (current && formatShareCode(parsed) === formatShareCode(current))) return;
        await disconnectNow();
        setWrongKey(false);
        setCode(parsed);
        await open(parsed);
      })),
    disconnect: () =>
      (queue = queue.then(async () => {
        window.removeEventListener("offline", onOffline);
        window.removeEventListener("online", onOnline);
        await disconnectNow();
      })),
  };
}
