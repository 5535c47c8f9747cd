// Every community held on this tablet, opened (the combined register and the report read them all).
import { createResource } from "solid-js";
import type { Communities } from "../reactive/communities.ts";

/**
 * The open handles of every community in the tablet's list, once the list is read; a community added later
 * (paired meanwhile) opens only itself, as the registry keeps the others open.
 * @example const [handles] = createEveryCommunity(communities); handles.latest?.length
 */
export function createEveryCommunity(communities: Communities) {
  const ids = () => (communities.loaded() ? communities.list().map((c) => c.id) : null);
  return createResource(
    () => ids()?.join("\n"),
    () => Promise.all((ids() ?? []).map((id) => communities.open(id))),
  );
}
