// The words for a sync status: not shared / looking for peers / connected to N / offline.
import { t } from "../i18n/i18n.ts";
import type { SyncStatus } from "../sync/peerSync.ts";

/** Connection status in a word or two. */
export function syncStatusText(s: SyncStatus | null): string {
  if (!s) return t("sync.notShared");
  if (s.state === "connected") return t("sync.connected", { n: s.peers });
  if (s.state === "off") return t("sync.p2pOff");
  return s.state === "searching" ? t("sync.searching") : t("sync.offline");
}
