import { For, Show } from "solid-js";
import type { ThresholdBasis, ThresholdKind, Vote } from "../../../doc/session/schema.ts";
import { presentCount } from "../../../doc/session/snapshot.ts";
import { countIn, shownResult } from "../../../doc/session/verdict.ts";
import { formatDateTime, t } from "../../../i18n/i18n.ts";
import { optionLabel, shortText } from "../../labels.ts";
import { TallyCounter } from "../../components/TallyCounter.tsx";
import { setJustMade } from "./FollowUpCard.tsx";
import { useSession } from "./sessionContext.ts";

const numberOrNull = (v: string): number | null => (v.trim() === "" ? null : Number(v));

/** One show-of-hands vote: rules, big counters while open, the verdict once closed, and its history. */
export function VoteCard(props: { vote: Vote }) {
  const { state, actions } = useSession().handle;
  const v = () => props.vote;
  // Once closed, the result recorded at the close: later changes (the head count, a late tap) never alter it.
  const result = () => shownResult(v(), presentCount(state));
  const optionName = (id: string | undefined) => {
    const o = result().options.find((x) => x.id === id) ?? v().options.find((x) => x.id === id);
    return o ? optionLabel(o) : "";
  };
  const settingName = (field: string | undefined) =>
    field === "present" || field === "quorum" || field === "threshold" ? t(`vote.${field}`) : (field ?? "");
  const setThreshold = (patch: {
    kind?: ThresholdKind;
    basis?: ThresholdBasis;
    num?: number;
    den?: number;
  }) => actions.votes.updateVote(v().id, { threshold: { ...v().threshold, ...patch } });
  const canEdit = () => v().status !== "closed";
  /** The motion as buttons name it: enough to tell two votes apart. */
  const short = () => shortText(v().motion);

  return (
    <article class="card vote" classList={{ open: v().status === "open" }} aria-label={v().motion}>
      <header class="vote-head">
        <span class={`status-chip vote-${v().status}`}>{t(`voteStatus.${v().status}`)}</span>
        <h3 class="motion">{v().motion}</h3>
      </header>

      <div class="vote-rules">
        <label>
          {t("vote.present")}
          <input
            type="number"
            inputmode="numeric"
            min="0"
            disabled={!canEdit()}
            value={v().present ?? ""}
            placeholder={String(presentCount(state))}
            onChange={(e) =>
              actions.votes.updateVote(v().id, { present: numberOrNull(e.currentTarget.value) })
            }
          />
        </label>
        <label>
          {t("vote.quorum")}
          <input
            type="number"
            inputmode="numeric"
            min="0"
            disabled={!canEdit()}
            value={v().quorum ?? ""}
            placeholder="0"
            onChange={(e) =>
              actions.votes.updateVote(v().id, { quorum: numberOrNull(e.currentTarget.value) })
            }
          />
        </label>
        <label>
          {t("vote.threshold")}
          <select
            disabled={!canEdit()}
            value={v().threshold.kind}
            onChange={(e) => setThreshold({ kind: e.currentTarget.value as ThresholdKind })}
          >
            <option value="simple">{t("threshold.simple")}</option>
            <option value="twoThirds">{t("threshold.twoThirds")}</option>
            <option value="custom">{t("threshold.custom")}</option>
          </select>
        </label>
        <Show when={v().threshold.kind === "custom"}>
          <label>
            {t("threshold.num")}
            <input
              type="number"
              min="1"
              disabled={!canEdit()}
              value={v().threshold.num}
              onChange={(e) => setThreshold({ num: Number(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t("threshold.den")}
            <input
              type="number"
              min="1"
              disabled={!canEdit()}
              value={v().threshold.den}
              onChange={(e) => setThreshold({ den: Number(e.currentTarget.value) })}
            />
          </label>
        </Show>
        <label>
          {t("vote.basis")}
          <select
            disabled={!canEdit()}
            value={v().threshold.basis}
            onChange={(e) => setThreshold({ basis: e.currentTarget.value as ThresholdBasis })}
          >
            <option value="cast">{t("basis.cast")}</option>
            <option value="present">{t("basis.present")}</option>
          </select>
        </label>
        <Show when={v().options.some((o) => o.role === "for")}>
          <label class="choice">
            <input
              type="checkbox"
              disabled={!canEdit()}
              checked={v().mode === "minority"}
              onChange={(e) =>
                actions.votes.updateVote(v().id, { mode: e.currentTarget.checked ? "minority" : "count" })
              }
            />
            {t("vote.minorityMode")}
          </label>
        </Show>
      </div>

      <Show when={v().status === "draft"}>
        <label class="motion-editor">
          {t("vote.motionOf")}
          <textarea
            rows={2}
            value={v().motion}
            onChange={(e) => {
              if (actions.votes.updateVote(v().id, { motion: e.currentTarget.value }) === undefined) {
                e.currentTarget.value = v().motion;
              }
            }}
          />
        </label>
        <fieldset class="options-editor">
          <legend>{t("vote.options")}</legend>
          <For each={v().options}>
            {(o) => (
              <input
                aria-label={t("vote.optionName", { option: optionLabel(o) })}
                value={optionLabel(o)}
                onChange={(e) => {
                  if (actions.votes.renameVoteOption(v().id, o.id, e.currentTarget.value) === undefined) {
                    e.currentTarget.value = optionLabel(o);
                  }
                }}
              />
            )}
          </For>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const input = e.currentTarget.elements.namedItem("option") as HTMLInputElement;
              if (actions.votes.addVoteOption(v().id, input.value)) input.value = "";
            }}
          >
            <input name="option" aria-label={t("vote.addOption")} placeholder={t("vote.addOption")} />
            <button type="submit">{t("action.add")}</button>
          </form>
        </fieldset>
      </Show>

      <div class="tallies">
        <For each={v().options}>
          {(o) => (
            <TallyCounter
              label={optionLabel(o)}
              count={countIn(result(), o.id)}
              enabled={v().status === "open"}
              derived={v().mode === "minority" && o.role === "for"}
              onTap={(delta) => actions.votes.tapVote(v().id, o.id, delta)}
              onSet={(total) => actions.votes.setVoteCount(v().id, o.id, total)}
            />
          )}
        </For>
      </div>

      <Show when={v().status === "closed"}>
        <p class={`verdict ${result().outcome}`} role="status">
          {t(`verdict.${result().outcome}`)}
          <Show when={result().winnerId && v().options.every((o) => o.role === "choice")}>
            {" "}
            {t("verdict.winner", { option: optionName(result().winnerId ?? undefined) })}
          </Show>
          <span class="muted">
            {" "}
            {t("verdict.detail", {
              cast: result().cast,
              present: result().present,
              quorum: result().quorum,
            })}
          </span>
        </p>
      </Show>

      <div class="row wrap">
        <Show when={v().status !== "open"}>
          <button
            type="button"
            class="primary"
            aria-label={t(v().status === "closed" ? "vote.reopenOf" : "vote.openOf", { motion: short() })}
            onClick={() => actions.votes.openVote(v().id)}
          >
            {v().status === "closed" ? t("vote.reopen") : t("vote.open")}
          </button>
        </Show>
        <Show when={v().status === "open"}>
          <button
            type="button"
            class="primary"
            aria-label={t("vote.closeOf", { motion: short() })}
            onClick={() => actions.votes.closeVote(v().id)}
          >
            {t("vote.close")}
          </button>
        </Show>
        <Show when={v().status === "closed" && result().outcome === "passed"}>
          <button
            type="button"
            aria-label={t("vote.toFollowUpOf", { motion: short() })}
            onClick={() => {
              const id = actions.followUps.addFollowUp({
                action: v().motion,
                voteId: v().id,
                issueId: v().issueId,
              });
              // Its card opens with its editor: owner and due date are still to be set.
              if (id) setJustMade(id);
            }}
          >
            {t("vote.toFollowUp")}
          </button>
        </Show>
      </div>

      <Show when={v().history.length > 0}>
        <details class="history">
          <summary>{t("history.heading", { n: v().history.length })}</summary>
          <ul>
            <For each={v().history}>
              {(h) => (
                <li>
                  {formatDateTime(h.at, { timeZone: state.meta.timeZone })} {h.by ? `· ${h.by} ` : ""}·{" "}
                  {h.kind === "set"
                    ? t("history.set", { option: optionName(h.optionId), from: h.from ?? 0, to: h.to ?? 0 })
                    : h.kind === "settings"
                      ? t("history.settings", {
                          field: settingName(h.field),
                          from: h.from ?? "",
                          to: h.to ?? "",
                        })
                      : t(`history.${h.kind}`)}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </article>
  );
}
