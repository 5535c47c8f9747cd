// What the register, matter and community pages write about a matter: names from the dictionary where the
// record keeps none (default categories, statuses, steps), a raiser masked when anonymous, short titles, and
// the lookups the forms need (a department by name, the time zones offered).
import type {
  CommunityCategory,
  DirectoryEntry,
  Matter,
  MatterEventKind,
  MatterStatus,
} from "../doc/community/schema.ts";
import { isCalendarDate, isValidTimeZone } from "../doc/civilTime.ts";
import { formatDateTime, MASTER, t, type MessageKey } from "../i18n/i18n.ts";

/** The zones offered first (Beijing time, and Xinjiang time that some residents keep). */
export const COMMON_TIME_ZONES = ["Asia/Shanghai", "Asia/Urumqi"] as const;

const hasKey = (key: string): key is MessageKey => key in MASTER;

/** A category's name: its own label, or the translated name of a default category. */
export function categoryName(id: string, label = ""): string {
  if (label) return label;
  const key = `category.${id}`;
  return hasKey(key) ? t(key) : id;
}

/** A matter's category as the register shows it (the community's current label first). */
export function matterCategory(
  m: Pick<Matter, "categoryId" | "category">,
  categories: readonly CommunityCategory[],
): string {
  const current = categories.find((c) => c.id === m.categoryId);
  return categoryName(m.categoryId, current?.label || m.category);
}

export const statusName = (s: MatterStatus): string => t(`matterStatus.${s}` as MessageKey);
export const stepName = (k: MatterEventKind): string => t(`matterStep.${k}` as MessageKey);

/** `text` cut to `max` characters (by code point, so a character is never split), with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/** What the matter is about: what was raised, or else what is to be done. */
export const matterText = (m: Pick<Matter, "text" | "actions">): string =>
  m.text.trim() || m.actions.find((a) => a.action.trim())?.action.trim() || "";

/** A short name for a matter (in labels: "Resolve 鸿雁小区电表老化需更换"). */
export function matterTitle(m: Pick<Matter, "text" | "actions">, max = 40): string {
  const text = matterText(m);
  return text ? truncate(text, max) : t("matter.untitled");
}

/** Why a matter is withdrawn, in words ("Same as an earlier matter: …"). */
export function withdrawalText(
  w: NonNullable<Matter["withdrawal"]>,
  titleOf: (id: string) => string,
): string {
  if (w.why === "sameAs") return t("withdrawReason.sameAs", { matter: titleOf(w.of) });
  return t(`withdrawReason.${w.why}` as MessageKey);
}

/** Who raised it: never a name when it was raised anonymously. */
export function raiserName(m: Pick<Matter, "anonymous" | "raisedBy">): string {
  return m.anonymous ? t("matter.anonymous") : m.raisedBy || "—";
}

/** The non-retired directory entry named `name` (spaces around it ignored), if any. */
export function findDirectoryEntry(
  directory: readonly DirectoryEntry[],
  name: string,
): DirectoryEntry | undefined {
  const wanted = name.trim();
  return wanted ? directory.find((d) => !d.retired && d.name === wanted) : undefined;
}

const ZONE_NAMES: Record<string, MessageKey> = {
  "Asia/Shanghai": "timeZone.shanghai",
  "Asia/Urumqi": "timeZone.urumqi",
};

/** A zone as people know it ("北京时间 (Asia/Shanghai)"), or its IANA name. */
export function timeZoneName(zone: string): string {
  const key = ZONE_NAMES[zone];
  return key ? t(key, { zone }) : zone;
}

/** The zones the community form offers: the common ones, then the current one if it is another. */
export function timeZoneChoices(current: string): string[] {
  const list: string[] = [...COMMON_TIME_ZONES];
  if (current && !list.includes(current) && isValidTimeZone(current)) list.push(current);
  return list;
}

/**
 * A civil date ("YYYY-MM-DD", already in the community's zone) in the UI language; "—" when there is none.
 * Formatted at noon UTC in UTC, so no zone can move it to another day.
 */
export function civilDateText(date: string): string {
  if (!date) return "—";
  if (!isCalendarDate(date)) return date;
  return formatDateTime(`${date}T12:00:00Z`, { dateStyle: "medium", timeZone: "UTC" });
}
