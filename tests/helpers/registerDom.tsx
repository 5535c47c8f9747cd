// A register page mounted on happy-dom with the app's services (fakes), and what its tests read of it.
import type { JSX } from "solid-js";
import { render } from "solid-js/web";
import { AppContext, type AppServices } from "../../src/ui/appContext.ts";

/** Mounts `page()` inside the services' context; its disposer goes onto `cleanups`. */
export function mountRegisterPage(cleanups: (() => void)[], services: AppServices, page: () => JSX.Element) {
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(render(() => <AppContext.Provider value={services}>{page()}</AppContext.Provider>, host));
  return {
    host,
    /** The links of the rows on screen. */
    rows: () => [...host.querySelectorAll<HTMLAnchorElement>("[role=listitem] a")],
    /** The register's "Showing … of …" line (null while none is shown). */
    count: () => host.querySelector(".register-count")?.textContent ?? null,
  };
}
