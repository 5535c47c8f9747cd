import { createMemo, createSignal, For, Show } from "solid-js";
import type { Issue } from "../../../doc/session/schema.ts";
import { t } from "../../../i18n/i18n.ts";
import { shortText } from "../../labels.ts";
import { matterTitle, statusName } from "../../matterText.ts";
import { useSession } from "./sessionContext.ts";

/**
 * What the table decides of an issue without a follow-up: resolved on the spot (with what was agreed), or,
 * on a tablet paired with the community, the same matter as one already in the register ("same as…", the
 * register counts it once). Shows the issue's matter status in the register.
 */
export function IssueAtTable(props: { issue: Issue }) {
  const { handle } = useSession();
  const { actions } = handle;
  const [settling, setSettling] = createSignal(false);
  const [note, setNote] = createSignal("");
  const text = () => shortText(props.issue.text);
  const community = () => handle.community();
  const matter = createMemo(() =>
    community()
      ?.matters()
      .find((m) => m.id === props.issue.id),
  );
  // Earlier matters of this talk point still on the register's books: what a resident raises again.
  const earlier = createMemo(() =>
    (community()?.matters() ?? []).filter(
      (m) =>
        m.talkPointId === handle.state.meta.talkPoint.id &&
        m.sessionId !== handle.state.meta.id &&
        m.status !== "withdrawn",
    ),
  );
  const settle = (e: Event) => {
    e.preventDefault();
    if (actions.issues.settleIssue(props.issue.id, note()) !== undefined) setSettling(false);
  };
  return (
    <>
      <Show when={matter()}>
        {(m) => <p class="muted">{t("issue.matterStatus", { status: statusName(m().status) })}</p>}
      </Show>
      <Show when={props.issue.settled}>
        <p class="settled">{t("issue.settled", { note: props.issue.settled })}</p>
      </Show>
      <div class="row wrap">
        <Show when={!props.issue.settled && !props.issue.sameAs}>
          <button
            type="button"
            aria-label={t("issue.settleOf", { text: text() })}
            aria-expanded={settling()}
            onClick={() => setSettling(!settling())}
          >
            {t("issue.settle")}
          </button>
        </Show>
        <Show when={community() && (earlier().length > 0 || props.issue.sameAs)}>
          <label>
            {t("issue.sameAs")}
            <select
              aria-label={t("issue.sameAsOf", { text: text() })}
              value={props.issue.sameAs}
              onChange={(e) => actions.issues.linkIssue(props.issue.id, e.currentTarget.value)}
            >
              <option value="">{t("issue.sameAsNone")}</option>
              <For each={earlier()}>{(m) => <option value={m.id}>{matterTitle(m, 40)}</option>}</For>
            </select>
          </label>
        </Show>
      </div>
      <Show when={settling()}>
        <form class="inline-form" aria-label={t("issue.settleOf", { text: text() })} onSubmit={settle}>
          <label>
            {t("issue.settledNote")}
            <textarea rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">
            {t("action.save")}
          </button>
          <button type="button" onClick={() => setSettling(false)}>
            {t("action.cancel")}
          </button>
        </form>
      </Show>
    </>
  );
}
