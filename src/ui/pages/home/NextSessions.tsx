import { createMemo, createSignal, For, onCleanup, Show } from "solid-js";
import type { ListedTalkPoint } from "../../../reactive/catalogueStore.ts";
import { formatDateTime, t } from "../../../i18n/i18n.ts";
import { joinFilled } from "../../labels.ts";
import { orderByNextSession } from "../../nextSessions.ts";
import { go } from "../../router.ts";
import { scheduleText } from "../../scheduleText.ts";
import { StartSessionForm } from "../StartSessionForm.tsx";

const MINUTE_MS = 60_000;

/**
 * "Next session": every talk point, soonest meeting first on its own community's calendar; today's first,
 * marked Today, the first one emphasised, each with Start (the start form opens above the list).
 */
export function NextSessions(props: { talkPoints: ListedTalkPoint[] }) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
  onCleanup(() => clearInterval(timer));
  const rows = createMemo(() => orderByNextSession(props.talkPoints, now()));
  // The talk points themselves (stable records), so a new minute moves cards rather than redrawing them.
  const order = createMemo(() => rows().map((row) => row.talkPoint));
  const rowOf = createMemo(() => new Map(rows().map((row) => [row.talkPoint, row])));
  const todayCount = () => rows().filter((row) => row.today).length;
  const [starting, setStarting] = createSignal<ListedTalkPoint | null>(null);
  let formHost: HTMLDivElement | undefined;
  const start = (tp: ListedTalkPoint) => {
    setStarting(tp);
    formHost?.scrollIntoView({ block: "nearest" });
  };

  return (
    <section class="home-next" aria-labelledby="next-heading">
      <div class="home-section-head">
        <h2 id="next-heading">{t("home.next.heading")}</h2>
        <Show when={todayCount() > 0}>
          <p class="home-today-count">{t("home.next.todayCount", { n: todayCount() })}</p>
        </Show>
      </div>
      <div ref={formHost}>
        <Show when={starting()}>
          {(tp) => <StartSessionForm talkPoint={tp()} onCancel={() => setStarting(null)} />}
        </Show>
      </div>
      <ul class="cards next-list">
        <For each={order()}>
          {(tp, i) => {
            const row = () => rowOf().get(tp) ?? { next: null, today: false };
            const emphasised = () => i() === 0 || row().today;
            const when = () => {
              const next = row().next;
              return next ? formatDateTime(next.at, { timeZone: tp.timeZone }) : t("home.next.none");
            };
            return (
              <li class="card next-card" classList={{ "next-first": i() === 0, "next-today": row().today }}>
                <h3>
                  <Show when={row().today}>
                    <span class="today-chip">{t("home.next.today")}</span>{" "}
                  </Show>
                  {tp.name}
                </h3>
                <p class="next-when">
                  {t("home.nextDate")}
                  <strong>{when()}</strong>
                </p>
                <p class="muted">{joinFilled([tp.community, tp.location, scheduleText(tp.schedule)])}</p>
                <div class="row wrap">
                  <button
                    type="button"
                    classList={{ primary: emphasised(), big: i() === 0 }}
                    aria-label={t("home.next.startOf", { name: tp.name })}
                    onClick={() => start(tp)}
                  >
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
  );
}
