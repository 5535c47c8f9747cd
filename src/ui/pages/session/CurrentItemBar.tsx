import { Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { Countdown } from "../../components/Countdown.tsx";
import { trackHeight } from "../../stickyOffsets.ts";
import { useSession } from "./sessionContext.ts";

/** The agenda item on the table now, always in view above the tabs. */
export function CurrentItemBar() {
  const { state } = useSession().handle;
  const current = () => state.agenda.find((a) => a.id === state.meta.currentAgendaId);
  return (
    <div class="current-item" aria-live="polite" ref={(el) => trackHeight(el, "--session-now")}>
      <span class="label">{t("agenda.current")}</span>
      <Show when={current()} fallback={<span class="muted">{t("agenda.noCurrent")}</span>}>
        {(item) => (
          <>
            <strong class="current-title">{item().title}</strong>
            <span class={`status-chip ${item().status}`}>{t(`status.${item().status}`)}</span>
            <Countdown timeboxMin={item().timeboxMin} timerStartedAt={item().timerStartedAt} />
          </>
        )}
      </Show>
    </div>
  );
}
