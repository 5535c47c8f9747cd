import { Show } from "solid-js";
import type { SyncStatus } from "../../sync/peerSync.ts";
import { t } from "../../i18n/i18n.ts";
import { syncStatusText } from "../syncText.ts";

/** Connection status in a word or two: not shared / looking for peers / connected to N / offline. */
export function SyncBadge(props: { status: SyncStatus | null; onClick: () => void }) {
  const text = () => syncStatusText(props.status);
  return (
    <button
      type="button"
      class={`sync-badge ${props.status?.state ?? "local"}`}
      aria-label={t("sync.statusLabel", { status: text() })}
      onClick={() => props.onClick()}
    >
      <span class="dot" aria-hidden="true" />
      <span>{text()}</span>
      <Show when={!props.status}>
        <span class="share-cta">{t("share.action")}</span>
      </Show>
    </button>
  );
}
