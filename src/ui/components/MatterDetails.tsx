import { For, Show } from "solid-js";
import { isAckOverdue } from "../../doc/community/registerQuery.ts";
import type {
  CommunityCategory,
  CommunityTalkPoint,
  Matter,
  SessionEntry,
} from "../../doc/community/schema.ts";
import { formatDateTime, t } from "../../i18n/i18n.ts";
import { civilDateText, matterCategory, raiserName, statusName, withdrawalText } from "../matterText.ts";
import { MatterActions } from "./MatterActions.tsx";
import { MatterHistory } from "./MatterHistory.tsx";

export interface MatterDetailsProps {
  matter: Matter;
  categories: readonly CommunityCategory[];
  talkPoints: readonly CommunityTalkPoint[];
  sessions: readonly SessionEntry[];
  /** True when the session's own document is on this tablet (its page can open). */
  sessionHere: (sessionId: string) => boolean;
  timeZone: string;
  today: string;
  /** Marks an action done (offered only when given). */
  onActionDone?: (actionId: string) => void;
  /** A matter's short name by its id (for "same as …"). */
  titleOf?: (id: string) => string;
}

/** A matter's whole record: what was raised, what is to be done, where it stands, and every step taken. */
export function MatterDetails(props: MatterDetailsProps) {
  const m = () => props.matter;
  const at = (ms: number) => formatDateTime(ms, { timeZone: props.timeZone });
  const talkPoint = () => props.talkPoints.find((tp) => tp.id === m().talkPointId)?.name;
  const session = (id: string) => props.sessions.find((s) => s.id === id);
  // A session created but never held is no sitting where the matter was raised or reported on.
  const sittings = () => m().sessions.filter((id) => session(id)?.held !== false);
  return (
    <>
      <section class="card" aria-labelledby="matter-raised">
        <h2 id="matter-raised">{t("matter.raised")}</h2>
        <p class="matter-text">{m().text || "—"}</p>
        <dl class="facts">
          <dt>{t("field.category")}</dt>
          <dd>{matterCategory(m(), props.categories)}</dd>
          <dt>{t("field.issueLocation")}</dt>
          <dd>{m().location || "—"}</dd>
          <dt>{t("field.urgent")}</dt>
          <dd>{m().urgent ? t("matter.yes") : t("matter.no")}</dd>
          <dt>{t("field.raisedBy")}</dt>
          <dd>{raiserName(m())}</dd>
          <dt>{t("matter.raisedOn")}</dt>
          <dd>{civilDateText(m().raisedOn)}</dd>
          <Show when={talkPoint()}>
            <dt>{t("register.talkPoint")}</dt>
            <dd>{talkPoint()}</dd>
          </Show>
        </dl>
        <h3>{t("matter.sessions")}</h3>
        <ul class="matter-sessions">
          <For each={sittings()} fallback={<li class="muted">—</li>}>
            {(id) => {
              const entry = () => session(id);
              const name = () => {
                const s = entry();
                return s ? t("matter.sessionLine", { title: s.title, date: at(Date.parse(s.startsAt)) }) : "";
              };
              return (
                <li>
                  <Show when={entry()} fallback={<span class="muted">{t("matter.unknownSession")}</span>}>
                    <Show when={props.sessionHere(id)} fallback={<span>{name()}</span>}>
                      <a href={`#/session/${encodeURIComponent(id)}`}>{name()}</a>
                    </Show>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </section>

      <MatterActions matter={m()} today={props.today} onDone={props.onActionDone} />

      <section class="card" aria-labelledby="matter-status">
        <h2 id="matter-status">
          {t("matter.status")}{" "}
          <span class={`status-chip matter-${m().status}`}>{statusName(m().status)}</span>
        </h2>
        <dl class="facts">
          <Show when={m().escalation}>
            {(e) => (
              <>
                <dt>{t("matter.escalation")}</dt>
                <dd>
                  {t("matter.escalatedTo", { department: e().department, at: at(e().at) })}
                  <Show when={e().reason}>
                    <br />
                    {t("matter.detail.reason", { reason: e().reason })}
                  </Show>
                  <Show when={e().deadline}>
                    <br />
                    {t("matter.detail.deadline", { deadline: civilDateText(e().deadline) })}
                  </Show>
                  <Show when={isAckOverdue(m(), props.today)}>
                    <strong class="overdue-mark">{t("register.ackOverdueMark")}</strong>
                  </Show>
                </dd>
              </>
            )}
          </Show>
          <Show when={m().acknowledgement}>
            {(a) => (
              <>
                <dt>{t("matter.acknowledgement")}</dt>
                <dd>
                  {t("matter.acknowledgedBy", { person: a().person, on: civilDateText(a().on) })}
                  <br />
                  {a().commitment}
                </dd>
              </>
            )}
          </Show>
          <Show when={m().resolution}>
            {(r) => (
              <>
                <dt>{t("matter.resolution")}</dt>
                <dd>
                  {r().note}
                  <span class="muted">
                    {" · "}
                    {r().sessionId ? `${t("matter.resolvedAtTable")} · ` : ""}
                    {t("matter.resolvedOnDay", { on: civilDateText(r().on) })}
                  </span>
                </dd>
              </>
            )}
          </Show>
          <Show when={m().feedback}>
            {(f) => (
              <>
                <dt>{t("matter.feedback")}</dt>
                <dd>
                  {t(`feedbackHow.${f().how}`)} · {civilDateText(f().on)} ·{" "}
                  {t(f().satisfied ? "matter.satisfied" : "matter.notSatisfied")}
                  <Show when={f().note}>
                    <br />
                    {f().note}
                  </Show>
                </dd>
              </>
            )}
          </Show>
          <Show when={m().withdrawal}>
            {(w) => (
              <>
                <dt>{t("matter.withdrawal")}</dt>
                <dd>
                  {withdrawalText(w(), props.titleOf ?? ((id) => id))}
                  <Show when={w().note}>
                    <br />
                    {w().note}
                  </Show>
                </dd>
              </>
            )}
          </Show>
          <Show when={m().reopened > 0}>
            <dt>{t("matter.reopenedLabel")}</dt>
            <dd>{t("matter.reopenedCount", { n: m().reopened })}</dd>
          </Show>
        </dl>
      </section>

      <MatterHistory history={m().history} timeZone={props.timeZone} id={m().id} />
    </>
  );
}
