import { Show } from "solid-js";
import { isMatterOverdue } from "../../doc/community/registerQuery.ts";
import type { Matter } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { civilDateText, matterText, matterTitle, statusName, truncate } from "../matterText.ts";

/**
 * One row of the register: a link to the matter, named for it (what was raised, its status, when), showing
 * when it was raised, the text, status, owner, due date (flagged when overdue), department and urgent mark.
 */
export function MatterRow(props: { matter: Matter; href: string; today: string }) {
  const m = () => props.matter;
  const overdue = () => isMatterOverdue(m(), props.today);
  const label = () =>
    [
      t("register.rowLabel", {
        title: matterTitle(m()),
        status: statusName(m().status),
        raised: civilDateText(m().raisedOn),
      }),
      m().urgent ? t("field.urgent") : "",
      overdue() ? t("register.overdueMark") : "",
    ]
      .filter(Boolean)
      .join(t("list.separator"));
  return (
    <a
      class={`matter-row ${m().status}${overdue() ? " overdue" : ""}`}
      href={props.href}
      aria-label={label()}
    >
      <span class="matter-row-main">
        <Show when={m().urgent}>
          <span class="badge urgent">{t("issue.urgentBadge")}</span>
        </Show>
        <span class="matter-row-text">{truncate(matterText(m()), 120)}</span>
        <span class={`status-chip matter-${m().status}`}>{statusName(m().status)}</span>
      </span>
      <span class="matter-row-meta">
        <span>{t("register.raisedOn", { date: civilDateText(m().raisedOn) })}</span>
        <span>{t("register.ownerShort", { owner: m().owner || "—" })}</span>
        <span class={overdue() ? "due overdue" : "due"}>
          {t("register.dueShort", { due: civilDateText(m().due) })}
          <Show when={overdue()}>
            <strong class="overdue-mark">{t("register.overdueMark")}</strong>
          </Show>
        </span>
        <Show when={m().escalation?.department}>
          {(department) => <span>{t("register.departmentShort", { department: department() })}</span>}
        </Show>
      </span>
    </a>
  );
}
