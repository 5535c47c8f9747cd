import { For, Show } from "solid-js";
import { presentCount } from "../../../doc/session/snapshot.ts";
import { shownResult } from "../../../doc/session/verdict.ts";
import { formatDateTime, t } from "../../../i18n/i18n.ts";
import { Countdown } from "../../components/Countdown.tsx";
import { SyncBadge } from "../../components/SyncBadge.tsx";
import { joinFilled, optionLabel } from "../../labels.ts";
import { useSession } from "./sessionContext.ts";
import { toggleFullscreen, useIdleCursor, useWakeLock } from "../../kiosk.ts";

/** The residents' screen: read-only and large, following the facilitator's current item and open vote. */
export function DisplayView() {
  const { handle } = useSession();
  const s = handle.state;
  const current = () => s.agenda.find((a) => a.id === s.meta.currentAgendaId);
  const vote = () =>
    s.votes.find((v) => v.status === "open") ??
    [...s.votes].filter((v) => v.status === "closed" && v.agendaId === s.meta.currentAgendaId).pop();
  const issue = () => {
    const v = vote();
    const linked = v?.issueId ? s.issues.find((i) => i.id === v.issueId) : undefined;
    return linked ?? [...s.issues].filter((i) => i.agendaId === s.meta.currentAgendaId).pop();
  };
  const result = () => {
    const v = vote();
    return v ? shownResult(v, presentCount(s)) : null;
  };
  const max = () => Math.max(1, ...(result()?.options.map((o) => o.count) ?? []));
  let root: HTMLElement | undefined;
  useWakeLock();
  useIdleCursor(() => root);
  return (
    <main class="display" ref={root} aria-label={t("display.label")}>
      <header class="display-head">
        <div>
          <h1>{s.meta.talkPoint.name || s.meta.title}</h1>
          <p>
            {joinFilled([
              s.meta.talkPoint.community,
              formatDateTime(s.meta.startsAt, { timeZone: s.meta.timeZone }),
            ])}
          </p>
        </div>
        <div class="row">
          <SyncBadge status={handle.sync.status()} />
          <button type="button" class="fullscreen" onClick={toggleFullscreen}>
            {t("display.fullscreen")}
          </button>
        </div>
      </header>
      <Show when={current()} fallback={<p class="display-waiting">{t("display.waiting")}</p>}>
        {(item) => (
          <section class="display-item">
            <p class="display-label">{t("agenda.current")}</p>
            <h2>{item().title}</h2>
            <Countdown timeboxMin={item().timeboxMin} timerStartedAt={item().timerStartedAt} />
          </section>
        )}
      </Show>
      <Show when={issue()}>
        {(i) => (
          <section class="display-issue">
            <p class="display-label">{i().urgent ? t("issue.urgentBadge") : t("display.issue")}</p>
            <p>{i().text}</p>
          </section>
        )}
      </Show>
      <Show when={s.quickPoll?.active && s.quickPoll}>
        {(p) => (
          <section class="display-vote quick" aria-live="polite">
            <p class="display-label">{t("quickPoll.heading")}</p>
            <h2>{p().question}</h2>
            <ul class="display-tallies">
              <li>
                <span class="display-option">{t("quickPoll.yes")}</span>
                <span
                  class="bar"
                  style={{ "inline-size": `${(p().yes / Math.max(1, p().yes, p().no)) * 100}%` }}
                />
                <span class="display-count">{p().yes}</span>
              </li>
              <li>
                <span class="display-option">{t("quickPoll.no")}</span>
                <span
                  class="bar"
                  style={{ "inline-size": `${(p().no / Math.max(1, p().yes, p().no)) * 100}%` }}
                />
                <span class="display-count">{p().no}</span>
              </li>
            </ul>
          </section>
        )}
      </Show>
      <Show when={!s.quickPoll?.active && vote()}>
        {(v) => (
          <section class="display-vote" aria-live="polite">
            <p class="display-label">
              {v().status === "open" ? t("display.voting") : t("voteStatus.closed")}
            </p>
            <h2>{v().motion}</h2>
            <ul class="display-tallies">
              <For each={result()?.options ?? []}>
                {(o) => (
                  <li>
                    <span class="display-option">{optionLabel(o)}</span>
                    <span class="bar" style={{ "inline-size": `${(o.count / max()) * 100}%` }} />
                    <span class="display-count">{o.count}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={v().status === "closed" && result()}>
              {(r) => <p class={`verdict ${r().outcome}`}>{t(`verdict.${r().outcome}`)}</p>}
            </Show>
          </section>
        )}
      </Show>
    </main>
  );
}
