import { createSignal, For } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { categoryLabel } from "../../labels.ts";
import { useSession } from "./sessionContext.ts";

/** The session's editable list of issue categories: rename any, add new ones. */
export function CategoryEditor() {
  const { state, actions } = useSession().handle;
  const [label, setLabel] = createSignal("");
  return (
    <details class="card categories">
      <summary>{t("category.manage", { n: state.categories.length })}</summary>
      <ul class="category-list">
        <For each={state.categories}>
          {(c) => (
            <li>
              <input
                aria-label={t("category.renameOf", { name: categoryLabel(c) })}
                value={categoryLabel(c)}
                onChange={(e) => {
                  if (actions.session.renameCategory(c.id, e.currentTarget.value) === undefined) {
                    e.currentTarget.value = categoryLabel(c);
                  }
                }}
              />
            </li>
          )}
        </For>
      </ul>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (actions.session.addCategory(label())) setLabel("");
        }}
      >
        <input
          value={label()}
          aria-label={t("category.new")}
          placeholder={t("category.new")}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <button type="submit">{t("action.add")}</button>
      </form>
    </details>
  );
}
