// The register's filters in one line, as the folded filters show them ("Open · overdue · 电力局"): every
// filter in force, in the UI language, or "All matters" when none is.
import type { RegisterFilter } from "../doc/community/registerQuery.ts";
import { dirOf, lang, t } from "../i18n/i18n.ts";
import { civilDateText, statusName } from "./matterText.ts";

/** How the summary names what the filter holds by id (each returns the id itself when it knows no name). */
export interface SummaryNames {
  department(id: string): string;
  category(id: string): string;
  talkPoint(id: string): string;
  community(id: string): string;
  /** A category chosen by name (the combined register): its key as the filter holds it, shown. */
  categoryByName(key: string): string;
}

/** Names the ids themselves: for callers with no names at hand. */
export const IDS_AS_NAMES: SummaryNames = {
  department: (id) => id,
  category: (id) => id,
  talkPoint: (id) => id,
  community: (id) => id,
  categoryByName: (key) => key,
};

/**
 * The filters in force, one phrase each: what the matters are (community, statuses, urgent, overdue), who
 * and what they concern (department, category, talk point, words, owner, place), when they were raised,
 * the matters a report figure links to, then a non-default order.
 * @example filterSummaryParts({ statuses: ["open"], overdue: true, department: "电力局" }, IDS_AS_NAMES)
 * // ["Open", "overdue", "电力局"] (in English)
 */
export function filterSummaryParts(f: RegisterFilter, names: SummaryNames): string[] {
  const parts: string[] = [];
  const add = (value: string | undefined) => {
    if (value) parts.push(value);
  };
  if (f.communityId) add(names.community(f.communityId));
  if (f.statuses?.length) add(f.statuses.map(statusName).join(t("list.separator")));
  if (f.urgent !== undefined) add(f.urgent ? t("filters.urgent") : t("filters.notUrgent"));
  if (f.overdue) add(t("filters.overdue"));
  if (f.ackOverdue) add(t("filters.ackOverdue"));
  if (f.departmentId) add(names.department(f.departmentId));
  if (f.department) add(f.department);
  if (f.categoryId) add(names.category(f.categoryId));
  if (f.category) add(names.categoryByName(f.category));
  if (f.talkPointId) add(names.talkPoint(f.talkPointId));
  if (f.text?.trim()) add(t("filters.text", { text: f.text.trim() }));
  if (f.owner) add(t("filters.owner", { owner: f.owner }));
  if (f.location) add(t("filters.location", { location: f.location }));
  if (f.from && f.to) add(t("filters.between", { from: civilDateText(f.from), to: civilDateText(f.to) }));
  else if (f.from) add(t("filters.from", { date: civilDateText(f.from) }));
  else if (f.to) add(t("filters.to", { date: civilDateText(f.to) }));
  if (f.sessionIds?.length) add(t("filters.sessions", { n: f.sessionIds.length }));
  if (f.ids?.length) add(t("filters.ids", { n: f.ids.length }));
  if (f.sort && f.sort !== "raised") add(t(`register.sort.${f.sort}`));
  return parts;
}

/**
 * The summary line: the filters in force joined by " · " (each phrase isolated in a right-to-left language),
 * or "All matters".
 * @example filterSummary({ statuses: ["open"], overdue: true }, IDS_AS_NAMES) // "Open · overdue"
 */
export function filterSummary(f: RegisterFilter, names: SummaryNames = IDS_AS_NAMES): string {
  const parts = filterSummaryParts(f, names);
  if (parts.length === 0) return t("filters.all");
  // Right to left, each phrase is isolated: two Chinese names side by side would otherwise read left to right.
  const isolated = dirOf(lang()) === "rtl" ? parts.map((p) => `\u2068${p}\u2069`) : parts;
  return isolated.join(t("filters.separator"));
}
