import { createSignal, For, lazy, Show, Suspense } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { createIncremental } from "../../incremental.ts";
import { useSession } from "./sessionContext.ts";
import { FollowUpCard } from "./FollowUpCard.tsx";
import { createOwnerDraft, OwnerFields } from "../../components/OwnerFields.tsx";
// Only a tablet paired with the session's community shows register matters: their code loads then.
const MatterFollowUpCard = lazy(() =>
  import("./MatterFollowUpCard.tsx").then((m) => ({ default: m.MatterFollowUpCard })),
);

/** Follow-ups (跟进事项): assign, track status, escalate to a department (吹哨), with each one's history. */
export function FollowUpsPanel() {
  const { handle } = useSession();
  const { state, actions } = handle;
  const [action, setAction] = createSignal("");
  const draft = createOwnerDraft();
  const [issueId, setIssueId] = createSignal("");
  const followUps = createIncremental(() => state.followUps);

  const add = (e: Event) => {
    e.preventDefault();
    const id = actions.followUps.addFollowUp({
      action: action(),
      ...draft.value(),
      issueId: issueId() || null,
    });
    if (id) {
      setAction("");
      draft.clear();
      setIssueId("");
    }
  };
  const issueText = (id: string | null) => state.issues.find((i) => i.id === id)?.text;
  // On a tablet paired with the session's community, a follow-up is an action of a register matter: it
  // shows and takes the register's steps; elsewhere (a guest tablet) it is kept in the session as before.
  const matterOf = (id: string) =>
    handle
      .community()
      ?.matters()
      .find((m) => m.actions.some((a) => a.id === id));

  return (
    <div class="panel">
      <form class="card form" aria-label={t("followUp.new")} onSubmit={add} novalidate>
        <label>
          {t("field.action")}
          <textarea rows={2} value={action()} onInput={(e) => setAction(e.currentTarget.value)} />
        </label>
        <div class="grid-2">
          <OwnerFields draft={draft} />
          <label>
            {t("field.linkedIssue")}
            <select value={issueId()} onChange={(e) => setIssueId(e.currentTarget.value)}>
              <option value="">{t("followUp.noIssue")}</option>
              <For each={state.issues}>{(i) => <option value={i.id}>{i.text.slice(0, 40)}</option>}</For>
            </select>
          </label>
        </div>
        <button type="submit" class="primary">
          {t("followUp.new")}
        </button>
      </form>

      <ul class="cards">
        <For each={followUps()} fallback={<li class="muted">{t("followUp.none")}</li>}>
          {(f) => (
            <Show
              when={matterOf(f.id)}
              fallback={<FollowUpCard followUp={f} issueText={issueText(f.issueId)} />}
            >
              {(m) => (
                <Suspense fallback={<li class="card follow-up">{f.action}</li>}>
                  <MatterFollowUpCard followUp={f} matter={m()} issueText={issueText(f.issueId)} />
                </Suspense>
              )}
            </Show>
          )}
        </For>
      </ul>
    </div>
  );
}
