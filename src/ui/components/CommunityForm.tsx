import { createSignal, For } from "solid-js";
import { t } from "../../i18n/i18n.ts";
import { timeZoneChoices, timeZoneName } from "../matterText.ts";

export interface CommunityFormProps {
  /** The form's accessible name ("New community", "Community settings"). */
  label: string;
  name: string;
  timeZone: string;
  submitLabel: string;
  /** Saves (a refused save shows why, and the form keeps what was typed). */
  onSubmit: (values: { name: string; timeZone: string }) => unknown;
  id: string;
}

/** A community's name and time zone (picked from the common ones, or any valid zone typed in). */
export function CommunityForm(props: CommunityFormProps) {
  // eslint-disable-next-line solid/reactivity -- the form starts from the stored values; later edits are the user's
  const [name, setName] = createSignal(props.name);
  // eslint-disable-next-line solid/reactivity -- as above
  const [timeZone, setTimeZone] = createSignal(props.timeZone);
  const listId = () => `${props.id}-zones`;
  return (
    <form
      class="card form community-form"
      aria-label={props.label}
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit({ name: name().trim(), timeZone: timeZone().trim() });
      }}
    >
      <div class="grid-2">
        <label>
          {t("field.community")}
          <input value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t("field.timeZone")}
          <input
            list={listId()}
            value={timeZone()}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => setTimeZone(e.currentTarget.value)}
          />
        </label>
        <datalist id={listId()}>
          <For each={timeZoneChoices(timeZone())}>
            {(zone) => <option value={zone}>{timeZoneName(zone)}</option>}
          </For>
        </datalist>
      </div>
      <button type="submit" class="primary">
        {props.submitLabel}
      </button>
    </form>
  );
}
