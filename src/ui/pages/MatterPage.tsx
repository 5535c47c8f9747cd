import { createMemo, onMount, Show } from "solid-js";
import { t } from "../../i18n/i18n.ts";
import type { CommunityHandle } from "../../reactive/communityHandle.ts";
import { useApp } from "../appContext.ts";
import { matterStepActions } from "../matterStepActions.ts";
import { MatterDetails } from "../components/MatterDetails.tsx";
import { MatterSteps } from "../components/MatterSteps.tsx";
import { createToday } from "../matterQuery.ts";
import { matterTitle } from "../matterText.ts";
import { routeHash } from "../router.ts";
import { CommunityGate } from "./CommunityGate.tsx";

/** One matter of a community's register: its whole record, and the steps its status allows. */
export function MatterPage(props: { communityId: string; matterId: string }) {
  return (
    <CommunityGate id={props.communityId}>
      {(handle) => <MatterPageView handle={handle} matterId={props.matterId} />}
    </CommunityGate>
  );
}

/** The view of a matter in an open community (also rendered directly by tests). */
export function MatterView(props: {
  handle: Pick<CommunityHandle, "id" | "state" | "actions" | "matters" | "load">;
  matterId: string;
  /** True when a session's document is on this tablet (its page can open); default: none is. */
  sessionHere?: (sessionId: string) => boolean;
  /** Whether the steps taken here are saved on this tablet (not shown when not given). */
  saveStatus?: CommunityHandle["saveStatus"];
}) {
  // eslint-disable-next-line solid/reactivity -- the handle is fixed for this view; its state is a store
  const state = props.handle.state;
  // The register opens from its stored view, which lists no histories: this page needs the whole state.
  onMount(() => props.handle.load());
  const matter = createMemo(() => props.handle.matters().find((m) => m.id === props.matterId));
  const today = createToday(() => state.meta.timeZone);
  // eslint-disable-next-line solid/reactivity -- the handle's actions never change
  const actions = matterStepActions(props.handle);
  return (
    <main class="page matter-page">
      <header class="page-header">
        <a class="button" href={routeHash({ page: "register", id: props.handle.id, search: "" })}>
          {t("matter.backToRegister", { name: state.meta.name })}
        </a>
        <h1>{matter() ? matterTitle(matter()!, 60) : t("matter.heading")}</h1>
        <Show when={props.saveStatus}>
          {(status) => (
            <span class={`save-status ${status()()}`} role="status">
              {t(`save.${status()()}`)}
            </span>
          )}
        </Show>
      </header>
      <Show
        when={matter()}
        fallback={
          <section class="empty-state">
            <p role="alert">{t("matter.notFound")}</p>
          </section>
        }
      >
        {(m) => (
          <div class="matter-layout">
            <MatterDetails
              matter={m()}
              categories={state.categories}
              talkPoints={state.talkPoints}
              sessions={state.sessions}
              sessionHere={(id) => props.sessionHere?.(id) ?? false}
              timeZone={state.meta.timeZone}
              today={today()}
              onActionDone={
                state.readOnly ? undefined : (actionId) => actions.markActionDone(m().id, { actionId })
              }
              titleOf={(id) => {
                const other = props.handle.matters().find((x) => x.id === id);
                return other ? matterTitle(other) : id;
              }}
            />
            <Show when={!state.readOnly}>
              <MatterSteps matter={m()} directory={state.directory} today={today()} actions={actions} />
            </Show>
          </div>
        )}
      </Show>
    </main>
  );
}

/** MatterView with the sessions this tablet holds (from the catalogue) linked. */
export function MatterPageView(props: { handle: CommunityHandle; matterId: string }) {
  const { catalogue } = useApp();
  const here = createMemo(() => new Set(catalogue.sessions().map((s) => s.id)));
  return (
    <MatterView
      handle={props.handle}
      matterId={props.matterId}
      sessionHere={(id) => here().has(id)}
      saveStatus={props.handle.saveStatus}
    />
  );
}
