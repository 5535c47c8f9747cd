import { createSignal, For, Show } from "solid-js";
import { DEFAULT_TIME_ZONE } from "../../doc/civilTime.ts";
import { nextOccurrence } from "../../doc/talkPoint.ts";
import type { ListedTalkPoint } from "../../reactive/catalogueStore.ts";
import { formatDateTime, t } from "../../i18n/i18n.ts";
import { useApp } from "../appContext.ts";
import { ALL_COMMUNITIES, go, routeHash } from "../router.ts";
import { reportToSearch } from "../reportAddress.ts";
import { CommunityCard } from "./community/CommunityCard.tsx";
import { scheduleText } from "../scheduleText.ts";
import { StartSessionForm } from "./StartSessionForm.tsx";
import { LangSwitch } from "../components/LangSwitch.tsx";
import { DeviceSection } from "./DeviceSection.tsx";
import { SessionRow } from "./SessionRow.tsx";
import { joinFilled } from "../labels.ts";

/** Talk points with their next date, and the sessions held, newest first. */
export function HomePage() {
  const { catalogue, communities } = useApp();
  const [starting, setStarting] = createSignal<ListedTalkPoint | null>(null);
  const talkPointName = (id: string) => catalogue.talkPoints().find((tp) => tp.id === id)?.name ?? "";
  const zoneOf = (id: string) =>
    catalogue.talkPoints().find((tp) => tp.id === id)?.timeZone ?? DEFAULT_TIME_ZONE;
  const empty = () =>
    catalogue.loaded() && catalogue.talkPoints().length === 0 && catalogue.sessions().length === 0;

  return (
    <main class="page home">
      <header class="page-header">
        <h1>{t("app.name")}</h1>
        <div class="row">
          <LangSwitch />
          <button type="button" class="primary" onClick={() => go({ page: "talkPoint", id: null })}>
            {t("talkPoint.new")}
          </button>
        </div>
      </header>

      <DeviceSection />

      <Show when={empty()}>
        <section class="empty-state">
          <p>{t("home.empty")}</p>
          <button type="button" class="primary big" onClick={() => void catalogue.loadSampleData()}>
            {t("home.sample")}
          </button>
        </section>
      </Show>

      <section aria-labelledby="communities-heading">
        <h2 id="communities-heading">{t("home.communities")}</h2>
        <ul class="cards">
          <For each={communities.list()}>{(row) => <CommunityCard row={row} />}</For>
        </ul>
        <div class="row wrap">
          <a class="button" href={routeHash({ page: "community", id: null })}>
            {t("community.new")}
          </a>
          <a class="button" href={routeHash({ page: "pair", code: "" })}>
            {t("pair.joinHeading")}
          </a>
          <Show when={communities.list().length > 0}>
            <a
              class="button report-link"
              href={routeHash({ page: "report", search: reportToSearch({ scope: "all", period: "month" }) })}
            >
              {t("report.link.all")}
            </a>
          </Show>
          <Show when={communities.list().length > 1}>
            <a class="button" href={routeHash({ page: "register", id: ALL_COMMUNITIES, search: "" })}>
              {t("allRegister.link")}
            </a>
          </Show>
        </div>
      </section>

      <Show when={starting()}>
        {(tp) => <StartSessionForm talkPoint={tp()} onCancel={() => setStarting(null)} />}
      </Show>

      <Show when={catalogue.talkPoints().length > 0}>
        <section aria-labelledby="tp-heading">
          <h2 id="tp-heading">{t("home.talkPoints")}</h2>
          <ul class="cards">
            <For each={catalogue.talkPoints()}>
              {(tp) => {
                const next = () => nextOccurrence(tp.schedule, Date.now(), tp.timeZone);
                return (
                  <li class="card">
                    <h3>{tp.name}</h3>
                    <p class="muted">{joinFilled([tp.community, tp.location])}</p>
                    <p>{scheduleText(tp.schedule)}</p>
                    <p>
                      {t("home.nextDate")}
                      <strong>{next() ? formatDateTime(next()!.at, { timeZone: tp.timeZone }) : "—"}</strong>
                    </p>
                    <div class="row">
                      <button type="button" class="primary" onClick={() => setStarting(tp)}>
                        {t("session.start")}
                      </button>
                      <button
                        type="button"
                        aria-label={t("talkPoint.editOf", { name: tp.name })}
                        onClick={() => go({ page: "talkPoint", id: tp.id })}
                      >
                        {t("action.edit")}
                      </button>
                    </div>
                  </li>
                );
              }}
            </For>
          </ul>
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
    </main>
  );
}
