// The combined register (every community on this tablet) as one plain array: each community's matters are
// sorted on their own (again only when that community's matters or the order change), the sorted lists are
// merged in the same order, and the filter reads each matter with its own community: its today in its time
// zone, its names of categories and departments. Matters are never put in a store (10,000+ of them).
import { createMemo, createSignal, mapArray, onCleanup, type Accessor } from "solid-js";
import { civilDate } from "../doc/civilTime.ts";
import {
  matches,
  matterContext,
  matterOrder,
  type MatterContext,
  type RegisterFilter,
  type RegisterSort,
} from "../doc/community/registerQuery.ts";
import type { Matter } from "../doc/community/schema.ts";
import type { CommunityHandle } from "../reactive/communityHandle.ts";

/** What the combined register reads of an open community. */
export type RegisterSource = Pick<CommunityHandle, "id" | "state" | "matters">;

/** A matter of the combined register, with the community it is in. */
export interface CombinedMatter {
  matter: Matter;
  communityId: string;
}

/** One community as the combined register reads it. */
export interface CombinedCommunity {
  id: string;
  name: Accessor<string>;
  timeZone: Accessor<string>;
  /** Today's civil date in the community's own zone. */
  today: Accessor<string>;
  context: Accessor<MatterContext>;
  /** Its matters in the register's order. */
  sorted: Accessor<readonly CombinedMatter[]>;
}

/** The combined register's total order: a single register's, then (the same id twice) by community. */
export function combinedOrder(
  sort: RegisterSort = "raised",
): (a: CombinedMatter, b: CombinedMatter) => number {
  const order = matterOrder(sort);
  return (a, b) =>
    order(a.matter, b.matter) || (a.communityId < b.communityId ? -1 : a.communityId > b.communityId ? 1 : 0);
}

function mergeTwo<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Lists each sorted by `cmp`, merged into one sorted list (pairwise, so N matters of k communities cost
 * N·log k comparisons).
 * @example mergeSorted([a.sorted(), b.sorted()], combinedOrder("due"))
 */
export function mergeSorted<T>(lists: readonly (readonly T[])[], cmp: (x: T, y: T) => number): readonly T[] {
  let level = lists.filter((l) => l.length > 0);
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: (readonly T[])[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!, cmp) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** The filter over entries already in the order, each read with its community's today and names. */
export function filterCombined(
  sorted: readonly CombinedMatter[],
  f: RegisterFilter,
  communities: ReadonlyMap<string, { today: string; context: MatterContext }>,
): CombinedMatter[] {
  return sorted.filter((e) => {
    const c = communities.get(e.communityId);
    return c !== undefined && matches(e.matter, f, c.today, c.context);
  });
}

const MINUTE_MS = 60_000;

/** The time now, moving on every minute (each community's today is read from it in its own zone). */
export function createMinuteClock(): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
  onCleanup(() => clearInterval(timer));
  return now;
}

/**
 * Every community's matters in one register: `merged` in the order `filter` asks for, `shown` what it lets
 * through. A change of one community's matters sorts only that community again; a change of the filter
 * alone only filters again. Run inside a reactive owner (a component or createRoot).
 * @example const all = createAllMatters(() => handles, filter); all.shown().length
 */
export function createAllMatters(
  sources: Accessor<readonly RegisterSource[]>,
  filter: Accessor<RegisterFilter>,
  now: Accessor<number> = createMinuteClock(),
) {
  const sort = createMemo(() => filter().sort ?? "raised");
  const communities = createMemo(
    mapArray(sources, (s): CombinedCommunity => {
      const timeZone = () => s.state.meta.timeZone;
      const today = createMemo(() => civilDate(now(), timeZone()));
      const context = createMemo(() => matterContext(s.id, s.state));
      // A matter unchanged since the last change is the same record: keep its entry, so its row stays.
      const entries = new WeakMap<Matter, CombinedMatter>();
      const entryOf = (matter: Matter) => {
        let e = entries.get(matter);
        if (!e) entries.set(matter, (e = { matter, communityId: s.id }));
        return e;
      };
      const sorted = createMemo(() => {
        const order = combinedOrder(sort());
        return s.matters().map(entryOf).sort(order);
      });
      return { id: s.id, name: () => s.state.meta.name, timeZone, today, context, sorted };
    }),
  );
  const merged = createMemo(() =>
    mergeSorted(
      communities().map((c) => c.sorted()),
      combinedOrder(sort()),
    ),
  );
  const byId = createMemo(
    () => new Map(communities().map((c) => [c.id, { today: c.today(), context: c.context() }])),
  );
  const shown = createMemo(() => filterCombined(merged(), filter(), byId()));
  return { communities, merged, shown };
}
