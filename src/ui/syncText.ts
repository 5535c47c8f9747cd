// The words for a sync status: not shared / looking for peers / connected to N / offline; and for a session
// of a community, how the community carries it (its tablets online, the relay, peer to peer off).
import { t } from "../i18n/i18n.ts";
import type { SyncStatus } from "../sync/peerSync.ts";
import type { RelayState } from "../sync/relaySync.ts";

/** Connection status in a word or two. */
export function syncStatusText(s: SyncStatus | null): string {
  if (!s) return t("sync.notShared");
  if (s.state === "connected") return t("sync.connected", { n: s.peers });
  if (s.state === "off") return t("sync.p2pOff");
  return s.state === "searching" ? t("sync.searching") : t("sync.offline");
}

/** How a community carries its sessions on this tablet now: its room's status and its relay's, if any. */
export interface CommunityCarry {
  peers: SyncStatus | null;
  relay: RelayState | null;
}

/**
 * What a session's header says: its own share code's status when it has one; else, in a community, that
 * the community shares it (with how many tablets online, through the relay, or with peer to peer off);
 * else "not shared". Null `community`: a guest session.
 */
export function sessionSyncText(own: SyncStatus | null, community: CommunityCarry | null): string {
  if (own || !community) return syncStatusText(own);
  const online = community.peers?.state === "connected" ? community.peers.peers : 0;
  const relay = community.relay === "connected";
  if (online > 0) return t(relay ? "sync.community.peersAndRelay" : "sync.community.peers", { n: online });
  if (relay) return t("sync.community.relay");
  if (community.peers?.state === "off") return t("sync.community.off");
  return t("sync.community.alone");
}

/** True when another tablet or the relay is receiving the community's sessions right now. */
export const communityCarried = (c: CommunityCarry): boolean =>
  (c.peers?.state === "connected" && c.peers.peers > 0) || c.relay === "connected";
