import { onMount, Show, type JSX } from "solid-js";
import { t } from "../../i18n/i18n.ts";
import type { CommunityHandle } from "../../reactive/communityHandle.ts";
import { useApp } from "../appContext.ts";
import { createLatest } from "../latest.ts";
import { go } from "../router.ts";

/**
 * Opens community `id`'s workspace (kept open by the registry) and renders `children` with it; `pending`
 * (else a message) while it opens, a message when it cannot be opened or this tablet holds no such
 * community.
 */
export function CommunityGate(props: {
  id: string;
  children: (handle: CommunityHandle) => JSX.Element;
  pending?: JSX.Element;
}) {
  const { communities } = useApp();
  // Awaited here, not through Suspense, so that `pending` can be shown meanwhile.
  const { value: handle, failed } = createLatest(
    () => props.id,
    (id) => communities.open(id),
  );
  const missing = (h: CommunityHandle) => h.state.meta.id === "" && h.state.meta.name === "";
  return (
    <Show
      when={handle()}
      fallback={
        <Show when={!failed() && props.pending} fallback={<Opening failed={failed()} />}>
          {props.pending}
        </Show>
      }
    >
      {(h) => (
        <Show
          when={!missing(h())}
          fallback={
            <main class="page center">
              <div class="empty-state">
                <p role="alert">{t("community.notFound")}</p>
                <button type="button" onClick={() => go({ page: "home" })}>
                  {t("action.home")}
                </button>
              </div>
            </main>
          }
        >
          <Shown handle={h()}>{props.children(h())}</Shown>
        </Show>
      )}
    </Show>
  );
}

/** Tells the handle, once its page is rendered, that a screen shows it: its state follows the next paint. */
function Shown(props: { handle: CommunityHandle; children: JSX.Element }) {
  onMount(() => props.handle.shown());
  return <>{props.children}</>;
}

/** What a page shows while its community's workspaces open, or (`failed`) that they could not be opened. */
export function Opening(props: { failed?: boolean }) {
  return (
    <main class="page center">
      <p role={props.failed ? "alert" : "status"}>
        {props.failed ? t("community.openError") : t("app.loading")}
      </p>
    </main>
  );
}
