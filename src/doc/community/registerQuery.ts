// Which matters the register lists: filters (status, owner, department, category, place, urgent-hard,
// overdue, talk point, period, text) and orders, as pure functions over plain matters. The same filter is
// what a figure of the report opens, written into the register's address.
import { isOpenStatus } from "./lifecycle.ts";
import { MATTER_STATUSES, type Matter, type MatterStatus } from "./schema.ts";

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

/** One matter against the filter. */
export function matches(m: Matter, f: RegisterFilter, today: string): boolean {
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
  if (f.sessionIds && !f.sessionIds.includes(m.sessionId)) return false;
  if (f.ids && !f.ids.includes(m.id)) return false;
  if (f.text) {
    const needle = f.text.trim().toLowerCase();
    const fields = [m.text, m.action, m.owner, m.location, m.escalation?.department ?? "", m.raisedBy];
    if (needle && !fields.some((field) => includes(field, needle))) return false;
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

/**
 * The matters the filter lets through, in its order (ties by id, the same on every tablet).
 * @example queryMatters(state.matters, { statuses: ["escalated"], overdue: true, sort: "due" }, "2024-01-26")
 */
export function queryMatters(all: readonly Matter[], f: RegisterFilter, today: string): Matter[] {
  const order = ORDERS[f.sort ?? "raised"];
  return all
    .filter((m) => matches(m, f, today))
    .sort((a, b) => order(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
