import { createResource, lazy, Match, Show, Suspense, Switch } from "solid-js";
import { createCatalogue } from "./reactive/catalogueStore.ts";
import { createCommunities } from "./reactive/communities.ts";
import { openAppDb, type AppDb } from "./reactive/appDb.ts";
import { formatDateTime, lang, setLang, t } from "./i18n/i18n.ts";
import { AppContext } from "./ui/appContext.ts";
import { Notices } from "./ui/components/Notices.tsx";
import { PageBoundary } from "./ui/components/PageBoundary.tsx";
import { download } from "./ui/download.ts";
import { reportError } from "./reactive/notices.ts";
import { HomePage } from "./ui/pages/HomePage.tsx";
import { SessionPage } from "./ui/pages/SessionPage.tsx";

// Pages other than home and the session (what a tablet starts on) load when first visited, as does the
// register's code: the start-up bundle stays small.
const CommunityPage = lazy(() =>
  import("./ui/pages/CommunityPage.tsx").then((m) => ({ default: m.CommunityPage })),
);
const JoinPage = lazy(() => import("./ui/pages/JoinPage.tsx").then((m) => ({ default: m.JoinPage })));
const MatterPage = lazy(() => import("./ui/pages/MatterPage.tsx").then((m) => ({ default: m.MatterPage })));
const MinutesPage = lazy(() =>
  import("./ui/pages/MinutesPage.tsx").then((m) => ({ default: m.MinutesPage })),
);
const PairPage = lazy(() =>
  import("./ui/pages/community/PairPage.tsx").then((m) => ({ default: m.PairPage })),
);
const RelayPairPage = lazy(() =>
  import("./ui/pages/community/RelayPairPage.tsx").then((m) => ({ default: m.RelayPairPage })),
);
const RegisterPage = lazy(() =>
  import("./ui/pages/RegisterPage.tsx").then((m) => ({ default: m.RegisterPage })),
);
const AllRegisterPage = lazy(() =>
  import("./ui/pages/AllRegisterPage.tsx").then((m) => ({ default: m.AllRegisterPage })),
);
const ReportPage = lazy(() => import("./ui/pages/ReportPage.tsx").then((m) => ({ default: m.ReportPage })));
const TalkPointPage = lazy(() =>
  import("./ui/pages/TalkPointPage.tsx").then((m) => ({ default: m.TalkPointPage })),
);
import { ALL_COMMUNITIES, go, route } from "./ui/router.ts";

/** The session a route shows (its pages can save its archive even when they fail to render). */
const sessionOfRoute = (): string | null => {
  const r = route();
  return r.page === "session" || r.page === "minutes" ? r.id : null;
};

/** Saves the archive of the route's session from storage. */
const rescue = (db: AppDb) => async () => {
  const id = sessionOfRoute();
  if (!id) return;
  try {
    const { rescueArchive } = await import("./reactive/rescueArchive.ts");
    download(`${id}.yishi.json`, await rescueArchive(db, id), "application/json");
  } catch (error) {
    reportError(error);
  }
};

/** The app shell: opens storage, provides it, and shows the page for the current route. */
export function App() {
  setLang(lang());
  const [services] = createResource(async () => {
    performance.mark("yishi:app-start");
    const opening = openAppDb();
    // The first date formatted costs ~25 ms of ICU loading; pay it while storage opens, not after.
    formatDateTime(Date.now());
    const db = await opening;
    performance.mark("yishi:db-open");
    const communities = createCommunities(db);
    return { db, communities, catalogue: createCatalogue(db, communities) };
  });
  return (
    <>
      <Show
        when={services()}
        fallback={
          <main class="page center">
            <p role={services.error ? "alert" : "status"}>
              {services.error ? t("error.storage.unavailable") : t("app.loading")}
            </p>
          </main>
        }
      >
        {(app) => (
          <AppContext.Provider value={app()}>
            <PageBoundary
              page={route}
              onHome={() => go({ page: "home" })}
              onExport={sessionOfRoute() ? rescue(app().db) : undefined}
            >
              <Suspense
                fallback={
                  <main class="page center">
                    <p role="status">{t("app.loading")}</p>
                  </main>
                }
              >
                <Switch>
                  <Match when={route().page === "home"}>
                    <HomePage />
                  </Match>
                  <Match when={route().page === "talkPoint" && route()}>
                    {(r) => <TalkPointPage id={(r() as { id: string | null }).id} />}
                  </Match>
                  <Match when={route().page === "minutes" && route()}>
                    {(r) => <MinutesPage id={(r() as { id: string }).id} />}
                  </Match>
                  <Match when={route().page === "join" && route()}>
                    {(r) => <JoinPage code={(r() as { code: string }).code} />}
                  </Match>
                  <Match when={route().page === "session" && route()}>
                    {(r) => <SessionPage id={(r() as { id: string }).id} />}
                  </Match>
                  <Match when={route().page === "community" && route()}>
                    {(r) => <CommunityPage id={(r() as { id: string | null }).id} />}
                  </Match>
                  <Match
                    when={
                      route().page === "register" &&
                      (route() as { id: string }).id === ALL_COMMUNITIES &&
                      route()
                    }
                  >
                    {(r) => <AllRegisterPage search={(r() as { search: string }).search} />}
                  </Match>
                  <Match when={route().page === "register" && route()}>
                    {(r) => (
                      <RegisterPage
                        id={(r() as { id: string }).id}
                        search={(r() as { search: string }).search}
                      />
                    )}
                  </Match>
                  <Match when={route().page === "report" && route()}>
                    {(r) => <ReportPage search={(r() as { search: string }).search} />}
                  </Match>
                  <Match when={route().page === "pair" && route()}>
                    {(r) => <PairPage code={(r() as { code: string }).code} />}
                  </Match>
                  <Match when={route().page === "relayPair" && route()}>
                    {(r) => {
                      const to = r() as { communityId: string; search: string };
                      return <RelayPairPage communityId={to.communityId} search={to.search} />;
                    }}
                  </Match>
                  <Match when={route().page === "matter" && route()}>
                    {(r) => (
                      <MatterPage
                        communityId={(r() as { communityId: string }).communityId}
                        matterId={(r() as { matterId: string }).matterId}
                      />
                    )}
                  </Match>
                </Switch>
              </Suspense>
            </PageBoundary>
          </AppContext.Provider>
        )}
      </Show>
      <Notices />
    </>
  );
}
