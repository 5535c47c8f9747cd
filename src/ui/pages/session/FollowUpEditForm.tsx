import { createSignal, Show } from "solid-js";
import type { FollowUp } from "../../../doc/session/schema.ts";
import type { FollowUpPatch } from "../../../doc/session/followUps.ts";
import { t } from "../../../i18n/i18n.ts";
import { shortText } from "../../labels.ts";
import { createOwnerDraft, OwnerFields } from "../../components/OwnerFields.tsx";

/**
 * Changes a follow-up's action, and (kept in the session, on a guest tablet) its owner and due date; on a
 * paired tablet the register's "Assign" step sets owner and due, so `withOwner` is off there.
 */
export function FollowUpEditForm(props: {
  followUp: FollowUp;
  withOwner: boolean;
  onSave: (patch: FollowUpPatch) => boolean;
  onDone: () => void;
}) {
  // eslint-disable-next-line solid/reactivity -- the form edits a copy taken when it opens
  const f = props.followUp;
  const [action, setAction] = createSignal(f.action);
  const draft = createOwnerDraft(f);
  return (
    <form
      class="form follow-up-edit"
      aria-label={t("followUp.editOf", { action: shortText(f.action) })}
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        const patch: FollowUpPatch = props.withOwner
          ? { action: action(), ...draft.value() }
          : { action: action() };
        if (props.onSave(patch)) props.onDone();
      }}
    >
      <label>
        {t("field.action")}
        <textarea rows={2} value={action()} onInput={(e) => setAction(e.currentTarget.value)} />
      </label>
      <Show when={props.withOwner}>
        <div class="grid-2">
          <OwnerFields draft={draft} />
        </div>
      </Show>
      <div class="row">
        <button type="submit" class="primary">
          {t("action.save")}
        </button>
        <button type="button" onClick={() => props.onDone()}>
          {t("action.cancel")}
        </button>
      </div>
    </form>
  );
}
