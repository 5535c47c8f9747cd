import { createSignal, For, Show } from "solid-js";
import type { RegisterFilter, RegisterSort } from "../../doc/community/registerQuery.ts";
import {
  MATTER_STATUSES,
  type CommunityCategory,
  type CommunityTalkPoint,
  type DirectoryEntry,
  type MatterStatus,
} from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { categoryName, statusName } from "../matterText.ts";
import { createFoldingScreen, FilterSummary, FilterSummaryBar, summaryOf } from "./FilterSummary.tsx";

export interface RegisterFiltersProps {
  filter: RegisterFilter;
  /** Called with the fields that changed; an undefined field is cleared. */
  onChange: (patch: Partial<RegisterFilter>) => void;
  onClear: () => void;
  directory: readonly DirectoryEntry[];
  categories: readonly CommunityCategory[];
  talkPoints: readonly CommunityTalkPoint[];
  /**
   * The combined register (every community): a community to choose, and categories and departments chosen
   * by name (`category`, `department`), since each community has its own ids for them.
   */
  combined?: CombinedChoices;
}

export interface CombinedChoices {
  communities: readonly { id: string; name: string }[];
  /** `key`: the category's name as the filter holds it; `name`: as shown. */
  categories: readonly { key: string; name: string }[];
  departments: readonly string[];
}

const SORTS: readonly RegisterSort[] = ["raised", "due", "age"];

/**
 * The register's filters and order (every control named for what it filters). On a tablet (FOLD_QUERIES) they
 * start folded into a line naming the filters in force; tapped, they unfold, and "Done" folds them again.
 */
