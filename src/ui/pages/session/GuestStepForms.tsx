import { createSignal } from "solid-js";
import { t } from "../../../i18n/i18n.ts";

interface FormProps<T extends unknown[]> {
  /** The follow-up's short name, so each control says what it acts on. */
  action: string;
  onSubmit: (...values: T) => void;
  onCancel: () => void;
}

/**
 * A guest tablet's escalation of a follow-up (吹哨): the department and its response deadline, both required
 * as in the register, which this step reaches when the session does.
 */
export function EscalateForm(props: FormProps<[unit: string, deadline: string]>) {
  const [unit, setUnit] = createSignal("");
  const [deadline, setDeadline] = createSignal("");
  return (
    <form
      class="inline-form"
      aria-label={t("followUp.escalateOf", { action: props.action })}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(unit(), deadline());
      }}
    >
      <input
        value={unit()}
        aria-label={t("field.escalatedTo")}
        placeholder={t("followUp.departmentPlaceholder")}
        onInput={(e) => setUnit(e.currentTarget.value)}
      />
      <label>
        {t("followUp.deadline")}
        <input type="date" value={deadline()} onInput={(e) => setDeadline(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t("followUp.blowWhistle")}
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        {t("action.cancel")}
      </button>
    </form>
  );
}

/** A guest tablet's resolution of a follow-up, with the note of how it was resolved (required). */
export function ResolveForm(props: FormProps<[note: string]>) {
  const [note, setNote] = createSignal("");
  return (
    <form
      class="inline-form"
      aria-label={t("followUp.resolveOf", { action: props.action })}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(note());
      }}
    >
      <label>
        {t("followUp.resolutionNote")}
        <textarea rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t("followUp.markResolved")}
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        {t("action.cancel")}
      </button>
    </form>
  );
}
