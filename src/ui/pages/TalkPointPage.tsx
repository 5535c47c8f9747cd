import { createSignal, For, Show } from "solid-js";
import { newId } from "../../doc/ids.ts";
import { isValidSchedule, type Schedule, type TalkPoint } from "../../doc/talkPoint.ts";
import { LIMITS } from "../../doc/session/schema.ts";
import { t, type MessageKey } from "../../i18n/i18n.ts";
import { useApp } from "../appContext.ts";
import { notify } from "../../reactive/notices.ts";
import { go } from "../router.ts";
import { parseDays, WEEKDAY_KEYS } from "../scheduleText.ts";

/** Creates or edits a talk point: name, community, location, facilitator and its schedule. */
export function TalkPointPage(props: { id: string | null }) {
  const { catalogue } = useApp();
  const existing = () => catalogue.talkPoints().find((tp) => tp.id === props.id);
  // eslint-disable-next-line solid/reactivity -- the form starts from the stored talk point once; later edits are the user's
  const start = existing();
  const [name, setName] = createSignal(start?.name ?? "");
  const [community, setCommunity] = createSignal(start?.community ?? "");
  const [location, setLocation] = createSignal(start?.location ?? "");
  const [facilitator, setFacilitator] = createSignal(start?.facilitator ?? "");
  const [kind, setKind] = createSignal<Schedule["kind"]>(start?.schedule.kind ?? "monthDays");
  const [days, setDays] = createSignal(
    start?.schedule.kind === "monthDays" ? start.schedule.days.join(", ") : "1, 11, 21",
  );
  const [weekday, setWeekday] = createSignal(start?.schedule.kind === "weekly" ? start.schedule.weekday : 3);
  const [time, setTime] = createSignal(start?.schedule.time ?? "10:00");
  const [error, setError] = createSignal<MessageKey | null>(null);

  const schedule = (): Schedule =>
    kind() === "weekly"
      ? { kind: "weekly", weekday: weekday(), time: time() }
      : { kind: "monthDays", days: parseDays(days()), time: time() };

  const submit = async (e: Event) => {
    e.preventDefault();
    const fields = [name(), community(), location(), facilitator()];
    if (name().trim() === "") return setError("talkPoint.nameRequired");
    if (fields.some((f) => f.length > LIMITS.short)) return setError("talkPoint.tooLong");
    if (!isValidSchedule(schedule())) return setError("talkPoint.badSchedule");
    setError(null);
    const now = Date.now();
    const tp: TalkPoint = {
      id: start?.id ?? newId(),
      name: name().trim(),
      community: community().trim(),
      location: location().trim(),
      facilitator: facilitator().trim(),
      schedule: schedule(),
      createdAt: start?.createdAt ?? now,
      updatedAt: now,
    };
    if (await catalogue.saveTalkPoint(tp)) go({ page: "home" });
  };

  // Deleting a talk point hides it in its community (on paired tablets too); Undo brings it back.
  const remove = async (id: string, what: string) => {
    await catalogue.removeTalkPoint(id);
    notify({
      kind: "info",
      key: "notice.talkPointDeleted",
      params: { what: what.slice(0, 40) },
      action: { key: "action.undo", run: () => void catalogue.restoreTalkPoint(id) },
    });
    go({ page: "home" });
  };

  return (
    <main class="page">
      <header class="page-header">
        <button type="button" onClick={() => go({ page: "home" })}>
          {t("action.back")}
        </button>
        <h1>{start ? t("talkPoint.edit") : t("talkPoint.new")}</h1>
      </header>
      <form class="card form" onSubmit={submit} novalidate>
        <label>
          {t("field.talkPointName")}
          <input
            required
            value={name()}
            placeholder={t("talkPoint.namePlaceholder")}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("field.community")}
          <input value={community()} onInput={(e) => setCommunity(e.currentTarget.value)} />
        </label>
        <label>
          {t("field.location")}
          <input value={location()} onInput={(e) => setLocation(e.currentTarget.value)} />
        </label>
        <label>
          {t("field.facilitator")}
          <input value={facilitator()} onInput={(e) => setFacilitator(e.currentTarget.value)} />
        </label>
        <fieldset>
          <legend>{t("field.schedule")}</legend>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              checked={kind() === "monthDays"}
              onChange={() => setKind("monthDays")}
            />
            {t("schedule.kindMonthDays")}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              checked={kind() === "weekly"}
              onChange={() => setKind("weekly")}
            />
            {t("schedule.kindWeekly")}
          </label>
          <Show
            when={kind() === "weekly"}
            fallback={
              <label>
                {t("field.days")}
                <input value={days()} inputmode="numeric" onInput={(e) => setDays(e.currentTarget.value)} />
              </label>
            }
          >
            <label>
              {t("field.weekday")}
              <select value={weekday()} onChange={(e) => setWeekday(Number(e.currentTarget.value))}>
                <For each={WEEKDAY_KEYS}>{(key, i) => <option value={i()}>{t(key)}</option>}</For>
              </select>
            </label>
          </Show>
          <label>
            {t("field.time")}
            <input type="time" value={time()} onInput={(e) => setTime(e.currentTarget.value)} />
          </label>
        </fieldset>
        <Show when={error()}>
          {(key) => (
            <p role="alert" class="error">
              {t(key())}
            </p>
          )}
        </Show>
        <div class="row">
          <button type="submit" class="primary">
            {t("action.save")}
          </button>
          <button type="button" onClick={() => go({ page: "home" })}>
            {t("action.cancel")}
          </button>
          <Show when={start}>
            {(tp) => (
              <button type="button" class="danger" onClick={() => void remove(tp().id, tp().name)}>
                {t("talkPoint.delete")}
              </button>
            )}
          </Show>
        </div>
      </form>
    </main>
  );
}
