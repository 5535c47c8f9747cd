import { createResource, createSignal, For, lazy, Match, onCleanup, Show, Suspense, Switch } from "solid-js";
import { formatDateTime, t } from "../../i18n/i18n.ts";
import { openSession, type SessionHandle } from "../../reactive/sessionHandle.ts";
import { useApp } from "../appContext.ts";
import { deviceName } from "../../sync/deviceSettings.ts";
import { go } from "../router.ts";
import { AgendaPanel } from "./session/AgendaPanel.tsx";
import { AttendancePanel } from "./session/AttendancePanel.tsx";
import { CurrentItemBar } from "./session/CurrentItemBar.tsx";
import { FollowUpsPanel } from "./session/FollowUpsPanel.tsx";
import { IssuesPanel } from "./session/IssuesPanel.tsx";
import { NotesPanel } from "./session/NotesPanel.tsx";
import { SessionContext, TABS, type Tab } from "./session/sessionContext.ts";
import { VotesPanel } from "./session/VotesPanel.tsx";
// Only a residents' screen shows the display: its code loads there.
const DisplayView = lazy(() => import("./session/DisplayView.tsx").then((m) => ({ default: m.DisplayView })));
import { SharePanel } from "./session/SharePanel.tsx";
import { SyncBadge } from "../components/SyncBadge.tsx";
import { communityCarried, sessionSyncText } from "../syncText.ts";
import { LateEdits } from "./session/LateEdits.tsx";
import { joinFilled } from "../labels.ts";
import { trackHeight } from "../stickyOffsets.ts";
// Reporting back happens once per session, on its agenda item: the panel's code loads then.
const ReportBackPanel = lazy(() =>
  import("./session/ReportBackPanel.tsx").then((m) => ({ default: m.ReportBackPanel })),
);

/** A live session: agenda on the side, the current item always in view, and tabs for the work at the table. */
export function SessionPage(props: { id: string }) {
  const { db, catalogue, communities } = useApp();
  const [handle] = createResource(
    () => props.id,
    (id) => openSession(db, id, deviceName(), communities),
  );
  onCleanup(() => {
    const h = handle();
    if (h) void h.dispose().then(() => catalogue.refresh());
  });
  return (
    <Show
      when={handle()}
      fallback={
        <main class="page center">
          <p role={handle.error ? "alert" : "status"}>
            {handle.error ? t("error.sessionOpen") : t("app.loading")}
          </p>
        </main>
      }
    >
      {(h) => (
        <Show when={h().role === "display"} fallback={<SessionView handle={h()} />}>
          <SessionContext.Provider value={{ handle: h(), showTab: () => {} }}>
            <Suspense fallback={<p role="status">{t("app.loading")}</p>}>
              <DisplayView />
            </Suspense>
          </SessionContext.Provider>
        </Show>
      )}
    </Show>
  );
}

