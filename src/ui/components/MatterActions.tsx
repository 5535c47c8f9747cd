import { For, Show } from "solid-js";
import { isMatterOverdue } from "../../doc/community/registerQuery.ts";
import type { Matter } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { civilDateText, truncate } from "../matterText.ts";

/**
 * The actions decided for a matter (its follow-ups), each with its owner, due date and state; `onDone`, when
 * given, offers to mark an open action done.
 */
export function MatterActions(props: { matter: Matter; today: string; onDone?: (actionId: string) => void }) {
  const m = () => props.matter;
  return (
    <section class="card" aria-labelledby={`actions-${m().id}`}>
      <h2 id={`actions-${m().id}`}>{t("matter.actions", { n: m().actions.length })}</h2>
      <dl class="facts">
        <dt>{t("field.owner")}</dt>
        <dd>
          {m().owner
            ? t("matter.ownerWithKind", { owner: m().owner, kind: t(`ownerKind.${m().ownerKind}`) })
            : "—"}
        </dd>
        <dt>{t("field.due")}</dt>
        <dd classList={{ overdue: isMatterOverdue(m(), props.today) }}>
          {civilDateText(m().due)}
          <Show when={isMatterOverdue(m(), props.today)}>
            <strong class="overdue-mark">{t("register.overdueMark")}</strong>
          </Show>
        </dd>
      </dl>
      <ul class="matter-actions">
        <For each={m().actions} fallback={<li class="muted">{t("matter.noActions")}</li>}>
          {(a) => (
            <li classList={{ [`action-${a.state}`]: true }}>
              <p class="matter-text">{a.action || "—"}</p>
              <p class="muted">
                {t("matter.actionLine", {
                  owner: a.owner || "—",
                  due: civilDateText(a.due),
                  state: t(`actionState.${a.state}`),
                })}
              </p>
              <Show when={props.onDone && a.state === "open"}>
                <button
                  type="button"
                  aria-label={t("matter.actionDoneOf", { action: truncate(a.action, 30) })}
                  onClick={() => props.onDone!(a.id)}
                >
                  {t("matter.actionDone")}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
