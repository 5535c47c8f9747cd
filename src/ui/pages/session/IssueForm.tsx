import { createSignal, For } from "solid-js";
import type { Issue } from "../../../doc/session/schema.ts";
import type { IssueInput } from "../../../doc/session/issues.ts";
import { t } from "../../../i18n/i18n.ts";
import { categoryLabel } from "../../labels.ts";
import { useSession } from "./sessionContext.ts";

/** Raise a new issue or edit one. The typed text stays in the form until the save succeeds. */
export function IssueForm(props: { issue?: Issue; onDone: () => void }) {
  const { state, actions } = useSession().handle;
  // eslint-disable-next-line solid/reactivity -- the form edits a copy taken when it opens
  const i = props.issue;
  const [text, setText] = createSignal(i?.text ?? "");
  const [raisedBy, setRaisedBy] = createSignal(i?.raisedBy ?? "");
  const [anonymous, setAnonymous] = createSignal(i?.anonymous ?? false);
  const [contact, setContact] = createSignal(i?.contact ?? "");
  const [location, setLocation] = createSignal(i?.location ?? "");
  const [categoryId, setCategoryId] = createSignal(i?.categoryId ?? "other");
  const [urgent, setUrgent] = createSignal(i?.urgent ?? false);
  const [agendaId, setAgendaId] = createSignal<string>(
    i ? (i.agendaId ?? "") : (state.meta.currentAgendaId ?? ""),
  );

  const submit = (e: Event) => {
    e.preventDefault();
    const input: IssueInput = {
      text: text(),
      raisedBy: raisedBy(),
      anonymous: anonymous(),
      contact: contact(),
      location: location(),
      categoryId: categoryId(),
      urgent: urgent(),
      agendaId: agendaId() || null,
    };
    const ok = i ? actions.issues.updateIssue(i.id, input) : actions.issues.addIssue(input);
    if (ok !== undefined) props.onDone();
  };

  return (
    <form class="card form" aria-label={i ? t("issue.edit") : t("issue.raise")} onSubmit={submit} novalidate>
      <label>
        {t("field.issueText")}
        <textarea rows={3} value={text()} required onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="grid-2">
        <label>
          {t("field.raisedBy")}
          <input
            value={raisedBy()}
            disabled={anonymous()}
            onInput={(e) => setRaisedBy(e.currentTarget.value)}
          />
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={anonymous()}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          {t("field.anonymous")}
        </label>
        <label>
          {t("field.contact")}
          <input value={contact()} onInput={(e) => setContact(e.currentTarget.value)} />
        </label>
        <label>
          {t("field.issueLocation")}
          <input value={location()} onInput={(e) => setLocation(e.currentTarget.value)} />
        </label>
        <label>
          {t("field.category")}
          <select value={categoryId()} onChange={(e) => setCategoryId(e.currentTarget.value)}>
            <For each={state.categories}>{(c) => <option value={c.id}>{categoryLabel(c)}</option>}</For>
          </select>
        </label>
        <label>
          {t("field.agendaItem")}
          <select value={agendaId()} onChange={(e) => setAgendaId(e.currentTarget.value)}>
            <option value="">{t("issue.noAgendaItem")}</option>
            <For each={state.agenda}>{(a) => <option value={a.id}>{a.title}</option>}</For>
          </select>
        </label>
      </div>
      <label class="choice urgent-toggle">
        <input type="checkbox" checked={urgent()} onChange={(e) => setUrgent(e.currentTarget.checked)} />
        {t("field.urgent")}
      </label>
      <div class="row">
        <button type="submit" class="primary">
          {i ? t("action.save") : t("issue.record")}
        </button>
        <button type="button" onClick={() => props.onDone()}>
          {t("action.cancel")}
        </button>
      </div>
    </form>
  );
}
