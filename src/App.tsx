import { createResource, Match, Show, Switch } from "solid-js";
import { createCatalogue } from "./reactive/catalogueStore.ts";
import { createCommunities } from "./reactive/communities.ts";
import { openAppDb, type AppDb } from "./reactive/appDb.ts";
import { formatDateTime, lang, setLang, t } from "./i18n/i18n.ts";
import { AppContext } from "./ui/appContext.ts";
import { Notices } from "./ui/components/Notices.tsx";
import { PageBoundary } from "./ui/components/PageBoundary.tsx";
import { download } from "./ui/download.ts";
import { rescueArchive } from "./reactive/rescueArchive.ts";
import { reportError } from "./reactive/notices.ts";
import { CommunityPage } from "./ui/pages/CommunityPage.tsx";
import { HomePage } from "./ui/pages/HomePage.tsx";
import { JoinPage } from "./ui/pages/JoinPage.tsx";
import { MatterPage } from "./ui/pages/MatterPage.tsx";
import { PairPage } from "./ui/pages/community/PairPage.tsx";
import { MinutesPage } from "./ui/pages/MinutesPage.tsx";
import { RegisterPage } from "./ui/pages/RegisterPage.tsx";
import { SessionPage } from "./ui/pages/SessionPage.tsx";
import { TalkPointPage } from "./ui/pages/TalkPointPage.tsx";
import { go, route } from "./ui/router.ts";

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
                <Match when={route().page === "register" && route()}>
                  {(r) => (
                    <RegisterPage
                      id={(r() as { id: string }).id}
                      search={(r() as { search: string }).search}
                    />
                  )}
                </Match>
                <Match when={route().page === "pair" && route()}>
                  {(r) => <PairPage code={(r() as { code: string }).code} />}
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
            </PageBoundary>
          </AppContext.Provider>
        )}
      </Show>
      <Notices />
    </>
  );
}
