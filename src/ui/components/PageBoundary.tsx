import { createEffect, ErrorBoundary, on, Show, type JSX } from "solid-js";
import { t } from "../../i18n/i18n.ts";

interface Props {
  children: JSX.Element;
  /** For a page of one session: saves its archive from storage, whatever broke on screen. */
  onExport?: () => unknown;
  onHome: () => void;
  /** The page shown (the route): going to another page leaves the error behind. */
  page: () => unknown;
}

/**
 * Catches an error while a page renders: a translated message instead of a blank screen, a retry, the way
 * home, and (on a session's pages) the session's archive, so nothing on the tablet is out of reach.
 */
export function PageBoundary(props: Props) {
  return (
    <ErrorBoundary
      fallback={(error: unknown, reset) => {
        console.error(error);
        createEffect(on(props.page, reset, { defer: true }));
        return (
          <main class="page center">
            <div class="page-error" role="alert">
              <h1>{t("error.page.title")}</h1>
              <p>{t("error.page.body")}</p>
              <p class="muted">{String((error as Error)?.message ?? error).slice(0, 200)}</p>
              <div class="row wrap">
                <button type="button" class="primary" onClick={reset}>
                  {t("error.page.retry")}
                </button>
                <Show when={props.onExport}>
                  {(exportIt) => (
                    <button type="button" onClick={() => exportIt()()}>
                      {t("error.page.export")}
                    </button>
                  )}
                </Show>
                <button type="button" onClick={() => props.onHome()}>
                  {t("action.home")}
                </button>
              </div>
            </div>
          </main>
        );
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
