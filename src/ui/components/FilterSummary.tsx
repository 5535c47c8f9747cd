// The register's filters folded into one line on a tablet (up to 1400 px wide, or portrait: FOLD_QUERIES): the
// filters in force as a button that unfolds them, and above the unfolded filters the same line with "Done".
import { createSignal, onCleanup, type Accessor } from "solid-js";
import type { RegisterFilter } from "../../doc/community/registerQuery.ts";
import type { CommunityCategory, CommunityTalkPoint, DirectoryEntry } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { filterSummary, type SummaryNames } from "../filterSummary.ts";
import { categoryName } from "../matterText.ts";
import type { CombinedChoices } from "./RegisterFilters.tsx";
import "../filterSummary.css";

/** Screens on which the filters start folded: up to 1400 CSS px wide, or taller than wide (either query). */
export const FOLD_QUERIES = ["(max-width: 1400px)", "(orientation: portrait)"] as const;

/** Whether the screen is one the filters fold on, following resizes and rotations (false without matchMedia). */
export function createFoldingScreen(): Accessor<boolean> {
  if (typeof matchMedia !== "function") return () => false;
  // One list per query: some engines (happy-dom) misread a comma-separated list.
  const queries = FOLD_QUERIES.map((q) => matchMedia(q));
  const read = () => queries.some((q) => q.matches);
  const [narrow, setNarrow] = createSignal(read());
  const onChange = () => setNarrow(read());
  for (const q of queries) q.addEventListener("change", onChange);
  onCleanup(() => queries.forEach((q) => q.removeEventListener("change", onChange)));
  return narrow;
}

/** What the summary needs of the filters' props to name what the filter holds by id. */
export interface SummarySource {
  filter: RegisterFilter;
  directory: readonly DirectoryEntry[];
  categories: readonly CommunityCategory[];
  talkPoints: readonly CommunityTalkPoint[];
  combined?: CombinedChoices;
}

/** The summary line of `source`'s filter, with names from its directory, categories and talk points. */
export function summaryOf(source: SummarySource): string {
  const names: SummaryNames = {
    department: (id) => source.directory.find((d) => d.id === id)?.name || id,
    category: (id) => categoryName(id, source.categories.find((c) => c.id === id)?.label),
    talkPoint: (id) => source.talkPoints.find((tp) => tp.id === id)?.name || id,
    community: (id) => source.combined?.communities.find((c) => c.id === id)?.name || id,
    categoryByName: (key) =>
      source.combined?.categories.find((c) => c.key === key)?.name || categoryName(key),
  };
  return filterSummary(source.filter, names);
}

/** The folded filters: one button naming the filters in force, which unfolds them. */
export function FilterSummary(props: {
  summary: string;
  onOpen: () => void;
  ref?: (el: HTMLButtonElement) => void;
}) {
  return (
    <button
      type="button"
      class="filter-summary"
      ref={(el) => props.ref?.(el)}
      aria-expanded="false"
      aria-label={t("filters.changeLabel", { summary: props.summary })}
      onClick={() => props.onOpen()}
    >
      <span class="filter-summary-label">{t("filters.label")}</span>
      <span class="filter-summary-text">{props.summary}</span>
      <span class="filter-summary-change">{t("filters.change")}</span>
    </button>
  );
}

/** The line above the unfolded filters on a tablet: the filters in force, and "Done" to fold them. */
export function FilterSummaryBar(props: { summary: string; onDone: () => void }) {
  return (
    <div class="filter-summary-bar">
      <span class="filter-summary-label">{t("filters.label")}</span>
      <span class="filter-summary-text">{props.summary}</span>
      <button
        type="button"
        class="primary"
        aria-expanded="true"
        aria-label={t("filters.doneLabel")}
        onClick={() => props.onDone()}
      >
        {t("filters.done")}
      </button>
    </div>
  );
}
