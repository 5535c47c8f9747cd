import { Show } from "solid-js";
import type { SyncStatus } from "../../sync/peerSync.ts";
import { t } from "../../i18n/i18n.ts";
import { syncStatusText } from "../syncText.ts";

/**
 * Connection status in a word or two: not shared / looking for peers / connected to N / offline. With
 * `onClick` (a tablet that can share) it is the share button; without (the display) it is only a status.
 */
export function SyncBadge(props: { status: SyncStatus | null; onClick?: () => void }) {
  const text = () => syncStatusText(props.status);
  const className = () => `sync-badge ${props.status?.state ?? "local"}`;
  return (
    <Show
      when={props.onClick}
      fallback={
        <span class={className()} role="status" aria-label={t("sync.statusShown", { status: text() })}>
          <span class="dot" aria-hidden="true" />
          <span>{text()}</span>
        </span>
      }
    >
      {(onClick) => (
        <button
          type="button"
          class={className()}
          aria-label={t("sync.statusLabel", { status: text() })}
          onClick={() => onClick()()}
        >
          <span class="dot" aria-hidden="true" />
          <span>{text()}</span>
          <Show when={!props.status}>
            <span class="share-cta">{t("share.action")}</span>
          </Show>
        </button>
      )}
    </Show>
  );
}
