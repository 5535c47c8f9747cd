import { createSignal, For, Show, untrack } from "solid-js";
import { t } from "../../i18n/i18n.ts";
import { joinSession } from "../../reactive/joinSession.ts";
import { deviceName, ROLES, type Role } from "../../sync/deviceSettings.ts";
import type { SyncStatus } from "../../sync/peerSync.ts";
import { formatShareCode, parseShareCode } from "../../sync/shareCode.ts";
import { useApp } from "../appContext.ts";
import { go } from "../router.ts";
import { createJoinAttempt, joinRefusal } from "../joinAttempt.ts";
import { DeviceNameField, JoinButtons, JoinProblem } from "../components/JoinFields.tsx";

/**
 * Joining a session shared from another tablet: the code (from the link or typed), a role and a name. A
 * display code (no write secret) joins as the residents' screen: there is no role to choose.
 */
export function JoinPage(props: { code: string }) {
  const { db } = useApp();
  // The code from the link is only the starting value of the field.
  const initial = untrack(() => props.code);
  const parsed = parseShareCode(initial);
  const [code, setCode] = createSignal(parsed ? formatShareCode(parsed) : initial);
  const [role, setRole] = createSignal<Role>("secretary");
  const [name, setName] = createSignal(deviceName());
  const [status, setStatus] = createSignal<SyncStatus | null>(null);
  const attempt = createJoinAttempt();
  const displayOnly = () => {
    const typed = parseShareCode(code());
    return typed !== null && !typed.write;
  };

  const join = (e: Event) => {
    e.preventDefault();
    const typed = code();
    const chosen = displayOnly() ? "display" : role();
    if (!parseShareCode(typed)) return attempt.setProblem("join.badCode");
    void attempt.run(
      name(),
      async (signal) => {
        const id = await joinSession(db, typed, { role: chosen, onStatus: setStatus, signal });
        return { page: "session", id };
      },
      joinRefusal,
    );
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
        <Show when={!displayOnly()} fallback={<p class="muted">{t("shareAccess.displayOnly")}</p>}>
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
        </Show>
        <DeviceNameField value={name()} onInput={setName} />
        <JoinProblem problem={attempt.problem()} />
        <Show when={attempt.busy()}>
          <p role="status">{status()?.state === "connected" ? t("join.receiving") : t("join.searching")}</p>
        </Show>
        <JoinButtons label={t("join.action")} busy={attempt.busy()} onCancel={attempt.cancel} />
      </form>
    </main>
  );
}
