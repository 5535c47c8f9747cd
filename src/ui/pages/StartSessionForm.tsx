import { createSignal, untrack } from "solid-js";
import type { ListedTalkPoint } from "../../reactive/catalogueStore.ts";
import { formatDate, t } from "../../i18n/i18n.ts";
import { useApp } from "../appContext.ts";
import { go } from "../router.ts";

/** "YYYY-MM-DDTHH:MM" in local time, for a datetime-local input. */
export function localDateTimeValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Starts today's session of a talk point: title and time default from the talk point and now. */
export function StartSessionForm(props: { talkPoint: ListedTalkPoint; onCancel: () => void }) {
  const { catalogue } = useApp();
  const now = new Date();
  // The default title is taken once, when the form opens.
  const defaultTitle = untrack(() =>
    t("session.defaultTitle", { name: props.talkPoint.name, date: formatDate(now) }),
  );
  const [title, setTitle] = createSignal(defaultTitle);
  const [when, setWhen] = createSignal(localDateTimeValue(now));
  return (
    <form
      class="card dialog"
      aria-label={t("session.start")}
      onSubmit={async (e) => {
        e.preventDefault();
        const startsAt = new Date(when());
        const id = await catalogue.startSession(props.talkPoint, {
          title: title(),
          startsAt: (Number.isNaN(startsAt.getTime()) ? now : startsAt).toISOString(),
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
