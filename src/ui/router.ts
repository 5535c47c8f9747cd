// Hash routes: #/ (home), #/talk-point/new, #/talk-point/<id>, #/session/<id>, #/join/<code>, #/minutes/<id>,
// #/community/new, #/community/<id>, #/register/<id>?<filter> (#/register/all: every community), #/matter/<communityId>/<matterId>, #/pair/<code>,
// #/report?<scope and period> (see reportAddress.ts), #/relay/<communityId>?<relay link> (relayLink.ts). Hash routing
// works offline from any URL; the register's filter is the query part of the hash, so a report figure can link
// to exactly the matters it counts.
import { createSignal } from "solid-js";

/**
 * The register route's id for the combined register of every community on the tablet. A community made on a
 * tablet has an id of 16 characters of [0-9a-z], one grouped from an older app's talk points "c-" and 16
 * characters of its name's hash: "all" (3 characters) can never be a community's id.
 */
export const ALL_COMMUNITIES = "all";

export type Route =
  | { page: "home" }
  | { page: "talkPoint"; id: string | null }
  | { page: "session"; id: string }
  | { page: "join"; code: string }
  | { page: "minutes"; id: string }
  /** `id` null: the form for a new community. */
  | { page: "community"; id: string | null }
  /** `search`: the filter as written by filterToSearch (without "?"); `id` ALL_COMMUNITIES: every community. */
  | { page: "register"; id: string; search: string }
  | { page: "matter"; communityId: string; matterId: string }
  /** Pairing this tablet with a community (the code from the pairing link, or empty). */
  | { page: "pair"; code: string }
  /** Pairing through the relay: the community and the link's query (see relayLink.ts). */
  | { page: "relayPair"; communityId: string; search: string }
  /** The community report; `search`: its scope and period as written by reportToSearch (without "?"). */
  | { page: "report"; search: string };

const decode = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, "");
  const queryAt = full.indexOf("?");
  const path = queryAt < 0 ? full : full.slice(0, queryAt);
  const search = queryAt < 0 ? "" : full.slice(queryAt + 1);
  const [, page, id, second] = path.split("/");
  if (page === "session" && id) return { page: "session", id: decode(id) };
  if (page === "minutes" && id) return { page: "minutes", id: decode(id) };
  if (page === "join") return { page: "join", code: decode(id ?? "") };
  if (page === "pair") return { page: "pair", code: decode(id ?? "") };
  if (page === "talk-point") return { page: "talkPoint", id: id && id !== "new" ? decode(id) : null };
  if (page === "community" && id) return { page: "community", id: id === "new" ? null : decode(id) };
  if (page === "register" && id) return { page: "register", id: decode(id), search };
  if (page === "report") return { page: "report", search };
  if (page === "relay" && id) return { page: "relayPair", communityId: decode(id), search };
  if (page === "matter" && id && second)
    return { page: "matter", communityId: decode(id), matterId: decode(second) };
  return { page: "home" };
}

/** The hash of a route, for links (`href`) and navigation. */
export function routeHash(to: Route): string {
  const e = encodeURIComponent;
  switch (to.page) {
    case "home":
      return "#/";
    case "session":
      return `#/session/${e(to.id)}`;
    case "join":
      return `#/join/${e(to.code)}`;
    case "minutes":
      return `#/minutes/${e(to.id)}`;
    case "talkPoint":
      return `#/talk-point/${to.id ? e(to.id) : "new"}`;
    case "community":
      return `#/community/${to.id ? e(to.id) : "new"}`;
    case "register":
      return `#/register/${e(to.id)}${to.search ? `?${to.search}` : ""}`;
    case "matter":
      return `#/matter/${e(to.communityId)}/${e(to.matterId)}`;
    case "pair":
      return `#/pair/${e(to.code)}`;
    case "relayPair":
      return `#/relay/${e(to.communityId)}?${to.search}`;
    case "report":
      return `#/report${to.search ? `?${to.search}` : ""}`;
  }
}

const [route, setRoute] = createSignal<Route>(
  parseRoute(typeof location === "undefined" ? "" : location.hash),
);
if (typeof window !== "undefined")
  window.addEventListener("hashchange", () => setRoute(parseRoute(location.hash)));
export { route };

/** Navigates to a route. */
export function go(to: Route): void {
  location.hash = routeHash(to);
}

/**
 * Replaces the current route without a new history entry (the register's filter as it is typed: Back
 * leaves the register rather than stepping through every letter).
 */
export function replaceRoute(to: Route): void {
  const hash = routeHash(to);
  if (typeof history !== "undefined" && typeof location !== "undefined" && location.hash !== hash)
    history.replaceState(history.state, "", hash);
  setRoute(parseRoute(hash));
}
