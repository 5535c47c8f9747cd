import { For, Show } from "solid-js";
import type { ReportBackItem } from "../../../doc/session/schema.ts";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { MatterSteps } from "../../components/MatterSteps.tsx";
import { SyncedTextarea } from "../../components/SyncedTextarea.tsx";
import { createToday } from "../../matterQuery.ts";
import { groupReportBack, reportBackGroup } from "../../reportBackGroups.ts";
import type { Matter } from "../../../doc/community/matterSchema.ts";
import { matterStepActions } from "../../matterStepActions.ts";
import { useSession } from "./sessionContext.ts";

/**
 * Reporting back on earlier matters (逐一反馈), while that agenda item is on the table: each matter as it
 * stood when the session began and as it stands now, its next steps, and what is said about it.
 */
export function ReportBackPanel() {
  const { handle } = useSession();
  const { state } = handle;
  const statusNow = (item: ReportBackItem) => matterOf(handle.community()?.matters() ?? [], item.id)?.status;
  const groups = () => groupReportBack(state.reportBack, (i) => reportBackGroup(statusNow(i), i.statusThen));
  return (
    <section class="card report-back" aria-labelledby="report-back-heading">
      <h2 id="report-back-heading">{t("reportBack.heading", { n: state.reportBack.length })}</h2>
      <For each={groups()}>
        {(g) => (
          <section
            class={`report-back-group report-back-${g.group}`}
            aria-labelledby={`report-back-${g.group}`}
          >
            <h3 id={`report-back-${g.group}`}>{t(`reportBack.group.${g.group}`, { n: g.items.length })}</h3>
            <ul class="cards">
              <For each={g.items}>{(item) => <ReportBackEntry item={item} />}</For>
            </ul>
          </section>
        )}
      </For>
    </section>
  );
}

/** The register's matter a report-back item names (an older version's item names one of its actions). */
const matterOf = (matters: readonly Matter[], id: string) =>
  matters.find((m) => m.id === id || m.actions.some((a) => a.id === id));

function ReportBackEntry(props: { item: ReportBackItem }) {
  const { handle } = useSession();
  const community = () => handle.community();
  const matter = () => matterOf(community()?.matters() ?? [], props.item.id);
  const today = createToday(() => community()?.state.meta.timeZone ?? "Asia/Shanghai");
  const saidId = () => `said-${props.item.id}`;
  return (
    <li class="card">
      <p class="follow-up-action">{props.item.text}</p>
      <p class="muted">
        {t("reportBack.then", { status: t(`matterStatus.${props.item.statusThen}` as MessageKey) })}
        <Show when={matter()}>
          {(m) => <> · {t("reportBack.now", { status: t(`matterStatus.${m().status}`) })}</>}
        </Show>
      </p>
      <Show when={matter() && community()}>
        <MatterSteps
          matter={matter()!}
          directory={community()!.state.directory}
          today={today()}
          actions={matterStepActions(community()!)}
        />
      </Show>
      <label for={saidId()}>{t("reportBack.said", { text: props.item.text.slice(0, 30) })}</label>
      <SyncedTextarea
        id={saidId()}
        label={t("reportBack.said", { text: props.item.text.slice(0, 30) })}
        rows={3}
        value={props.item.said}
        onChange={(v) => handle.actions.reportBack.setReportBackSaid(props.item.id, v) !== undefined}
        caret={handle.caret({ collection: "reportBack", id: props.item.id, field: "said" })}
      />
    </li>
  );
}
