import { Show } from "solid-js";
import type { SyncStatus } from "../../sync/peerSync.ts";
import { t } from "../../i18n/i18n.ts";
import { syncStatusText } from "../syncText.ts";

/**
 * Connection status in a word or two: not shared / looking for peers / connected to N / offline. With
 * `onClick` (a tablet that can share) it is the share button; without (the display) it is only a status.
 */
export function SyncBadge(props: {
  status: SyncStatus | null;
  onClick?: () => void;
  /** What to say instead of the status's own words (a session its community shares). */
  text?: string;
  /** Shared another way (its community), and whether anyone receives it now: no "Share" call to action. */
  shared?: "carried" | "waiting";
}) {
  const text = () => props.text ?? syncStatusText(props.status);
  const state = () =>
    props.status?.state ?? (props.shared === "carried" ? "connected" : props.shared ? "searching" : "local");
  const className = () => `sync-badge ${state()}`;
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
          <Show when={!props.status && !props.shared}>
            <span class="share-cta">{t("share.action")}</span>
          </Show>
        </button>
      )}
    </Show>
  );
}
