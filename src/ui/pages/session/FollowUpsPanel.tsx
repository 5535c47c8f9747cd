import { createSignal, For, Show } from "solid-js";
import { FOLLOW_UP_STATUSES, type FollowUpStatus, type OwnerKind } from "../../../doc/session/schema.ts";
import { formatDateTime, t, type MessageKey } from "../../../i18n/i18n.ts";
import { createIncremental } from "../../incremental.ts";
import { useSession } from "./sessionContext.ts";

/** Follow-ups (跟进事项): assign, track status, escalate to a department (吹哨), with each one's history. */
export function FollowUpsPanel() {
  const { handle } = useSession();
  const { state, actions } = handle;
  const [action, setAction] = createSignal("");
  const [owner, setOwner] = createSignal("");
  const [ownerKind, setOwnerKind] = createSignal<OwnerKind>("person");
  const [due, setDue] = createSignal("");
  const [issueId, setIssueId] = createSignal("");
  const [escalating, setEscalating] = createSignal<string | null>(null);
  const followUps = createIncremental(() => state.followUps);

  const add = (e: Event) => {
    e.preventDefault();
    const id = actions.followUps.addFollowUp({
      action: action(),
      owner: owner(),
      ownerKind: ownerKind(),
      due: due(),
      issueId: issueId() || null,
    });
    if (id) {
      setAction("");
      setOwner("");
      setDue("");
      setIssueId("");
    }
  };
  const issueText = (id: string | null) => state.issues.find((i) => i.id === id)?.text;

  return (
    <div class="panel">
      <form class="card form" aria-label={t("followUp.new")} onSubmit={add} novalidate>
        <label>
          {t("field.action")}
          <textarea rows={2} value={action()} onInput={(e) => setAction(e.currentTarget.value)} />
        </label>
        <div class="grid-2">
          <label>
            {t("field.owner")}
            <input
              value={owner()}
              placeholder={t("followUp.ownerPlaceholder")}
              onInput={(e) => setOwner(e.currentTarget.value)}
            />
          </label>
          <label>
            {t("field.ownerKind")}
            <select value={ownerKind()} onChange={(e) => setOwnerKind(e.currentTarget.value as OwnerKind)}>
              <option value="person">{t("ownerKind.person")}</option>
              <option value="unit">{t("ownerKind.unit")}</option>
            </select>
          </label>
          <label>
            {t("field.due")}
            <input type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
          </label>
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
            <li class={`card follow-up ${f.status}`}>
              <p class="follow-up-action">{f.action}</p>
              <p class="muted">
                {t("followUp.ownerLine", { owner: f.owner || "—", due: f.due || "—" })}
                <Show when={f.status === "escalated" && f.escalatedTo}>
                  {" "}
                  · {t("followUp.escalatedTo", { unit: f.escalatedTo })}
                </Show>
                <Show when={issueText(f.issueId)}>
                  {(text) => <> · {t("followUp.fromIssue", { text: text().slice(0, 30) })}</>}
                </Show>
              </p>
              <div class="row wrap">
                <label>
                  {t("field.status")}
                  <select
                    value={f.status}
                    onChange={(e) => {
                      const status = e.currentTarget.value as FollowUpStatus;
                      if (status === "escalated") setEscalating(f.id);
                      else actions.followUps.updateFollowUp(f.id, { status });
                    }}
                  >
                    <For each={FOLLOW_UP_STATUSES}>
                      {(s) => <option value={s}>{t(`followUpStatus.${s}` as MessageKey)}</option>}
                    </For>
                  </select>
                </label>
                <button type="button" onClick={() => setEscalating(f.id)}>
                  {t("followUp.escalate")}
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => handle.remove("followUps", f.id, f.action)}
                >
                  {t("action.delete")}
                </button>
              </div>
              <Show when={escalating() === f.id}>
                <EscalateForm
                  onSubmit={(unit) => {
                    if (actions.followUps.escalateFollowUp(f.id, unit)) setEscalating(null);
                  }}
                  onCancel={() => setEscalating(null)}
                />
              </Show>
              <details class="history">
                <summary>{t("history.heading", { n: f.history.length })}</summary>
                <ul>
                  <For each={f.history}>
                    {(h) => (
                      <li>
                        {formatDateTime(h.at)} {h.by ? `· ${h.by} ` : ""}·{" "}
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
          )}
        </For>
      </ul>
    </div>
  );
}

function EscalateForm(props: { onSubmit: (unit: string) => void; onCancel: () => void }) {
  const [unit, setUnit] = createSignal("");
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(unit());
      }}
    >
      <input
        value={unit()}
        aria-label={t("field.escalatedTo")}
        placeholder={t("followUp.departmentPlaceholder")}
        onInput={(e) => setUnit(e.currentTarget.value)}
      />
      <button type="submit" class="primary">
        {t("followUp.blowWhistle")}
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        {t("action.cancel")}
      </button>
    </form>
  );
}
