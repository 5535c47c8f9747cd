import { createSignal, For } from "solid-js";
import type { CommunityCategory } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { categoryName } from "../matterText.ts";

export interface CommunityCategoriesProps {
  categories: readonly CommunityCategory[];
  /** Each returns undefined when refused (the caller's bound action shows why). */
  onAdd: (label: string) => unknown;
  onRename: (id: string, label: string) => unknown;
  readOnly?: boolean;
}

/** The community's categories of matters: rename (a default one shows its translated name), add. */
export function CommunityCategories(props: CommunityCategoriesProps) {
  const [label, setLabel] = createSignal("");
  return (
    <section class="card" aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t("community.categories", { n: props.categories.length })}</h2>
      <ul class="category-list community-categories">
        <For each={props.categories}>
          {(c) => (
            <li>
              <input
                value={categoryName(c.id, c.label)}
                aria-label={t("category.renameOf", { name: categoryName(c.id, c.label) })}
                disabled={props.readOnly}
                onChange={(e) => {
                  const next = e.currentTarget.value.trim();
                  if (next !== categoryName(c.id, c.label)) props.onRename(c.id, next);
                }}
              />
            </li>
          )}
        </For>
      </ul>
      <form
        class="inline-form"
        aria-label={t("category.new")}
        onSubmit={(e) => {
          e.preventDefault();
          if (props.onAdd(label().trim()) !== undefined) setLabel("");
        }}
      >
        <input
          value={label()}
          aria-label={t("category.new")}
          disabled={props.readOnly}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <button type="submit" disabled={props.readOnly}>
          {t("category.add")}
        </button>
      </form>
    </section>
  );
}
