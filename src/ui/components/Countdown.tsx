import { createEffect, onCleanup, Show } from "solid-js";
import { remainingMs } from "../../doc/session/agenda.ts";
import { t } from "../../i18n/i18n.ts";
import { holdClock, now } from "../clock.ts";

/** mm:ss left on an agenda item's time box; turns red and counts up when over time. */
export function Countdown(props: { timeboxMin: number | null; timerStartedAt: number | null }) {
  const running = () => props.timeboxMin !== null && props.timerStartedAt !== null;
  // Only a running timer reads (and keeps ticking) the shared clock; a stopped one shows its time box.
  createEffect(() => {
    if (running()) onCleanup(holdClock());
  });
  const left = () => (running() ? remainingMs(props, now()) : null);
  const text = () => {
    const ms = left();
    if (ms === null) return props.timeboxMin ? t("agenda.timebox", { min: props.timeboxMin }) : "";
    const s = Math.ceil(Math.abs(ms) / 1000);
    const mmss = `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
    return ms < 0 ? t("agenda.overtime", { time: mmss }) : mmss;
  };
  // An item with no time box has no timer at all (an empty `timer` role would be announced as nothing).
  return (
    <Show when={props.timeboxMin !== null}>
      <span class="countdown" classList={{ over: (left() ?? 1) < 0, running: left() !== null }} role="timer">
        {text()}
      </span>
    </Show>
  );
}
