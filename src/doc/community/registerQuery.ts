// Which matters the register lists: filters (status, owner, department, category, place, urgent-hard,
// overdue, talk point, period, text) and orders, as pure functions over plain matters. The same filter is
// what a figure of the report opens, written into the register's address.
import { isOpenStatus } from "./lifecycle.ts";
import {
  MATTER_STATUSES,
  type CommunityCategory,
  type DirectoryEntry,
  type Matter,
  type MatterStatus,
} from "./schema.ts";

export type RegisterSort = "raised" | "due" | "age";

export interface RegisterFilter {
  statuses?: MatterStatus[];
  owner?: string;
  departmentId?: string;
  categoryId?: string;
  /** Part of the place (grid, compound). */
  location?: string;
  urgent?: boolean;
  /** Past its due date and not resolved. */
  overdue?: boolean;
  /** Escalated, past the department's response deadline, and not acknowledged. */
  ackOverdue?: boolean;
  talkPointId?: string;
  /** Raised on or after / on or before (civil dates). */
  from?: string;
  to?: string;
  /** Words in what was raised, the action, the owner, the place or the department. */
  text?: string;
  /** Only matters raised in these sessions. */
  sessionIds?: string[];
  /** Only these matters (a figure of the report that names its matters). */
  ids?: string[];
  sort?: RegisterSort;
  /** The combined register (every community) only: matters of this community. */
  communityId?: string;
  /** Category by name (its label, or a default category's id): the same name in every community. */
  category?: string;
  /** Department escalated to, by name (as the community's directory names it now). */
  department?: string;
}

/** What the filters by community and by name read of a matter's community. */
export interface MatterContext {
  communityId: string;
  /** The matter's category by name: the community's current label, or a default category's id. */
  category(m: Matter): string;
  /** The name of the department the matter was escalated to ("" when it was not). */
  department(m: Matter): string;
}

/**
 * A community's names for the filters by name (the report groups departments by the same name).
 * @example matches(m, { department: "电力局" }, today, matterContext(meta.id, state))
 */
export function matterContext(
  communityId: string,
  c: { categories: readonly CommunityCategory[]; directory: readonly DirectoryEntry[] },
): MatterContext {
  const labels = new Map(c.categories.map((cat) => [cat.id, cat.label]));
  const names = new Map(c.directory.map((d) => [d.id, d.name]));
  return {
    communityId,
    category: (m) => labels.get(m.categoryId) || m.category || m.categoryId,
    department: (m) =>
      m.escalation
        ? names.get(m.escalation.departmentId) || m.escalation.department || m.escalation.departmentId
        : "",
  };
}

/** Without a community: names as the matter recorded them. */
const RECORDED: Omit<MatterContext, "communityId"> = {
  category: (m) => m.category || m.categoryId,
  department: (m) => m.escalation?.department ?? "",
};

// A figure of the report may name thousands of matters: look each one up in a set, made once per list.
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
function setOf(list: readonly string[]): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list)));
  return set;
}

/** Past its due date (before `today`, a civil date in the community's zone) and still open. */
export function isMatterOverdue(m: Pick<Matter, "due" | "status">, today: string): boolean {
  return m.due !== "" && m.due < today && isOpenStatus(m.status);
}

/** Escalated and the department's deadline passed without an acknowledgement (报到). */
export function isAckOverdue(m: Pick<Matter, "status" | "escalation">, today: string): boolean {
  return m.status === "escalated" && !!m.escalation?.deadline && m.escalation.deadline < today;
}

const includes = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle);

/**
 * One matter against the filter. `context` is the matter's community: without one (a community's own
 * register) the community filter is not applied and names are those the matter recorded.
 */
