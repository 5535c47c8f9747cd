import { createSignal, For, onCleanup, Show, untrack } from "solid-js";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { reportError } from "../../../reactive/notices.ts";
import { pairThroughRelay, RelayPairError } from "../../../reactive/pairThroughRelay.ts";
import type { CommunityRole } from "../../../persistence/communities.ts";
import { deviceName, setDeviceName } from "../../../sync/deviceSettings.ts";
import type { RelayState } from "../../../sync/relaySync.ts";
import { useApp } from "../../appContext.ts";
import { parseRelayPairing } from "../../relayLink.ts";
import { go } from "../../router.ts";

const ROLES: readonly CommunityRole[] = ["facilitator", "secretary", "gridWorker", "display"];

/** Pairing this tablet with a community through its relay, from the link a paired tablet shows. */
export function RelayPairPage(props: { communityId: string; search: string }) {
  const { db, communities, catalogue } = useApp();
  const pairing = untrack(() => parseRelayPairing(props.communityId, props.search));
  // A display's link holds only the read-only token: the tablet can only be a display.
  const [role, setRole] = createSignal<CommunityRole>(pairing?.setting.readOnly ? "display" : "gridWorker");
  const [name, setName] = createSignal(deviceName());
  const [state, setState] = createSignal<RelayState | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<MessageKey | null>(pairing ? null : "relayPair.badLink");
  let abort: AbortController | null = null;
  onCleanup(() => abort?.abort());

  const join = async (e: Event) => {
    e.preventDefault();
    if (!pairing) return;
    setProblem(null);
    setDeviceName(name());
    abort = new AbortController();
    setBusy(true);
    try {
      const id = await pairThroughRelay(db, communities, pairing.communityId, pairing.setting, {
        role: role(),
        onState: setState,
        signal: abort.signal,
      });
      await catalogue.refresh();
      go({ page: "community", id });
    } catch (error) {
      if (error instanceof RelayPairError) {
        if (error.reason !== "cancelled") setProblem(`relayPair.${error.reason}`);
      } else reportError(error);
    } finally {
      setBusy(false);
      setState(null);
    }
  };

  return (
    <main class="page">
      <header class="page-header">
        <button type="button" onClick={() => go({ page: "home" })}>
          {t("action.back")}
        </button>
        <h1>{t("relayPair.heading")}</h1>
      </header>
      <form class="card form" aria-label={t("relayPair.heading")} onSubmit={join} novalidate>
        <Show when={pairing}>
          {(p) => (
            <>
              <p>{t("relayPair.explain", { community: p().name || p().communityId })}</p>
              <p class="muted">{t("relay.using", { url: p().setting.url })}</p>
              <fieldset>
                <legend>{t("join.role")}</legend>
                <For each={p().setting.readOnly ? (["display"] as const) : ROLES}>
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
            </>
          )}
        </Show>
        <Show when={problem()}>
          {(key) => (
            <p class="error" role="alert">
              {t(key())}
            </p>
          )}
        </Show>
        <Show when={busy()}>
          <p role="status">
            {state() === "connected" ? t("relayPair.receiving") : t("relayPair.connecting")}
          </p>
        </Show>
        <Show when={pairing}>
          <div class="row">
            <button type="submit" class="primary" disabled={busy()}>
              {t("relayPair.action")}
            </button>
            <Show when={busy()}>
              <button type="button" onClick={() => abort?.abort()}>
                {t("action.cancel")}
              </button>
            </Show>
          </div>
        </Show>
      </form>
    </main>
  );
}
