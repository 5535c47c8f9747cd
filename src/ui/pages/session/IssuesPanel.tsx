import { createMemo, createSignal, For, Show } from "solid-js";
import type { Issue } from "../../../doc/session/schema.ts";
import { t } from "../../../i18n/i18n.ts";
import { createIncremental } from "../../incremental.ts";
import { categoryLabel, joinFilled, shortText } from "../../labels.ts";
import { CategoryEditor } from "./CategoryEditor.tsx";
import { IssueAtTable } from "./IssueAtTable.tsx";
import { IssueForm } from "./IssueForm.tsx";
import { setJustMade } from "./FollowUpCard.tsx";
import { useSession } from "./sessionContext.ts";

/** Raised issues (说事), newest last, each one tap away from a vote or a follow-up. */
export function IssuesPanel() {
  const { handle, showTab } = useSession();
  const { state, actions } = handle;
  const [editing, setEditing] = createSignal<string | null>(null);
  const [raising, setRaising] = createSignal(false);
  const issues = createIncremental(() => state.issues);
  // Looked up once per change of categories or agenda, not once per card.
  const categories = createMemo(() => new Map(state.categories.map((c) => [c.id, c])));
  const agendaTitles = createMemo(() => new Map(state.agenda.map((a) => [a.id, a.title])));
  const category = (id: string) => categoryLabel(categories().get(id));
  const agendaTitle = (id: string | null) => (id === null ? undefined : agendaTitles().get(id));

  const toVote = (issue: Issue) => {
    if (actions.votes.createVote({ motion: issue.text, issueId: issue.id, agendaId: issue.agendaId }))
      showTab("votes");
  };
  const toFollowUp = (issue: Issue) => {
    const id = actions.followUps.addFollowUp({ action: issue.text, issueId: issue.id });
    if (id) {
      setJustMade(id);
      showTab("followUps");
    }
  };

  return (
    <div class="panel">
      <div class="panel-head">
        <h2>{t("tab.issues")}</h2>
        <p class="muted">
          {t("issue.summary", {
            n: state.issues.length,
            urgent: state.issues.filter((i) => i.urgent).length,
          })}
        </p>
        <Show when={!raising()}>
          <button type="button" class="primary" onClick={() => setRaising(true)}>
            {t("issue.raise")}
          </button>
        </Show>
      </div>
      <Show when={raising()}>
        <IssueForm onDone={() => setRaising(false)} />
      </Show>
      <ul class="cards">
        <For each={issues()} fallback={<li class="muted">{t("issue.none")}</li>}>
          {(issue) => (
            <li class="card issue" classList={{ urgent: issue.urgent }}>
              <Show
                when={editing() !== issue.id}
                fallback={<IssueForm issue={issue} onDone={() => setEditing(null)} />}
              >
                <p class="issue-text">
                  <Show when={issue.urgent}>
                    <span class="badge urgent">{t("issue.urgentBadge")}</span>
                  </Show>
                  {issue.text}
                </p>
                <p class="muted">
                  {joinFilled([
                    category(issue.categoryId),
                    issue.anonymous ? t("issue.anonymous") : issue.raisedBy,
                    issue.location,
                    agendaTitle(issue.agendaId),
                  ])}
                </p>
                <IssueAtTable issue={issue} />
                <div class="row wrap">
                  <button
                    type="button"
                    aria-label={t("issue.toVoteOf", { text: shortText(issue.text) })}
                    onClick={() => toVote(issue)}
                  >
                    {t("issue.toVote")}
                  </button>
                  <button
                    type="button"
                    aria-label={t("issue.toFollowUpOf", { text: shortText(issue.text) })}
                    onClick={() => toFollowUp(issue)}
                  >
                    {t("issue.toFollowUp")}
                  </button>
                  <button
                    type="button"
                    aria-label={t("issue.editOf", { text: shortText(issue.text) })}
                    onClick={() => setEditing(issue.id)}
                  >
                    {t("action.edit")}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-label={t("issue.deleteOf", { text: shortText(issue.text) })}
                    onClick={() => handle.remove("issues", issue.id, issue.text)}
                  >
                    {t("action.delete")}
                  </button>
                </div>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <CategoryEditor />
    </div>
  );
}