function SessionView(props: { handle: SessionHandle }) {
  const [tab, setTab] = createSignal<Tab>("issues");
  const [sharing, setSharing] = createSignal(false);
  const [upgraded, setUpgraded] = createSignal(false);
  // eslint-disable-next-line solid/reactivity -- the handle is fixed for this view; state is a store and stays reactive
  const state = props.handle.state;
  const statusKey = () => `save.${props.handle.saveStatus()}` as const;
  const { communities } = useApp();
  /** How the session's community carries it on this tablet (null: a guest session). */
  const carry = () => {
    const id = props.handle.community()?.id;
    const [room, relay] = id ? [communities.sync(id), communities.relay(id)] : [null, null];
    // A community on this tablet only (not paired, no relay) shares nothing: "not shared" is the truth.
    if (!room && !relay) return null;
    return { peers: room?.status() ?? null, relay: relay?.state() ?? null };
  };
  return (
    // eslint-disable-next-line solid/reactivity -- the handle never changes while this view lives
    <SessionContext.Provider value={{ handle: props.handle, showTab: setTab }}>
      <div class="session">
        <header class="session-header" ref={(el) => trackHeight(el, "--session-header")}>
          <button type="button" onClick={() => go({ page: "home" })}>
            {t("action.home")}
          </button>
          <div class="session-heading">
            <h1>{state.meta.title}</h1>
            <p class="muted">
              {joinFilled([
                state.meta.talkPoint.name,
                state.meta.place,
                formatDateTime(state.meta.startsAt, { timeZone: state.meta.timeZone }),
              ])}
            </p>
          </div>
          <span class={`save-status ${props.handle.saveStatus()}`} role="status">
            {t(statusKey())}
          </span>
          <SyncBadge
            status={props.handle.sync.status()}
            text={sessionSyncText(props.handle.sync.status(), carry())}
            shared={carry() ? (communityCarried(carry()!) ? "carried" : "waiting") : undefined}
            onClick={() => {
              if (props.handle.share()) setUpgraded(true);
              setSharing(!sharing());
            }}
          />
          <button type="button" onClick={() => go({ page: "minutes", id: props.handle.id })}>
            {t("minutes.open")}
          </button>
          <button type="button" disabled={!props.handle.canUndo()} onClick={() => props.handle.undo()}>
            {t("action.undo")}
          </button>
          <button type="button" disabled={!props.handle.canRedo()} onClick={() => props.handle.redo()}>
            {t("action.redo")}
          </button>
        </header>
        <Show when={sharing()}>
          <SharePanel onClose={() => setSharing(false)} upgraded={upgraded()} />
        </Show>
        <Show when={props.handle.sync.wrongKey() && !sharing()}>
          <p class="banner error" role="alert">
            {t("sync.wrongKey")}
          </p>
        </Show>
        <Show when={state.lock}>
          {(lock) => (
            <p class="banner locked" role="status">
              {t("minutes.lockedBanner", {
                by: lock().by || "—",
                at: formatDateTime(lock().at, { timeZone: state.meta.timeZone }),
              })}
            </p>
          )}
        </Show>
        <LateEdits />
        <Show when={state.readOnly}>
          <p class="banner error" role="alert">
            {t("error.readOnly")}
          </p>
        </Show>
        <div class="session-layout">
          <AgendaPanel />
          <main class="work-pane">
            <CurrentItemBar />
            <Show when={state.agenda.find((a) => a.id === state.meta.currentAgendaId)?.kind === "reportBack"}>
              <Suspense>
                <ReportBackPanel />
              </Suspense>
            </Show>
            <nav class="tabs" role="tablist" aria-label={t("session.sections")}>
              <For each={TABS}>
                {(name) => (
                  <button
                    type="button"
                    role="tab"
                    id={`tab-${name}`}
                    aria-selected={tab() === name}
                    aria-controls="tab-panel"
                    onClick={() => setTab(name)}
                  >
                    {t(`tab.${name}`)}
                    <TabCount tab={name} />
                  </button>
                )}
              </For>
            </nav>
            <section class="tab-panel" id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab()}`}>
              <Switch>
                <Match when={tab() === "issues"}>
                  <IssuesPanel />
                </Match>
                <Match when={tab() === "votes"}>
                  <VotesPanel />
                </Match>
                <Match when={tab() === "followUps"}>
                  <FollowUpsPanel />
                </Match>
                <Match when={tab() === "attendance"}>
                  <AttendancePanel />
                </Match>
                <Match when={tab() === "notes"}>
                  <NotesPanel />
                </Match>
              </Switch>
            </section>
          </main>
        </div>
      </div>
    </SessionContext.Provider>
  );

  function TabCount(p: { tab: Tab }) {
    const n = () =>
      p.tab === "issues"
        ? state.issues.length
        : p.tab === "votes"
          ? state.votes.length
          : p.tab === "followUps"
            ? state.followUps.length
            : p.tab === "attendance"
              ? state.headcount
              : null;
    return <Show when={n() !== null}>{<span class="badge">{n()}</span>}</Show>;
  }
}