export function matches(m: Matter, f: RegisterFilter, today: string, context?: MatterContext): boolean {
  if (f.communityId && context && context.communityId !== f.communityId) return false;
  if (f.statuses && f.statuses.length > 0 && !f.statuses.includes(m.status)) return false;
  if (f.owner && !includes(m.owner, f.owner.toLowerCase())) return false;
  if (f.departmentId && m.escalation?.departmentId !== f.departmentId) return false;
  if (f.categoryId && m.categoryId !== f.categoryId) return false;
  if (f.location && !includes(m.location, f.location.toLowerCase())) return false;
  if (f.urgent !== undefined && m.urgent !== f.urgent) return false;
  if (f.overdue && !isMatterOverdue(m, today)) return false;
  if (f.ackOverdue && !isAckOverdue(m, today)) return false;
  if (f.talkPointId && m.talkPointId !== f.talkPointId) return false;
  if (f.from && m.raisedOn < f.from) return false;
  if (f.to && m.raisedOn > f.to) return false;
  if (f.sessionIds) {
    const wanted = setOf(f.sessionIds);
    if (!wanted.has(m.sessionId) && !m.sessions.some((id) => wanted.has(id))) return false;
  }
  if (f.ids && !setOf(f.ids).has(m.id)) return false;
  if (f.category && (context ?? RECORDED).category(m) !== f.category) return false;
  if (f.department && (context ?? RECORDED).department(m) !== f.department) return false;
  if (f.text) {
    const needle = f.text.trim().toLowerCase();
    const fields = [m.text, m.owner, m.location, m.escalation?.department ?? "", m.raisedBy];
    if (
      needle &&
      !fields.some((field) => includes(field, needle)) &&
      !m.actions.some((a) => includes(a.action, needle))
    )
      return false;
  }
  return true;
}

const ORDERS: Record<RegisterSort, (a: Matter, b: Matter) => number> = {
  // Newest raised first.
  raised: (a, b) => (a.raisedOn < b.raisedOn ? 1 : a.raisedOn > b.raisedOn ? -1 : b.createdAt - a.createdAt),
  // Soonest due first; matters without a due date last.
  due: (a, b) => (a.due === b.due ? 0 : a.due === "" ? 1 : b.due === "" ? -1 : a.due < b.due ? -1 : 1),
  // Oldest first: the ones waiting longest.
  age: (a, b) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : a.createdAt - b.createdAt),
};

/** The register's total order for `sort` (ties by id, the same on every tablet). */
export function matterOrder(sort: RegisterSort = "raised"): (a: Matter, b: Matter) => number {
  const order = ORDERS[sort];
  return (a, b) => order(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The matters the filter lets through, in its order (ties by id, the same on every tablet).
 * @example queryMatters(state.matters, { statuses: ["escalated"], overdue: true, sort: "due" }, "2024-01-26")
 */
export function queryMatters(
  all: readonly Matter[],
  f: RegisterFilter,
  today: string,
  context?: MatterContext,
): Matter[] {
  return all.filter((m) => matches(m, f, today, context)).sort(matterOrder(f.sort));
}

const LIST_KEYS = ["statuses", "sessionIds", "ids"] as const;
const BOOL_KEYS = ["urgent", "overdue", "ackOverdue"] as const;
const TEXT_KEYS = [
  "owner",
  "departmentId",
  "categoryId",
  "location",
  "talkPointId",
  "from",
  "to",
  "text",
  "sort",
  "communityId",
  "category",
  "department",
] as const;

/** The filter as URL search parameters (for the register's address, so a report figure can link to it). */
export function filterToSearch(f: RegisterFilter): string {
  const p = new URLSearchParams();
  for (const key of LIST_KEYS) if (f[key]?.length) p.set(key, f[key]!.join(","));
  for (const key of BOOL_KEYS) if (f[key] !== undefined) p.set(key, String(f[key]));
  for (const key of TEXT_KEYS) if (f[key]) p.set(key, String(f[key]));
  return p.toString();
}

/** The filter read back from search parameters; anything unknown or malformed is left out. */
export function filterFromSearch(search: string): RegisterFilter {
  const p = new URLSearchParams(search);
  const f: RegisterFilter = {};
  const statuses = p
    .get("statuses")
    ?.split(",")
    .filter((s): s is MatterStatus => MATTER_STATUSES.includes(s as MatterStatus));
  if (statuses?.length) f.statuses = statuses;
  for (const key of ["sessionIds", "ids"] as const) {
    const list = p.get(key)?.split(",").filter(Boolean);
    if (list?.length) f[key] = list;
  }
  for (const key of BOOL_KEYS) if (p.has(key)) f[key] = p.get(key) === "true";
  for (const key of TEXT_KEYS) {
    const value = p.get(key);
    if (value) (f as Record<string, string>)[key] = value.slice(0, 200);
  }
  if (f.sort && !(f.sort in ORDERS)) delete f.sort;
  return f;
}
