// Hash routes: #/ (home), #/talk-point/new, #/talk-point/<id>, #/session/<id>, #/join/<code>. Hash routing works offline from any URL.
import { createSignal } from "solid-js";

export type Route =
  | { page: "home" }
  | { page: "talkPoint"; id: string | null }
  | { page: "session"; id: string }
  | { page: "join"; code: string }
  | { page: "minutes"; id: string };

export function parseRoute(hash: string): Route {
  const [, page, id] = hash.replace(/^#/, "").split("/");
  if (page === "session" && id) return { page: "session", id: decodeURIComponent(id) };
  if (page === "minutes" && id) return { page: "minutes", id: decodeURIComponent(id) };
  if (page === "join") return { page: "join", code: decodeURIComponent(id ?? "") };
  if (page === "talk-point")
    return { page: "talkPoint", id: id && id !== "new" ? decodeURIComponent(id) : null };
  return { page: "home" };
}

const [route, setRoute] = createSignal<Route>(
  parseRoute(typeof location === "undefined" ? "" : location.hash),
);
if (typeof window !== "undefined")
  window.addEventListener("hashchange", () => setRoute(parseRoute(location.hash)));
export { route };

/** Navigates to a route. */
export function go(to: Route): void {
  location.hash =
    to.page === "home"
      ? "#/"
      : to.page === "session"
        ? `#/session/${encodeURIComponent(to.id)}`
        : to.page === "join"
          ? `#/join/${encodeURIComponent(to.code)}`
          : to.page === "minutes"
            ? `#/minutes/${encodeURIComponent(to.id)}`
            : `#/talk-point/${to.id ? encodeURIComponent(to.id) : "new"}`;
}
