import { createSignal, For, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { useSession } from "./sessionContext.ts";
import { VoteCard } from "./VoteCard.tsx";
import { QuickPollCard } from "./QuickPollCard.tsx";

/** Show-of-hands votes: a new motion (yes/no or a choice between options), then one card per vote. */
export function VotesPanel() {
  const { state, actions } = useSession().handle;
  const [motion, setMotion] = createSignal("");
  const [choices, setChoices] = createSignal("");
  const [useChoices, setUseChoices] = createSignal(false);

  const create = (e: Event) => {
    e.preventDefault();
    const id = actions.votes.createVote({
      motion: motion(),
      choices: useChoices() ? choices().split("\n") : undefined,
    });
    if (id) {
      setMotion("");
      setChoices("");
    }
  };

  return (
    <div class="panel">
      <QuickPollCard />
      <form class="card form" aria-label={t("vote.new")} onSubmit={create} novalidate>
        <label>
          {t("field.motion")}
          <textarea rows={2} value={motion()} onInput={(e) => setMotion(e.currentTarget.value)} />
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={useChoices()}
            onChange={(e) => setUseChoices(e.currentTarget.checked)}
          />
          {t("vote.useChoices")}
        </label>
        <Show when={useChoices()}>
          <label>
            {t("field.choices")}
            <textarea rows={3} value={choices()} onInput={(e) => setChoices(e.currentTarget.value)} />
          </label>
        </Show>
        <button type="submit" class="primary">
          {t("vote.new")}
        </button>
      </form>
      <For each={[...state.votes].reverse()} fallback={<p class="muted">{t("vote.none")}</p>}>
        {(vote) => <VoteCard vote={vote} />}
      </For>
    </div>
  );
}
