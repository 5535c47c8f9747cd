import { createSignal, Show, untrack } from "solid-js";
import type { ListedTalkPoint } from "../../reactive/catalogueStore.ts";
import { formatDate, t } from "../../i18n/i18n.ts";
import { civilDate, civilTime, instantAt, isCalendarDate } from "../../doc/civilTime.ts";
import { useApp } from "../appContext.ts";
import { go } from "../router.ts";
import { deviceName, setDeviceName } from "../../sync/deviceSettings.ts";

/** "YYYY-MM-DDTHH:MM" in the community's time zone, for a datetime-local input. */
export function zonedDateTimeValue(instant: number, timeZone: string): string {
  return `${civilDate(instant, timeZone)}T${civilTime(instant, timeZone)}`;
}

/** The instant a datetime-local value names in the community's time zone (null when it is not one). */
export function instantOfValue(value: string, timeZone: string): number | null {
  const [date, time] = value.split("T");
  if (!date || !time || !isCalendarDate(date) || !/^\d{2}:\d{2}/.test(time)) return null;
  try {
    return instantAt(date, time.slice(0, 5), timeZone);
  } catch {
    return null;
  }
}

/** Starts today's session of a talk point: title and time default from the talk point and now. */
export function StartSessionForm(props: { talkPoint: ListedTalkPoint; onCancel: () => void }) {
  const { catalogue } = useApp();
  const now = new Date();
  // The default title is taken once, when the form opens.
  const defaultTitle = untrack(() =>
    t("session.defaultTitle", {
      name: props.talkPoint.name,
      date: formatDate(now, props.talkPoint.timeZone),
    }),
  );
  const [title, setTitle] = createSignal(defaultTitle);
  // The time is the community's (a tablet whose clock is in another zone still starts at the right hour).
  const [when, setWhen] = createSignal(
    untrack(() => zonedDateTimeValue(now.getTime(), props.talkPoint.timeZone)),
  );
  // A tablet with no name yet is asked for one here, so other tablets do not list it as "Unnamed device".
  const askName = deviceName().trim() === "";
  const [name, setName] = createSignal("");
  return (
    <form
      class="card dialog"
      aria-label={t("session.start")}
      onSubmit={async (e) => {
        e.preventDefault();
        if (askName && name().trim() !== "") setDeviceName(name());
        const startsAt = instantOfValue(when(), props.talkPoint.timeZone) ?? now.getTime();
        const id = await catalogue.startSession(props.talkPoint, {
          title: title(),
          startsAt: new Date(startsAt).toISOString(),
        });
        if (id) go({ page: "session", id });
      }}
    >
      <h2>{t("session.startFor", { name: props.talkPoint.name })}</h2>
      <label>
        {t("field.title")}
        <input value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t("field.startsAt")}
        <input type="datetime-local" value={when()} onInput={(e) => setWhen(e.currentTarget.value)} />
      </label>
      <Show when={askName}>
        <label>
          {t("session.deviceName")}
          <input
            value={name()}
            autocomplete="off"
            aria-describedby="device-name-hint"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <p id="device-name-hint" class="muted">
          {t("session.deviceNameHint")}
        </p>
      </Show>
      <div class="row">
        <button type="submit" class="primary">
          {t("session.start")}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t("action.cancel")}
        </button>
      </div>
    </form>
  );
}
