import type { JSX } from "solid-js";
import type { MatterEventKind } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { stepName } from "../matterText.ts";

/** Which step a form takes and for which matter, and whether it is shown. */
export interface StepFormFrame {
  kind: MatterEventKind;
  /** Short name of the matter, so every control says what it acts on. */
  matter: string;
  id: string;
  hidden: boolean;
  onCancel: () => void;
}

export interface StepFormProps {
  frame: StepFormFrame;
  /** Takes the step; returns true when it was taken (the form is then cleared and closed). */
  onSubmit: () => boolean;
  children: JSX.Element;
}

/** The frame of one step's form: named for the step and the matter, with confirm and cancel. */
export function StepForm(props: StepFormProps) {
  const names = () => ({ step: stepName(props.frame.kind), matter: props.frame.matter });
  return (
    <form
      id={props.frame.id}
      class={`card form step-form step-${props.frame.kind}`}
      hidden={props.frame.hidden}
      aria-label={t("steps.of", names())}
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h3>{t("steps.of", names())}</h3>
      {props.children}
      <div class="row wrap">
        <button type="submit" class="primary" aria-label={t("steps.confirmOf", names())}>
          {t("steps.confirm")}
        </button>
        <button
          type="button"
          aria-label={t("steps.cancelOf", names())}
          onClick={() => props.frame.onCancel()}
        >
          {t("action.cancel")}
        </button>
      </div>
    </form>
  );
}
