// The parts every "join" form shares (a session by code, a community by code or through its relay): the
// community role, this tablet's name, the refusal, and the button that runs with a way to cancel.
import { For, Show } from "solid-js";
import { t, type MessageKey } from "../../i18n/i18n.ts";
import type { CommunityRole } from "../../persistence/communities.ts";

/** The roles a tablet can take in a community, in the order they are offered. */
export const COMMUNITY_ROLES: readonly CommunityRole[] = [
  "facilitator",
  "secretary",
  "gridWorker",
  "display",
];

export function CommunityRoleChoice(props: {
  roles: readonly CommunityRole[];
  role: CommunityRole;
  onChange: (role: CommunityRole) => void;
}) {
  return (
    <fieldset>
      <legend>{t("join.role")}</legend>
      <For each={props.roles}>
        {(r) => (
          <label class="choice">
            <input type="radio" name="role" checked={props.role === r} onChange={() => props.onChange(r)} />
            {t(`communityRole.${r}`)}
          </label>
        )}
      </For>
    </fieldset>
  );
}

/** This tablet's name, as the others will list it. */
export function DeviceNameField(props: { value: string; onInput: (name: string) => void }) {
  return (
    <label>
      {t("field.deviceName")}
      <input
        value={props.value}
        placeholder={t("join.namePlaceholder")}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

/** Why the last attempt was refused, announced. */
export function JoinProblem(props: { problem: MessageKey | null }) {
  return (
    <Show when={props.problem}>
      {(key) => (
        <p class="error" role="alert">
          {t(key())}
        </p>
      )}
    </Show>
  );
}

/** The form's submit button, disabled while it runs, with Cancel beside it then. */
export function JoinButtons(props: { label: string; busy: boolean; onCancel: () => void }) {
  return (
    <div class="row">
      <button type="submit" class="primary" disabled={props.busy}>
        {props.label}
      </button>
      <Show when={props.busy}>
        <button type="button" onClick={() => props.onCancel()}>
          {t("action.cancel")}
        </button>
      </Show>
    </div>
  );
}
