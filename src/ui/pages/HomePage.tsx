import { For, Show } from "solid-js";
import { DEFAULT_TIME_ZONE } from "../../doc/civilTime.ts";
import { t } from "../../i18n/i18n.ts";
import { useApp } from "../appContext.ts";
import { ALL_COMMUNITIES, go, routeHash } from "../router.ts";
import { reportToSearch } from "../reportAddress.ts";
import { CommunityCard } from "./community/CommunityCard.tsx";
import { LangSwitch } from "../components/LangSwitch.tsx";
import { SessionRow } from "./SessionRow.tsx";
import { NextSessions } from "./home/NextSessions.tsx";
import { MoreSection } from "./home/MoreSection.tsx";

/**
 * What a facilitator opens the app for, first: the next session (today's first, with Start), the
 * communities' open and overdue matters, the sessions held; the rarer things behind "More" at the foot.
 */
export function HomePage() {
  const { catalogue, communities } = useApp();
  const talkPointName = (id: string) => catalogue.talkPoints().find((tp) => tp.id === id)?.name ?? "";
  const zoneOf = (id: string) =>
    catalogue.talkPoints().find((tp) => tp.id === id)?.timeZone ?? DEFAULT_TIME_ZONE;
  const empty = () =>
    catalogue.loaded() && catalogue.talkPoints().length === 0 && catalogue.sessions().length === 0;

  return (
    <main class="page home">
      <header class="page-header">
        <h1>{t("app.name")}</h1>
        <div class="row wrap">
          <LangSwitch />
          <button type="button" class="primary" onClick={() => go({ page: "talkPoint", id: null })}>
            {t("talkPoint.new")}
          </button>
        </div>
      </header>

      <Show when={empty()}>
        <section class="empty-state">
          <p>{t("home.empty")}</p>
          <button type="button" class="primary big" onClick={() => void catalogue.loadSampleData()}>
            {t("home.sample")}
          </button>
        </section>
      </Show>

      <Show when={catalogue.talkPoints().length > 0}>
        <NextSessions talkPoints={catalogue.talkPoints()} />
      </Show>

      <Show when={communities.list().length > 0}>
        <section class="home-communities" aria-labelledby="communities-heading">
          <h2 id="communities-heading">{t("home.communities")}</h2>
          <ul class="cards">
            <For each={communities.list()}>{(row) => <CommunityCard row={row} />}</For>
          </ul>
          <div class="row wrap home-links">
            <a
              class="button report-link"
              href={routeHash({ page: "report", search: reportToSearch({ scope: "all", period: "month" }) })}
            >
              {t("report.link.all")}
            </a>
            <Show when={communities.list().length > 1}>
              <a class="button" href={routeHash({ page: "register", id: ALL_COMMUNITIES, search: "" })}>
                {t("allRegister.link")}
              </a>
            </Show>
          </div>
        </section>
      </Show>

      <Show when={catalogue.sessions().length > 0}>
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">{t("home.sessions")}</h2>
          <ul class="session-list">
            <For each={catalogue.sessions()}>
              {(s) => (
                <SessionRow
                  session={s}
                  talkPointName={talkPointName(s.talkPointId)}
                  timeZone={zoneOf(s.talkPointId)}
                />
              )}
            </For>
          </ul>
        </section>
      </Show>

      <MoreSection />
    </main>
  );
}
