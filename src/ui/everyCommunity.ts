// Every community held on this tablet, opened (the combined register and the report read them all), and the
// stored first screens of their registers while they open.
import type { Communities } from "../reactive/communities.ts";
import type { CommunityHandle } from "../reactive/communityHandle.ts";
import type { CommunityHead } from "../reactive/communityView.ts";
import { createLatest, type Latest } from "./latest.ts";

/** The ids of the tablet's communities once its list is read (null before), as one comparable value. */
const idsOf = (communities: Communities) => () =>
  communities.loaded()
    ? communities
        .list()
        .map((c) => c.id)
        .join("\n")
    : null;
const split = (ids: string) => (ids === "" ? [] : ids.split("\n"));

/** `load` of every community in the tablet's list, again whenever the list changes (never before it is read). */
function forEvery<T>(
  communities: Communities,
  load: (id: string) => Promise<T>,
  options?: { keep?: boolean },
): Latest<T[]> {
  return createLatest(
    idsOf(communities),
    (ids) => (ids === null ? new Promise<never>(() => {}) : Promise.all(split(ids).map(load))),
    options,
  );
}

/**
 * The open handles of every community in the tablet's list, once the list is read; a community added later
 * (paired meanwhile) opens only itself, as the registry keeps the others open, and the list shown stays
 * until it has. Awaited without Suspense, so a page can show the registers' heads meanwhile.
 * @example const every = createEveryCommunity(communities); every.value()?.length
 */
export function createEveryCommunity(communities: Communities): Latest<CommunityHandle[]> {
  return forEvery(communities, (id) => communities.open(id), { keep: true });
}

/** The stored heads of every community's register while they open (null for one without, or open already). */
export function createEveryHead(communities: Communities): Latest<(CommunityHead | null)[]> {
  return forEvery(communities, (id) => communities.head(id));
}
