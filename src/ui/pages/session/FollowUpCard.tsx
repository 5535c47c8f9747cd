import { createSignal, For, Show } from "solid-js";
import { FOLLOW_UP_STATUSES, type FollowUp, type FollowUpStatus } from "../../../doc/session/schema.ts";
import { formatDateTime, t, type MessageKey } from "../../../i18n/i18n.ts";
import { shortText } from "../../labels.ts";
import { FollowUpEditForm } from "./FollowUpEditForm.tsx";
import { EscalateForm, ResolveForm } from "./GuestStepForms.tsx";
import { useSession } from "./sessionContext.ts";

/** The follow-up just made with one tap (from an issue): its card opens with its editor, to be completed. */
export const [justMade, setJustMade] = createSignal<string | null>(null);

/** A follow-up kept in the session (a tablet not paired with its community): status, escalation, history. */
export function FollowUpCard(props: { followUp: FollowUp; issueText: string | undefined }) {
  const { handle } = useSession();
  const { actions } = handle;
  const [escalating, setEscalating] = createSignal(false);
  const [resolving, setResolving] = createSignal(false);
  // eslint-disable-next-line solid/reactivity -- read once: a card made by one tap opens with its editor
  const [editing, setEditing] = createSignal(justMade() === props.followUp.id);
  const f = () => props.followUp;
  const name = () => shortText(f().action);
  return (
    <li class={`card follow-up ${f().status}`} aria-label={f().action}>
      <Show
        when={!editing()}
        fallback={
          <FollowUpEditForm
            followUp={f()}
            withOwner
            onSave={(patch) => actions.followUps.updateFollowUp(f().id, patch) !== undefined}
            onDone={() => {
              setEditing(false);
              if (justMade() === f().id) setJustMade(null);
            }}
          />
        }
      >
        <p class="follow-up-action">{f().action}</p>
      </Show>
      <p class="muted">
        {t("followUp.ownerLine", { owner: f().owner || "—", due: f().due || "—" })}
        <Show when={f().status === "escalated" && f().escalatedTo}>
          {" "}
          · {t("followUp.escalatedTo", { unit: f().escalatedTo })}
        </Show>
        <Show when={props.issueText}>
          {(text) => <> · {t("followUp.fromIssue", { text: text().slice(0, 30) })}</>}
        </Show>
      </p>
      <div class="row wrap">
        <label>
          {t("field.status")}
          <select
            aria-label={t("followUp.statusOf", { action: name() })}
            value={f().status}
            onChange={(e) => {
              const status = e.currentTarget.value as FollowUpStatus;
              // Escalating and resolving ask what the register asks: a deadline, a note of how.
              if (status === "escalated") setEscalating(true);
              else if (status === "resolved") setResolving(true);
              else actions.followUps.updateFollowUp(f().id, { status });
              e.currentTarget.value = f().status;
            }}
          >
            <For each={FOLLOW_UP_STATUSES}>
              {(s) => <option value={s}>{t(`followUpStatus.${s}` as MessageKey)}</option>}
            </For>
          </select>
        </label>
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
          aria-label={t("followUp.escalateOf", { action: name() })}
          onClick={() => setEscalating(true)}
        >
          {t("followUp.escalate")}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t("followUp.deleteOf", { action: name() })}
          onClick={() => handle.remove("followUps", f().id, f().action)}
        >
          {t("action.delete")}
        </button>
      </div>
      <Show when={escalating()}>
        <EscalateForm
          action={name()}
          onSubmit={(unit, deadline) => {
            if (actions.followUps.escalateFollowUp(f().id, unit, deadline) !== undefined)
              setEscalating(false);
          }}
          onCancel={() => setEscalating(false)}
        />
      </Show>
      <Show when={resolving()}>
        <ResolveForm
          action={name()}
          onSubmit={(note) => {
            const patch = { status: "resolved" as const, note };
            if (actions.followUps.updateFollowUp(f().id, patch) !== undefined) setResolving(false);
          }}
          onCancel={() => setResolving(false)}
        />
      </Show>
      <details class="history">
        <summary>{t("history.heading", { n: f().history.length })}</summary>
        <ul>
          <For each={f().history}>
            {(h) => (
              <li>
                {formatDateTime(h.at, { timeZone: handle.state.meta.timeZone })} {h.by ? `· ${h.by} ` : ""}·{" "}
                {h.field === "created"
                  ? t("history.created")
                  : t("history.changed", {
                      field: t(`field.${h.field}` as MessageKey),
                      from: h.from || "—",
                      to: h.to || "—",
                    })}
              </li>
            )}
          </For>
        </ul>
      </details>
    </li>
  );
}
