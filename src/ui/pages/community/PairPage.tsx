import { createSignal, For, onCleanup, Show, untrack } from "solid-js";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { JoinError } from "../../../reactive/joinSession.ts";
import { reportError } from "../../../reactive/notices.ts";
import { pairCommunity } from "../../../reactive/pairCommunity.ts";
import type { CommunityRole } from "../../../persistence/communities.ts";
import { deviceName, setDeviceName } from "../../../sync/deviceSettings.ts";
import type { SyncStatus } from "../../../sync/peerSync.ts";
import { formatShareCode, parseShareCode } from "../../../sync/shareCode.ts";
import { useApp } from "../../appContext.ts";
import { go } from "../../router.ts";

const ROLES: readonly CommunityRole[] = ["facilitator", "secretary", "gridWorker", "display"];

/** Pairing this tablet with a community once: the code (from the link or typed), a role and a name. */
export function PairPage(props: { code: string }) {
  const { db, communities, catalogue } = useApp();
  // The code from the link is only the starting value of the field.
  const initial = untrack(() => props.code);
  const parsed = parseShareCode(initial);
  const [code, setCode] = createSignal(parsed ? formatShareCode(parsed) : initial);
  const [role, setRole] = createSignal<CommunityRole>("gridWorker");
  const [name, setName] = createSignal(deviceName());
  const [status, setStatus] = createSignal<SyncStatus | null>(null);
  const [pairing, setPairing] = createSignal(false);
  const [problem, setProblem] = createSignal<MessageKey | null>(null);
  let abort: AbortController | null = null;
  onCleanup(() => abort?.abort());

  const pair = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    if (!parseShareCode(code())) return setProblem("join.badCode");
    setDeviceName(name());
    abort = new AbortController();
    setPairing(true);
    try {
      const id = await pairCommunity(db, communities, code(), {
        role: role(),
        onStatus: setStatus,
        signal: abort.signal,
      });
      await catalogue.refresh();
      go({ page: "community", id });
    } catch (error) {
      if (error instanceof JoinError) {
        if (error.reason !== "cancelled") setProblem(`join.${error.reason}`);
      } else reportError(error);
    } finally {
      setPairing(false);
    }
  };

  return (
    <main class="page">
      <header class="page-header">
        <button type="button" onClick={() => go({ page: "home" })}>
          {t("action.back")}
        </button>
        <h1>{t("pair.joinHeading")}</h1>
      </header>
      <form class="card form" aria-label={t("pair.joinHeading")} onSubmit={pair} novalidate>
        <p>{t("pair.joinExplain")}</p>
        <label>
          {t("pair.codeLabel")}
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
                {t(`communityRole.${r}`)}
              </label>
            )}
          </For>
        </fieldset>
        <label>
          {t("field.deviceName")}
          <input
            value={name()}
            placeholder={t("join.namePlaceholder")}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <Show when={problem()}>
          {(key) => (
            <p class="error" role="alert">
              {t(key())}
            </p>
          )}
        </Show>
        <Show when={pairing()}>
          <p role="status">{status()?.state === "connected" ? t("pair.receiving") : t("join.searching")}</p>
        </Show>
        <div class="row">
          <button type="submit" class="primary" disabled={pairing()}>
            {t("pair.joinAction")}
          </button>
          <Show when={pairing()}>
            <button type="button" onClick={() => abort?.abort()}>
              {t("action.cancel")}
            </button>
          </Show>
        </div>
      </form>
    </main>
  );
}
