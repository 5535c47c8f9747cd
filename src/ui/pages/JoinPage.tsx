import { createSignal, For, onCleanup, Show, untrack } from "solid-js";
import { t, type MessageKey } from "../../i18n/i18n.ts";
import { joinSession, JoinError } from "../../reactive/joinSession.ts";
import { reportError } from "../../reactive/notices.ts";
import { deviceName, ROLES, setDeviceName, type Role } from "../../sync/deviceSettings.ts";
import type { SyncStatus } from "../../sync/peerSync.ts";
import { formatShareCode, parseShareCode } from "../../sync/shareCode.ts";
import { useApp } from "../appContext.ts";
import { go } from "../router.ts";
import { DeviceNameField, JoinButtons, JoinProblem } from "../components/JoinFields.tsx";

/** Joining a session shared from another tablet: the code (from the link or typed), a role and a name. */
export function JoinPage(props: { code: string }) {
  const { db, catalogue } = useApp();
  // The code from the link is only the starting value of the field.
  const initial = untrack(() => props.code);
  const parsed = parseShareCode(initial);
  const [code, setCode] = createSignal(parsed ? formatShareCode(parsed) : initial);
  const [role, setRole] = createSignal<Role>("secretary");
  const [name, setName] = createSignal(deviceName());
  const [status, setStatus] = createSignal<SyncStatus | null>(null);
  const [joining, setJoining] = createSignal(false);
  const [problem, setProblem] = createSignal<MessageKey | null>(null);
  let abort: AbortController | null = null;
  onCleanup(() => abort?.abort());

  const join = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    if (!parseShareCode(code())) return setProblem("join.badCode");
    setDeviceName(name());
    abort = new AbortController();
    setJoining(true);
    try {
      const id = await joinSession(db, code(), { role: role(), onStatus: setStatus, signal: abort.signal });
      await catalogue.refresh();
      go({ page: "session", id });
    } catch (error) {
      if (error instanceof JoinError) {
        if (error.reason !== "cancelled") setProblem(`join.${error.reason}`);
      } else reportError(error);
    } finally {
      setJoining(false);
    }
  };

  return (
    <main class="page">
      <header class="page-header">
        <button type="button" onClick={() => go({ page: "home" })}>
          {t("action.back")}
        </button>
        <h1>{t("join.heading")}</h1>
      </header>
      <form class="card form" aria-label={t("join.heading")} onSubmit={join} novalidate>
        <label>
          {t("field.shareCode")}
          <input
            value={code()}
            autocomplete="off"
            autocapitalize="characters"
            class="code-input"
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{t("join.role")}</legend>
          <For each={ROLES}>
            {(r) => (
              <label class="choice">
                <input type="radio" name="role" checked={role() === r} onChange={() => setRole(r)} />
                {t(`role.${r}`)} — {t(`role.${r}.hint`)}
              </label>
            )}
          </For>
        </fieldset>
        <DeviceNameField value={name()} onInput={setName} />
        <JoinProblem problem={problem()} />
        <Show when={joining()}>
          <p role="status">{status()?.state === "connected" ? t("join.receiving") : t("join.searching")}</p>
        </Show>
        <JoinButtons label={t("join.action")} busy={joining()} onCancel={() => abort?.abort()} />
      </form>
    </main>
  );
}
