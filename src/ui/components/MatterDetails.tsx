import { For, Show } from "solid-js";
import { isAckOverdue, isMatterOverdue } from "../../doc/community/registerQuery.ts";
import type {
  CommunityCategory,
  CommunityTalkPoint,
  Matter,
  MatterStep,
  SessionEntry,
} from "../../doc/community/schema.ts";
import { formatDateTime, t } from "../../i18n/i18n.ts";
import { civilDateText, matterCategory, raiserName, statusName, stepName } from "../matterText.ts";

export interface MatterDetailsProps {
  matter: Matter;
  categories: readonly CommunityCategory[];
  talkPoints: readonly CommunityTalkPoint[];
  sessions: readonly SessionEntry[];
  /** True when the session's own document is on this tablet (its page can open). */
  sessionHere: (sessionId: string) => boolean;
  timeZone: string;
  today: string;
}

/** What a step recorded, in words: whom it assigned, where it was escalated, what was noted. */
function stepDetail(s: MatterStep): string {
  const parts: string[] = [];
  if (s.owner) parts.push(t("matter.detail.owner", { owner: s.owner }));
  if (s.due) parts.push(t("matter.detail.due", { due: civilDateText(s.due) }));
  if (s.department) parts.push(t("matter.detail.department", { department: s.department }));
  if (s.reason) parts.push(t("matter.detail.reason", { reason: s.reason }));
  if (s.deadline) parts.push(t("matter.detail.deadline", { deadline: civilDateText(s.deadline) }));
  if (s.person) parts.push(t("matter.detail.person", { person: s.person }));
  if (s.commitment) parts.push(t("matter.detail.commitment", { commitment: s.commitment }));
  if (s.on) parts.push(t("matter.detail.on", { on: civilDateText(s.on) }));
  if (s.how) parts.push(t(`feedbackHow.${s.how}`));
  if (s.kind === "feedback") parts.push(t(s.satisfied ? "matter.satisfied" : "matter.notSatisfied"));
  if (s.note) parts.push(s.note);
  return parts.join(t("list.separator"));
}

/** A matter's whole record: what was raised, what is to be done, where it stands, and every step taken. */
export function MatterDetails(props: MatterDetailsProps) {
  const m = () => props.matter;
  const at = (ms: number) => formatDateTime(ms, { timeZone: props.timeZone });
  const talkPoint = () => props.talkPoints.find((tp) => tp.id === m().talkPointId)?.name;
  const session = (id: string) => props.sessions.find((s) => s.id === id);
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
          <For each={m().sessions} fallback={<li class="muted">—</li>}>
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

      <section class="card" aria-labelledby="matter-todo">
        <h2 id="matter-todo">{t("matter.todo")}</h2>
        <p class="matter-text">{m().action || "—"}</p>
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
      </section>

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
                  <span class="muted"> · {at(r().at)}</span>
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
          <Show when={m().reopened > 0}>
            <dt>{t("matter.reopenedLabel")}</dt>
            <dd>{t("matter.reopenedCount", { n: m().reopened })}</dd>
          </Show>
        </dl>
      </section>

      <section class="card" aria-labelledby="matter-history">
        <h2 id="matter-history">{t("matter.history", { n: m().history.length })}</h2>
        <ol class="matter-history">
          <For each={m().history}>
            {(s) => (
              <li classList={{ "not-applied": !s.applied }}>
                <span class="history-when">{at(s.at)}</span>
                <span class="history-who">{s.by || t("matter.someone")}</span>
                <strong>{stepName(s.kind)}</strong>
                <Show when={stepDetail(s)}>
                  <span class="history-detail">{stepDetail(s)}</span>
                </Show>
                <Show when={!s.applied}>
                  <em class="not-applied-note">{t("matter.notApplied")}</em>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </section>
    </>
  );
}
