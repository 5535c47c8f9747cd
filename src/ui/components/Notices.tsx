import { For, Show } from "solid-js";
import { dismiss, notices } from "../../reactive/notices.ts";
import { t } from "../../i18n/i18n.ts";

/** Messages and undo offers, in a live region so screen readers announce them. */
export function Notices() {
  return (
    <div class="notices" role="status" aria-live="polite">
      <For each={notices()}>
        {(n) => (
          <div class={`notice notice-${n.kind}`} role={n.kind === "error" ? "alert" : undefined}>
            <span>{t(n.key, n.params)}</span>
            <Show when={n.action}>
              {(action) => (
                <button
                  type="button"
                  onClick={() => {
                    action().run();
                    dismiss(n.id);
                  }}
                >
                  {t(action().key)}
                </button>
              )}
            </Show>
            <button
              type="button"
              class="ghost"
              aria-label={t("action.dismiss")}
              onClick={() => dismiss(n.id)}
            >
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
