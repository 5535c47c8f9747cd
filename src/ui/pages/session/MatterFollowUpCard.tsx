import { createSignal, Show } from "solid-js";
import type { Matter } from "../../../doc/community/schema.ts";
import type { FollowUp } from "../../../doc/session/schema.ts";
import { t } from "../../../i18n/i18n.ts";
import { MatterHistory } from "../../components/MatterHistory.tsx";
import { MatterSteps } from "../../components/MatterSteps.tsx";
import { createOwnerDraft, OwnerFields } from "../../components/OwnerFields.tsx";
import { createToday } from "../../matterQuery.ts";
import { civilDateText, statusName } from "../../matterText.ts";
import { routeHash } from "../../router.ts";
import { matterStepActions } from "../../matterStepActions.ts";
import { shortText } from "../../labels.ts";
import { FollowUpEditForm } from "./FollowUpEditForm.tsx";
import { useSession } from "./sessionContext.ts";

/**
 * A follow-up of a paired community's session: an action of a register matter, so it shows the action's
 * owner, due date and state and the matter's status, takes the register's steps (吹哨, 报到, resolve,
 * feedback) right here, and shows the matter's history as the register has it, refused steps marked.
 */
export function MatterFollowUpCard(props: {
  followUp: FollowUp;
  matter: Matter;
  issueText: string | undefined;
}) {
  const { handle } = useSession();
  const community = handle.community()!;
  const today = createToday(() => community.state.meta.timeZone);
  const m = () => props.matter;
  const action = () => m().actions.find((a) => a.id === props.followUp.id);
  const [editing, setEditing] = createSignal(false);
  const [assigning, setAssigning] = createSignal(false);
  const name = () => shortText(props.followUp.action);
  const steps = matterStepActions(community);
  const owner = createOwnerDraft(action() ?? { owner: "", ownerKind: "person", due: "" });
  const assign = (e: Event) => {
    e.preventDefault();
    // Only what was changed here: a due date moved on another tablet meanwhile is kept.
    const changes = owner.changes();
    if (Object.keys(changes).length > 0) {
      if (steps.assignMatter(m().id, { actionId: props.followUp.id, ...changes }) === undefined) return;
      owner.rebase();
    }
    setAssigning(false);
  };
  return (
    <li class={`card follow-up ${m().status}`} aria-label={props.followUp.action}>
      {/* The action is the session's: edited there, the register copies it. */}
      <Show
        when={!editing()}
        fallback={
          <FollowUpEditForm
            followUp={props.followUp}
            withOwner={false}
            onSave={(patch) =>
              handle.actions.followUps.updateFollowUp(props.followUp.id, patch) !== undefined
            }
            onDone={() => setEditing(false)}
          />
        }
      >
        <p class="follow-up-action">{props.followUp.action}</p>
      </Show>
      <p class="muted">
        <span class={`status-chip matter-${m().status}`}>{statusName(m().status)}</span>{" "}
        {t("matter.actionLine", {
          owner: action()?.owner || "—",
          due: civilDateText(action()?.due ?? ""),
          state: t(`actionState.${action()?.state ?? "open"}`),
        })}
        <Show when={m().escalation}>
          {(e) => <> · {t("followUp.escalatedTo", { unit: e().department })}</>}
        </Show>
        <Show when={props.issueText}>
          {(text) => <> · {t("followUp.fromIssue", { text: text().slice(0, 30) })}</>}
        </Show>
      </p>
      <Show when={assigning()}>
        <form class="card form" aria-label={t("followUp.assignOf", { action: name() })} onSubmit={assign}>
          <div class="grid-2">
            <OwnerFields draft={owner} />
          </div>
          <div class="row wrap">
            <button type="submit" class="primary">
              {t("action.save")}
            </button>
            <button type="button" onClick={() => setAssigning(false)}>
              {t("action.cancel")}
            </button>
          </div>
        </form>
      </Show>
      <MatterSteps matter={m()} directory={community.state.directory} today={today()} actions={steps} />
      <details class="history">
        <summary>{t("history.heading", { n: m().history.length })}</summary>
        <MatterHistory
          history={m().history}
          timeZone={community.state.meta.timeZone}
          id={props.followUp.id}
        />
      </details>
      <div class="row wrap">
        <a href={routeHash({ page: "matter", communityId: community.id, matterId: m().id })}>
          {t("followUp.inRegister", { action: props.followUp.action.slice(0, 30) })}
        </a>
        <button
          type="button"
          aria-label={t("followUp.assignOf", { action: name() })}
          aria-expanded={assigning()}
          onClick={() => setAssigning(!assigning())}
        >
          {t("field.owner")}
        </button>
        <Show when={action()?.state === "open"}>
          <button
            type="button"
            aria-label={t("matter.actionDoneOf", { action: name() })}
            onClick={() => steps.markActionDone(m().id, { actionId: props.followUp.id })}
          >
            {t("matter.actionDone")}
          </button>
        </Show>
        <button
          type="button"
          aria-label={t("followUp.editOf", { action: name() })}
          aria-expanded={editing()}
          onClick={() => setEditing(!editing())}
        >
          {t("action.edit")}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t("followUp.deleteOf", { action: name() })}
          onClick={() => handle.remove("followUps", props.followUp.id, props.followUp.action)}
        >
          {t("action.delete")}
        </button>
      </div>
    </li>
  );
}
