import { createSignal, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { TallyCounter } from "../../components/TallyCounter.tsx";
import { useSession } from "./sessionContext.ts";

/** A quick, informal show of hands for the screen ("take a break?"): counted, but not in the minutes. */
export function QuickPollCard() {
  const { state, actions } = useSession().handle;
  const [question, setQuestion] = createSignal("");
  const poll = () => (state.quickPoll?.active ? state.quickPoll : null);
  return (
    <section class="card quick-poll" aria-labelledby="quick-poll-heading">
      <h3 id="quick-poll-heading">{t("quickPoll.heading")}</h3>
      <Show
        when={poll()}
        fallback={
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (actions.quickPoll.startQuickPoll(question() || t("quickPoll.default"))) setQuestion("");
            }}
          >
            <input
              value={question()}
              aria-label={t("quickPoll.question")}
              placeholder={t("quickPoll.default")}
              onInput={(e) => setQuestion(e.currentTarget.value)}
            />
            <button type="submit">{t("quickPoll.start")}</button>
          </form>
        }
      >
        {(p) => (
          <>
            <p class="motion">{p().question}</p>
            <div class="tallies">
              <TallyCounter
                label={t("quickPoll.yes")}
                count={p().yes}
                enabled
                onTap={(d) => actions.quickPoll.tapQuickPoll("yes", d)}
                onSet={() => {}}
                noTotal
              />
              <TallyCounter
                label={t("quickPoll.no")}
                count={p().no}
                enabled
                onTap={(d) => actions.quickPoll.tapQuickPoll("no", d)}
                onSet={() => {}}
                noTotal
              />
            </div>
            <button type="button" onClick={() => actions.quickPoll.endQuickPoll()}>
              {t("quickPoll.end")}
            </button>
          </>
        )}
      </Show>
    </section>
  );
}
