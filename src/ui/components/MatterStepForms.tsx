import { createSignal, For, Show } from "solid-js";
import {
  FEEDBACK_HOWS,
  WITHDRAW_REASONS,
  type DirectoryEntry,
  type FeedbackHow,
  type WithdrawReason,
} from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { findDirectoryEntry } from "../matterText.ts";
import type { MatterStepActions } from "./MatterSteps.tsx";
import { StepForm, type StepFormFrame } from "./StepForm.tsx";

interface StepProps {
  frame: StepFormFrame;
  matterId: string;
  today: string;
  actions: MatterStepActions;
  onDone: () => void;
}

/**
 * The grid blows the whistle (吹哨): a department of the directory (typed or picked from the list), the reason
 * and the department's response deadline. A department that is not in the directory is offered for adding.
 */
export function EscalateStep(props: StepProps & { directory: readonly DirectoryEntry[] }) {
  const [department, setDepartment] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [deadline, setDeadline] = createSignal("");
  const [offer, setOffer] = createSignal<string | null>(null);
  const [missing, setMissing] = createSignal(false);
  const listId = () => `departments-${props.matterId}`;
  const active = () => props.directory.filter((d) => !d.retired);

  const escalate = (departmentId: string): boolean => {
    const ok = props.actions.escalateMatter(props.matterId, {
      departmentId,
      reason: reason(),
      deadline: deadline(),
    });
    if (ok === undefined) return false;
    setDepartment("");
    setReason("");
    setDeadline("");
    props.onDone();
    return true;
  };
  const submit = (): boolean => {
    const name = department().trim();
    setMissing(name === "");
    if (name === "") return false;
    const entry = findDirectoryEntry(props.directory, name);
    if (!entry) {
      setOffer(name);
      return false;
    }
    return escalate(entry.id);
  };
  const addAndEscalate = (name: string) => {
    const id = props.actions.addDirectoryEntry({ name, kind: "department" });
    setOffer(null);
    if (id !== undefined) escalate(id);
  };

  return (
    <StepForm frame={props.frame} onSubmit={submit}>
      <label>
        {t("field.department")}
        <input
          list={listId()}
          value={department()}
          placeholder={t("followUp.departmentPlaceholder")}
          onInput={(e) => {
            setDepartment(e.currentTarget.value);
            setOffer(null);
            setMissing(false);
          }}
        />
      </label>
      <datalist id={listId()}>
        <For each={active()}>{(d) => <option value={d.name} />}</For>
      </datalist>
      <Show when={missing()}>
        <p class="error" role="alert">
          {t("steps.chooseDepartment")}
        </p>
      </Show>
      <Show when={offer()}>
        {(name) => (
          <div class="offer" role="alert">
            <p>{t("steps.notInDirectory", { name: name() })}</p>
            <button type="button" class="primary" onClick={() => addAndEscalate(name())}>
              {t("steps.addDepartment", { name: name() })}
            </button>
          </div>
        )}
      </Show>
      <label>
        {t("field.reason")}
        <textarea rows={2} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <label>
        {t("field.deadline")}
        <input
          type="date"
          min={props.today}
          value={deadline()}
          onInput={(e) => setDeadline(e.currentTarget.value)}
        />
      </label>
    </StepForm>
  );
}

/** Feedback (反馈) to the person who raised it: how, on which day, satisfied or not, and a note. */
export function FeedbackStep(props: StepProps) {
  const [how, setHow] = createSignal<FeedbackHow>("inPerson");
  // eslint-disable-next-line solid/reactivity -- the day defaults to today once; later edits are the user's
  const [on, setOn] = createSignal(props.today);
  const [satisfied, setSatisfied] = createSignal(true);
  const [note, setNote] = createSignal("");
  const group = () => `feedback-${props.matterId}`;

  const submit = (): boolean => {
    const ok = props.actions.feedbackMatter(props.matterId, {
      how: how(),
      on: on(),
      satisfied: satisfied(),
      note: note(),
    });
    if (ok === undefined) return false;
    setNote("");
    props.onDone();
    return true;
  };

  return (
    <StepForm frame={props.frame} onSubmit={submit}>
      <fieldset>
        <legend>{t("field.how")}</legend>
        <For each={FEEDBACK_HOWS}>
          {(h) => (
            <label class="choice">
              <input type="radio" name={`${group()}-how`} checked={how() === h} onChange={() => setHow(h)} />
              {t(`feedbackHow.${h}`)}
            </label>
          )}
        </For>
      </fieldset>
      <label>
        {t("field.on")}
        <input type="date" value={on()} onInput={(e) => setOn(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t("field.satisfied")}</legend>
        <label class="choice">
          <input
            type="radio"
            name={`${group()}-satisfied`}
            checked={satisfied()}
            onChange={() => setSatisfied(true)}
          />
          {t("matter.satisfied")}
        </label>
        <label class="choice">
          <input
            type="radio"
            name={`${group()}-satisfied`}
            checked={!satisfied()}
            onChange={() => setSatisfied(false)}
          />
          {t("matter.notSatisfied")}
        </label>
      </fieldset>
      <label>
        {t("field.note")}
        <textarea rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}

/** Resolved: how (required), on which day (today unless changed: a late entry keeps its real day). */
export function ResolveStep(props: StepProps) {
  const [note, setNote] = createSignal("");
  // eslint-disable-next-line solid/reactivity -- the day defaults to today once; later edits are the user's
  const [on, setOn] = createSignal(props.today);
  const submit = (): boolean => {
    if (props.actions.resolveMatter(props.matterId, { note: note(), on: on() }) === undefined) return false;
    setNote("");
    props.onDone();
    return true;
  };
  return (
    <StepForm frame={props.frame} onSubmit={submit}>
      <label>
        {t("field.resolution")}
        <textarea rows={3} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        {t("field.resolvedOn")}
        <input type="date" max={props.today} value={on()} onInput={(e) => setOn(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}

/** Withdrawn: entered in error, a duplicate, or withdrawn by the resident, with a note (kept, not counted). */
export function WithdrawStep(props: StepProps) {
  const [why, setWhy] = createSignal<WithdrawReason>("error");
  const [note, setNote] = createSignal("");
  const submit = (): boolean => {
    if (props.actions.withdrawMatter(props.matterId, { why: why(), note: note() }) === undefined)
      return false;
    setNote("");
    props.onDone();
    return true;
  };
  return (
    <StepForm frame={props.frame} onSubmit={submit}>
      <fieldset>
        <legend>{t("field.withdrawReason")}</legend>
        <For each={WITHDRAW_REASONS}>
          {(w) => (
            <label class="choice">
              <input
                type="radio"
                name={`withdraw-${props.matterId}`}
                checked={why() === w}
                onChange={() => setWhy(w)}
              />
              {t(`withdrawReason.${w}`)}
            </label>
          )}
        </For>
      </fieldset>
      <label>
        {t("field.note")}
        <textarea rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}
