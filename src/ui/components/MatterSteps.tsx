import { createSignal, For } from "solid-js";
import { canTake } from "../../doc/community/lifecycle.ts";
import type { DirectoryEntry, Matter } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import type { CommunityActions } from "../../reactive/communityHandle.ts";
import { matterTitle, stepName } from "../matterText.ts";
import { EscalateStep, FeedbackStep, ResolveStep, WithdrawStep } from "./MatterStepForms.tsx";
import { StepForm, type StepFormFrame } from "./StepForm.tsx";
import { createOwnerDraft, OwnerFields } from "./OwnerFields.tsx";

type MatterMutators = Pick<
  CommunityActions["matters"],
  | "startMatter"
  | "assignMatter"
  | "escalateMatter"
  | "acknowledgeMatter"
  | "resolveMatter"
  | "feedbackMatter"
  | "reopenMatter"
  | "withdrawMatter"
  | "reinstateMatter"
  | "markActionDone"
>;
type DirectoryMutators = Pick<CommunityActions["directory"], "addDirectoryEntry">;

/** The bound mutators the step forms call (they return undefined when refused, after showing why). */
export interface MatterStepActions extends MatterMutators, DirectoryMutators {}

export interface MatterStepsProps {
  matter: Matter;
  directory: readonly DirectoryEntry[];
  /** Today's civil date in the community's zone. */
  today: string;
  actions: MatterStepActions;
}

/** The steps a matter's status allows, in the order of its handling. */
export const STEP_KINDS = [
  "start",
  "assign",
  "escalate",
  "acknowledge",
  "resolve",
  "feedback",
  "reopen",
  "withdraw",
  "reinstate",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * The steps this matter's state allows (start, assign, escalate 吹哨, acknowledge 报到, resolve, feedback
 * 反馈, reopen, withdraw, reinstate), each a small form opened by its button. Forms stay in place while closed, so what was typed
 * survives switching between steps and a refused step (whose message the bound action shows).
 */
export function MatterSteps(props: MatterStepsProps) {
  const [open, setOpen] = createSignal<StepKind | null>(null);
  const allowed = () => STEP_KINDS.filter((k) => canTake(props.matter, k));
  const title = () => matterTitle(props.matter);
  const formId = (k: StepKind) => `step-${k}-${props.matter.id}`;
  const frame = (k: StepKind): StepFormFrame => ({
    kind: k,
    matter: title(),
    id: formId(k),
    hidden: open() !== k || !allowed().includes(k),
    onCancel: () => setOpen(null),
  });
  const done = () => setOpen(null);
  const id = () => props.matter.id;

  const start = createOwnerDraft();
  // eslint-disable-next-line solid/reactivity -- the form starts from the current owner; later edits are the user's
  const assign = createOwnerDraft(props.matter);
  const [person, setPerson] = createSignal("");
  // eslint-disable-next-line solid/reactivity -- the day defaults to today once
  const [ackOn, setAckOn] = createSignal(props.today);
  const [commitment, setCommitment] = createSignal("");
  const [reason, setReason] = createSignal("");

  /** Clears a form after its step was taken. */
  const taken = (ok: unknown, clear: () => void) => {
    if (ok === undefined) return false;
    clear();
    done();
    return true;
  };

  return (
    <section class="card matter-steps" aria-labelledby={`steps-${props.matter.id}`}>
      <h2 id={`steps-${props.matter.id}`}>{t("steps.heading")}</h2>
      <div class="row wrap step-choices">
        <For each={allowed()}>
          {(k) => (
            <button
              type="button"
              aria-expanded={open() === k}
              aria-controls={formId(k)}
              aria-label={t("steps.of", { step: stepName(k), matter: title() })}
              onClick={() => setOpen(open() === k ? null : k)}
            >
              {stepName(k)}
            </button>
          )}
        </For>
      </div>

      <StepForm
        frame={frame("start")}
        onSubmit={() => taken(props.actions.startMatter(id(), start.value()), () => start.clear())}
      >
        <div class="grid-2">
          <OwnerFields draft={start} />
        </div>
      </StepForm>

      <StepForm
        frame={frame("assign")}
        onSubmit={() => {
          // Only what was changed here: a field another tablet changed meanwhile is kept.
          const changes = assign.changes();
          if (Object.keys(changes).length === 0) return taken(true, () => {});
          return taken(props.actions.assignMatter(id(), changes), () => assign.rebase());
        }}
      >
        <div class="grid-2">
          <OwnerFields draft={assign} />
        </div>
      </StepForm>

      <EscalateStep
        frame={frame("escalate")}
        matterId={id()}
        directory={props.directory}
        today={props.today}
        actions={props.actions}
        onDone={done}
      />

      <StepForm
        frame={frame("acknowledge")}
        onSubmit={() =>
          taken(
            props.actions.acknowledgeMatter(id(), {
              person: person(),
              commitment: commitment(),
              on: ackOn(),
            }),
            () => (setPerson(""), setCommitment("")),
          )
        }
      >
        <div class="grid-2">
          <label>
            {t("field.person")}
            <input value={person()} onInput={(e) => setPerson(e.currentTarget.value)} />
          </label>
          <label>
            {t("field.on")}
            <input type="date" value={ackOn()} onInput={(e) => setAckOn(e.currentTarget.value)} />
          </label>
        </div>
        <label>
          {t("field.commitment")}
          <textarea rows={2} value={commitment()} onInput={(e) => setCommitment(e.currentTarget.value)} />
        </label>
      </StepForm>

      <ResolveStep
        frame={frame("resolve")}
        matterId={id()}
        today={props.today}
        actions={props.actions}
        onDone={done}
      />

      <FeedbackStep
        frame={frame("feedback")}
        matterId={id()}
        today={props.today}
        actions={props.actions}
        onDone={done}
      />

      <StepForm
        frame={frame("reopen")}
        onSubmit={() => taken(props.actions.reopenMatter(id(), { reason: reason() }), () => setReason(""))}
      >
        <label>
          {t("field.reason")}
          <textarea rows={2} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      </StepForm>

      <WithdrawStep
        frame={frame("withdraw")}
        matterId={id()}
        today={props.today}
        actions={props.actions}
        onDone={done}
      />

      <StepForm
        frame={frame("reinstate")}
        onSubmit={() => taken(props.actions.reinstateMatter(id()), () => {})}
      >
        <p>{t("steps.reinstateHint")}</p>
      </StepForm>
    </section>
  );
}
