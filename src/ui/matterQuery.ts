// The register's query as a memo that stays fast with 10,000 matters: the matters are a plain array (never
// store proxies), sorted once per change, and a change of the filter alone only filters them again.
import { createMemo, createSignal, onCleanup, type Accessor } from "solid-js";
import { civilDate } from "../doc/civilTime.ts";
import {
  isMatterOverdue,
  isAckOverdue,
  matches,
  queryMatters,
  type RegisterFilter,
} from "../doc/community/registerQuery.ts";
import { isOpenStatus } from "../doc/community/lifecycle.ts";
import type { Matter } from "../doc/community/schema.ts";

/**
 * The matters `filter` lets through on `today`, in its order (a changed matter is a new record, so its row
 * shows the change).
 * @example const shown = createMatterQuery(handle.matters, filter, today); shown().length
 */
export function createMatterQuery(
  matters: Accessor<readonly Matter[]>,
  filter: Accessor<RegisterFilter>,
  today: Accessor<string>,
): Accessor<Matter[]> {
  // Sorting 10,000 matters costs more than filtering them: sort once per change of the matters or of the
  // order, then each filter keeps the matters it lets through in that order (the order is total, ties by id,
  // so this is exactly queryMatters' answer). The matters are plain records: nothing here reads a store.
  const sort = createMemo(() => filter().sort ?? "raised");
  const sorted = createMemo(() => queryMatters(matters(), { sort: sort() }, ""));
  return createMemo(() => {
    const f = filter();
    const day = today();
    return sorted().filter((m) => matches(m, f, day));
  });
}

/** The register's headline counts (open, overdue, escalated past the department's deadline), kept current. */
export function createRegisterCounts(matters: Accessor<readonly Matter[]>, today: Accessor<string>) {
  return createMemo(() => registerCounts(matters(), today()));
}

/** The register's headline counts over plain matters. */
export function registerCounts(matters: readonly Matter[], today: string) {
  let open = 0;
  let overdue = 0;
  let ackOverdue = 0;
  for (const m of matters) {
    if (isOpenStatus(m.status)) open++;
    if (isMatterOverdue(m, today)) overdue++;
    if (isAckOverdue(m, today)) ackOverdue++;
  }
  return { open, overdue, ackOverdue };
}

const MINUTE_MS = 60_000;

/** Today's civil date in the zone `timeZone()` names, moving on at midnight there (checked every minute). */
export function createToday(timeZone: Accessor<string>): Accessor<string> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
  onCleanup(() => clearInterval(timer));
  return createMemo(() => civilDate(now(), timeZone()));
}