export function RegisterFilters(props: RegisterFiltersProps) {
  const narrow = createFoldingScreen();
  const [open, setOpen] = createSignal(false);
  const summary = () => summaryOf(props);
  let form: HTMLFormElement | undefined;
  let summaryButton: HTMLButtonElement | undefined;
  const unfold = () => {
    setOpen(true);
    form?.querySelector("input")?.focus();
  };
  const fold = () => {
    setOpen(false);
    summaryButton?.focus();
  };

  const statuses = () => props.filter.statuses ?? [];
  const toggleStatus = (s: MatterStatus, on: boolean) => {
    const next = MATTER_STATUSES.filter((x) => (x === s ? on : statuses().includes(x)));
    props.onChange({ statuses: next.length > 0 ? next : undefined });
  };
  const text = (value: string) => (value === "" ? undefined : value);
  const flag = (on: boolean) => (on ? true : undefined);

  return (
    <Show
      when={!narrow() || open()}
      fallback={<FilterSummary summary={summary()} onOpen={unfold} ref={(el) => (summaryButton = el)} />}
    >
      <form
        ref={form}
        class="card register-filters"
        role="search"
        aria-label={t("register.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <Show when={narrow()}>
          <FilterSummaryBar summary={summary()} onDone={fold} />
        </Show>
        <fieldset class="status-filter">
          <legend>{t("register.status")}</legend>
          <For each={MATTER_STATUSES}>
            {(s) => (
              <label class="choice">
                <input
                  type="checkbox"
                  checked={statuses().includes(s)}
                  onChange={(e) => toggleStatus(s, e.currentTarget.checked)}
                />
                {statusName(s)}
              </label>
            )}
          </For>
        </fieldset>
        <div class="grid-3">
          <label>
            {t("register.search")}
            <input
              type="search"
              value={props.filter.text ?? ""}
              onInput={(e) => props.onChange({ text: text(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t("field.owner")}
            <input
              value={props.filter.owner ?? ""}
              onInput={(e) => props.onChange({ owner: text(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t("field.issueLocation")}
            <input
              value={props.filter.location ?? ""}
              onInput={(e) => props.onChange({ location: text(e.currentTarget.value) })}
            />
          </label>
          <Show
            when={props.combined}
            fallback={
              <>
                <label>
                  {t("field.department")}
                  <select
                    value={props.filter.departmentId ?? ""}
                    onChange={(e) => props.onChange({ departmentId: text(e.currentTarget.value) })}
                  >
                    <option value="">{t("register.any")}</option>
                    <For each={props.directory}>
                      {(d) => (
                        <option value={d.id}>
                          {d.retired ? t("directory.retiredName", { name: d.name }) : d.name}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
                <label>
                  {t("field.category")}
                  <select
                    value={props.filter.categoryId ?? ""}
                    onChange={(e) => props.onChange({ categoryId: text(e.currentTarget.value) })}
                  >
                    <option value="">{t("register.any")}</option>
                    <For each={props.categories}>
                      {(c) => <option value={c.id}>{categoryName(c.id, c.label)}</option>}
                    </For>
                  </select>
                </label>
              </>
            }
          >
            {(combined) => (
              <>
                <label>
                  {t("field.community")}
                  <select
                    value={props.filter.communityId ?? ""}
                    onChange={(e) => props.onChange({ communityId: text(e.currentTarget.value) })}
                  >
                    <option value="">{t("register.any")}</option>
                    <For each={combined().communities}>{(c) => <option value={c.id}>{c.name}</option>}</For>
                  </select>
                </label>
                <label>
                  {t("field.department")}
                  <select
                    value={props.filter.department ?? ""}
                    onChange={(e) => props.onChange({ department: text(e.currentTarget.value) })}
                  >
                    <option value="">{t("register.any")}</option>
                    <For each={combined().departments}>{(name) => <option value={name}>{name}</option>}</For>
                  </select>
                </label>
                <label>
                  {t("field.category")}
                  <select
                    value={props.filter.category ?? ""}
                    onChange={(e) => props.onChange({ category: text(e.currentTarget.value) })}
                  >
                    <option value="">{t("register.any")}</option>
                    <For each={combined().categories}>{(c) => <option value={c.key}>{c.name}</option>}</For>
                  </select>
                </label>
              </>
            )}
          </Show>
          <label>
            {t("register.talkPoint")}
            <select
              value={props.filter.talkPointId ?? ""}
              onChange={(e) => props.onChange({ talkPointId: text(e.currentTarget.value) })}
            >
              <option value="">{t("register.any")}</option>
              <For each={props.talkPoints}>{(tp) => <option value={tp.id}>{tp.name}</option>}</For>
            </select>
          </label>
          <label>
            {t("register.from")}
            <input
              type="date"
              value={props.filter.from ?? ""}
              onInput={(e) => props.onChange({ from: text(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t("register.to")}
            <input
              type="date"
              value={props.filter.to ?? ""}
              onInput={(e) => props.onChange({ to: text(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t("register.sort")}
            <select
              value={props.filter.sort ?? "raised"}
              onChange={(e) => props.onChange({ sort: e.currentTarget.value as RegisterSort })}
            >
              <For each={SORTS}>{(s) => <option value={s}>{t(`register.sort.${s}`)}</option>}</For>
            </select>
          </label>
        </div>
        <div class="row wrap">
          <label class="choice">
            <input
              type="checkbox"
              checked={props.filter.urgent === true}
              onChange={(e) => props.onChange({ urgent: flag(e.currentTarget.checked) })}
            />
            {t("field.urgent")}
          </label>
          <label class="choice">
            <input
              type="checkbox"
              checked={props.filter.overdue === true}
              onChange={(e) => props.onChange({ overdue: flag(e.currentTarget.checked) })}
            />
            {t("register.overdue")}
          </label>
          <label class="choice">
            <input
              type="checkbox"
              checked={props.filter.ackOverdue === true}
              onChange={(e) => props.onChange({ ackOverdue: flag(e.currentTarget.checked) })}
            />
            {t("register.ackOverdue")}
          </label>
          <button type="button" onClick={() => props.onClear()}>
            {t("register.clear")}
          </button>
        </div>
      </form>
    </Show>
  );
}
