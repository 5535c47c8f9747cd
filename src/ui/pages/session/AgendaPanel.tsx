import { createSignal, For, Show } from "solid-js";
import { AGENDA_STATUSES, type AgendaStatus } from "../../../doc/session/schema.ts";
import { t } from "../../../i18n/i18n.ts";
import { Countdown } from "../../components/Countdown.tsx";
import { SyncedTextarea } from "../../components/SyncedTextarea.tsx";
import { useSession } from "./sessionContext.ts";

const nextStatus = (s: AgendaStatus): AgendaStatus =>
  AGENDA_STATUSES[(AGENDA_STATUSES.indexOf(s) + 1) % AGENDA_STATUSES.length]!;

/** The agenda: add, reorder, mark current, cycle status; the selected item opens its time box and notes. */
export function AgendaPanel() {
  const { handle } = useSession();
  const { state, actions } = handle;
  const [selected, setSelected] = createSignal<string | null>(null);
  const [title, setTitle] = createSignal("");

  const add = (e: Event) => {
    e.preventDefault();
    const id = actions.agenda.addAgendaItem({ title: title() });
    if (id) setTitle("");
  };

  return (
    <aside class="agenda-pane" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("agenda.heading")}</h2>
      <ol class="agenda-list">
        <For each={state.agenda}>
          {(item, index) => (
            <li classList={{ current: state.meta.currentAgendaId === item.id, [item.status]: true }}>
              <div class="agenda-row">
                <button
                  type="button"
                  class={`status-chip ${item.status}`}
                  aria-label={t("agenda.statusOf", { title: item.title, status: t(`status.${item.status}`) })}
                  onClick={() => actions.agenda.setAgendaStatus(item.id, nextStatus(item.status))}
                >
                  {t(`status.${item.status}`)}
                </button>
                <button
                  type="button"
                  class="agenda-title"
                  aria-expanded={selected() === item.id}
                  onClick={() => setSelected(selected() === item.id ? null : item.id)}
                >
                  {index() + 1}. {item.title}
                </button>
                <Countdown timeboxMin={item.timeboxMin} timerStartedAt={item.timerStartedAt} />
                <button
                  type="button"
                  class="make-current"
                  aria-pressed={state.meta.currentAgendaId === item.id}
                  aria-label={t("agenda.makeCurrentOf", { title: item.title })}
                  onClick={() => actions.session.setCurrentAgendaItem(item.id)}
                >
                  <span aria-hidden="true">▶</span>
                </button>
              </div>
              <Show when={selected() === item.id}>
                <div class="agenda-detail">
                  <div class="row wrap">
                    <button
                      type="button"
                      disabled={index() === 0}
                      aria-label={t("agenda.moveUp", { title: item.title })}
                      onClick={() => actions.records.moveRecord("agenda", item.id, index() - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={index() === state.agenda.length - 1}
                      aria-label={t("agenda.moveDown", { title: item.title })}
                      onClick={() => actions.records.moveRecord("agenda", item.id, index() + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      class="danger"
                      aria-label={t("agenda.deleteOf", { title: item.title })}
                      onClick={() => handle.remove("agenda", item.id, item.title)}
                    >
                      {t("action.delete")}
                    </button>
                  </div>
                  <label>
                    {t("field.agendaTitle")}
                    <input
                      value={item.title}
                      onChange={(e) => {
                        if (
                          actions.agenda.updateAgendaItem(item.id, { title: e.currentTarget.value }) ===
                          undefined
                        ) {
                          e.currentTarget.value = item.title;
                        }
                      }}
                    />
                  </label>
                  <div class="row">
                    <label>
                      {t("field.timebox")}
                      <input
                        type="number"
                        inputmode="numeric"
                        min="1"
                        value={item.timeboxMin ?? ""}
                        onChange={(e) =>
                          actions.agenda.updateAgendaItem(item.id, {
                            timeboxMin: e.currentTarget.value === "" ? null : Number(e.currentTarget.value),
                          })
                        }
                      />
                    </label>
                    <button
                      type="button"
                      disabled={item.timeboxMin === null}
                      onClick={() => actions.agenda.setAgendaTimer(item.id, item.timerStartedAt === null)}
                    >
                      {item.timerStartedAt === null ? t("agenda.startTimer") : t("agenda.stopTimer")}
                    </button>
                  </div>
                  <SyncedTextarea
                    label={t("agenda.notesOf", { title: item.title })}
                    value={item.notes}
                    onChange={(v) => actions.agenda.setAgendaNotes(item.id, v) !== undefined}
                    caret={handle.caret({ collection: "agenda", id: item.id, field: "notes" })}
                  />
                </div>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <form class="inline-form" onSubmit={add}>
        <input
          value={title()}
          aria-label={t("agenda.newItem")}
          placeholder={t("agenda.newItem")}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <button type="submit" class="primary">
          {t("action.add")}
        </button>
      </form>
    </aside>
  );
}
