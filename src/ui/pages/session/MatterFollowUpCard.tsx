import { createSignal, Show } from "solid-js";
import type { Matter } from "../../../doc/community/schema.ts";
import type { FollowUp } from "../../../doc/session/schema.ts";
import { t } from "../../../i18n/i18n.ts";
import { MatterSteps } from "../../components/MatterSteps.tsx";
import { createToday } from "../../matterQuery.ts";
import { routeHash } from "../../router.ts";
import { matterStepActions } from "../../matterStepActions.ts";
import { shortText } from "../../labels.ts";
import { FollowUpEditForm } from "./FollowUpEditForm.tsx";
import { useSession } from "./sessionContext.ts";

/**
 * A follow-up of a paired community's session: it is a register matter, so it shows the register's status,
 * owner and due date and takes the register's steps (吹哨, 报到, resolve, feedback) right here.
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
  const [editing, setEditing] = createSignal(false);
  const name = () => shortText(props.followUp.action);
  return (
    <li class={`card follow-up ${m().status}`} aria-label={props.followUp.action}>
      {/* The action is the session's: edited there, the register copies it (owner and due: "Assign"). */}
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
        <span class={`status-chip matter-${m().status}`}>{t(`matterStatus.${m().status}`)}</span>{" "}
        {t("followUp.ownerLine", { owner: m().owner || "—", due: m().due || "—" })}
        <Show when={m().escalation}>
          {(e) => <> · {t("followUp.escalatedTo", { unit: e().department })}</>}
        </Show>
        <Show when={props.issueText}>
          {(text) => <> · {t("followUp.fromIssue", { text: text().slice(0, 30) })}</>}
        </Show>
      </p>
      <MatterSteps
        matter={m()}
        directory={community.state.directory}
        today={today()}
        actions={matterStepActions(community)}
      />
      <div class="row wrap">
        <a href={routeHash({ page: "matter", communityId: community.id, matterId: m().id })}>
          {t("followUp.inRegister", { action: props.followUp.action.slice(0, 30) })}
        </a>
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
