import { createMemo, createResource, createSignal, For, onCleanup, Show } from "solid-js";
import { buildMinutes } from "../../export/minutesModel.ts";
import { joinFollowUps } from "../../doc/community/joinFollowUps.ts";
import { followUpsCsv } from "../../export/csv.ts";
import { minutesToMarkdown } from "../../export/markdown.ts";
import { minutesToText } from "../../export/plainText.ts";
import { formatDateTime, lang, LANGS, loadLang, t, type Lang } from "../../i18n/i18n.ts";
import { notify, reportError } from "../../reactive/notices.ts";
import { openSession, type SessionHandle } from "../../reactive/sessionHandle.ts";
import { MinutesView } from "../components/MinutesView.tsx";
import { SyncedTextarea } from "../components/SyncedTextarea.tsx";
import { useApp } from "../appContext.ts";
import { deviceName } from "../../sync/deviceSettings.ts";
import { go } from "../router.ts";
import { download } from "../download.ts";
import { copyText } from "../copyText.ts";

/** The secretary's page: the minutes as a live draft, amendments, lock/reopen, and every export. */
export function MinutesPage(props: { id: string }) {
  const { db, catalogue, communities } = useApp();
  const [handle] = createResource(
    () => props.id,
    (id) => openSession(db, id, deviceName(), communities),
  );
  onCleanup(
    () =>
      void handle()
        ?.dispose()
        .then(() => catalogue.refresh()),
  );
  return (
    <Show
      when={handle()}
      fallback={
        <p class="page center" role="status">
          {t("app.loading")}
        </p>
      }
    >
      {(h) => <MinutesEditor handle={h()} />}
    </Show>
  );
}

function MinutesEditor(props: { handle: SessionHandle }) {
  const [minutesLang, setMinutesLang] = createSignal<Lang>(lang());
  const [withCode, setWithCode] = createSignal(false);
  // eslint-disable-next-line solid/reactivity -- the handle is fixed for this view; state is a reactive store
  const s = props.handle.state;
  // Follow-ups as the community's register has them now (a locked session shows what it froze).
  const minutes = createMemo(() =>
    buildMinutes(
      { ...s, followUps: joinFollowUps(s.followUps, props.handle.community()?.matters() ?? []) },
      minutesLang(),
    ),
  );
  const base = () =>
    `${s.meta.title || "minutes"}${minutes().status === "final" ? "" : `-${minutes().text.draft}`}`;
  // eslint-disable-next-line solid/reactivity -- the actions object never changes
  const actions = props.handle.actions;

  const exportDocx = async () => {
    try {
      const { minutesToDocx } = await import("../../export/docx.ts");
      download(
        `${base()}.docx`,
        await minutesToDocx(minutes()),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
    } catch (error) {
      reportError(error);
    }
  };

  // Chat apps show Markdown's marks as they are: the minutes go there as plain text.
  const [manualCopy, setManualCopy] = createSignal<string | null>(null);
  const copyAsText = async () => {
    const text = minutesToText(minutes());
    const copied = await copyText(text);
    setManualCopy(copied ? null : text);
    notify(copied ? { kind: "info", key: "notice.copied" } : { kind: "error", key: "notice.copyFailed" });
  };

  return (
    <main class="page minutes-page">
      <header class="page-header no-print">
        <button type="button" onClick={() => go({ page: "session", id: props.handle.id })}>
          {t("action.back")}
        </button>
        <h1>{t("minutes.heading")}</h1>
      </header>
      <section class="card no-print" aria-label={t("minutes.controls")}>
        <div class="row wrap">
          <label>
            {t("minutes.language")}
            <select
              value={minutesLang()}
              onChange={(e) => {
                const next = e.currentTarget.value as Lang;
                // The minutes' language may not be the UI's: its dictionary is loaded first.
                void loadLang(next).then(() => setMinutesLang(next));
              }}
            >
              <For each={LANGS}>{(l) => <option value={l}>{t(`lang.${l}`)}</option>}</For>
            </select>
          </label>
          <button type="button" class="primary" onClick={() => window.print()}>
            {t("minutes.print")}
          </button>
          <button type="button" onClick={() => void exportDocx()}>
            {t("minutes.docx")}
          </button>
          <button
            type="button"
            onClick={() =>
              download(`${base()}.md`, minutesToMarkdown(minutes()), "text/markdown;charset=utf-8")
            }
          >
            {t("minutes.markdown")}
          </button>
          <button type="button" onClick={() => void copyAsText()}>
            {t("minutes.copyText")}
          </button>
          <button
            type="button"
            onClick={() =>
              download(`${base()}-followups.csv`, followUpsCsv(minutes()), "text/csv;charset=utf-8")
            }
          >
            {t("minutes.csv")}
          </button>
          <button
            type="button"
            onClick={async () =>
              download(
                `${base()}.yishi.json`,
                await props.handle.exportArchive({ withShareCode: withCode() }),
                "application/json",
              )
            }
          >
            {t("minutes.archive")}
          </button>
          <Show when={props.handle.sync.code()}>
            <label class="choice">
              <input
                type="checkbox"
                checked={withCode()}
                onChange={(e) => setWithCode(e.currentTarget.checked)}
              />
              {t("minutes.archiveWithCode")}
            </label>
          </Show>
        </div>
        <Show when={manualCopy()}>
          {(text) => (
            <label>
              {t("minutes.textCopy")}
              <textarea
                class="copy-text"
                readOnly
                rows={8}
                value={text()}
                onFocus={(e) => e.currentTarget.select()}
              />
            </label>
          )}
        </Show>
        <Show
          when={s.lock}
          fallback={
            <div class="row wrap">
              <p class="muted">{t("minutes.draftHint")}</p>
              <button
                type="button"
                class="primary"
                onClick={() =>
                  actions.minutes.lockMinutes(
                    Date.now(),
                    joinFollowUps(s.followUps, props.handle.community()?.matters() ?? []),
                  )
                }
              >
                {t("minutes.lock")}
              </button>
            </div>
          }
        >
          {(lock) => (
            <div class="row wrap">
              <p role="status">
                {t("minutes.lockedBanner", {
                  by: lock().by || "—",
                  at: formatDateTime(lock().at, { timeZone: s.meta.timeZone }),
                })}
              </p>
              <button type="button" onClick={() => actions.minutes.reopenMinutes()}>
                {t("minutes.reopen")}
              </button>
            </div>
          )}
        </Show>
        <label for="minutes-text">{t("minutes.amendments")}</label>
        <SyncedTextarea
          id="minutes-text"
          label={t("minutes.amendments")}
          rows={5}
          value={s.minutes}
          readOnly={s.lock !== null}
          onChange={(v) => actions.minutes.setMinutesText(v) !== undefined}
          caret={props.handle.caret("minutes")}
        />
      </section>
      <MinutesView minutes={minutes()} />
    </main>
  );
}
