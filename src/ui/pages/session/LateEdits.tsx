import { createMemo, For, Show } from "solid-js";
import { lateEdits } from "../../../doc/session/lock.ts";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { useSession } from "./sessionContext.ts";

/** Edits that merged in after the minutes were finalised (an offline tablet's): listed apart, never hidden. */
export function LateEdits() {
  const { state } = useSession().handle;
  const late = createMemo(() => (state.lock && state.finalised ? lateEdits(state.finalised, state) : []));
  return (
    <Show when={late().length > 0}>
      <section class="banner late" role="status" aria-label={t("late.banner", { n: late().length })}>
        <p>{t("late.banner", { n: late().length })}</p>
        <ul>
          <For each={late()}>
            {(e) => (
              <li>
                {[t(`late.${e.change}` as MessageKey), t(`late.${e.what}` as MessageKey), e.label]
                  .filter((x) => x !== "")
                  .join(" · ")}
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
