import { For, Show } from "solid-js";
import type { MatterStep } from "../../doc/community/schema.ts";
import { formatDateTime, t, type MessageKey } from "../../i18n/i18n.ts";
import { civilDateText, stepName } from "../matterText.ts";

/** What a step recorded, in words: whom it assigned, where it was escalated, what was noted. */
export function stepDetail(s: MatterStep): string {
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
  if (s.why) parts.push(t(`withdrawReason.${s.why}`));
  if (s.note) parts.push(s.note);
  return parts.join(t("list.separator"));
}

/**
 * Every step of a matter in the log's order, each once: who, when, what; a step the matter's state refused
 * says why, and a fact recorded after the matter moved on says so.
 */
export function MatterHistory(props: { history: readonly MatterStep[]; timeZone: string; id: string }) {
  const at = (ms: number) => formatDateTime(ms, { timeZone: props.timeZone });
  return (
    <section class="card" aria-labelledby={`history-${props.id}`}>
      <h2 id={`history-${props.id}`}>{t("matter.history", { n: props.history.length })}</h2>
      <ol class="matter-history">
        <For each={props.history}>
          {(s) => (
            <li classList={{ "not-applied": !s.applied }}>
              <span class="history-when">{at(s.at)}</span>
              <span class="history-who">{s.by || t("matter.someone")}</span>
              <strong>{stepName(s.kind)}</strong>
              <Show when={stepDetail(s)}>
                <span class="history-detail">{stepDetail(s)}</span>
              </Show>
              <Show when={!s.applied}>
                <em class="not-applied-note">
                  {s.refused
                    ? t("matter.notAppliedBecause", { reason: t(`refused.${s.refused}` as MessageKey) })
                    : t("matter.notApplied")}
                </em>
              </Show>
              <Show when={s.factOnly}>
                <em class="fact-note">{t("matter.factOnly")}</em>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
