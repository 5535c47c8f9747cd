import { createSignal, onCleanup, Show, untrack } from "solid-js";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { reportError } from "../../../reactive/notices.ts";
import { pairThroughRelay, RelayPairError } from "../../../reactive/pairThroughRelay.ts";
import type { CommunityRole } from "../../../persistence/communities.ts";
import { deviceName, setDeviceName } from "../../../sync/deviceSettings.ts";
import type { RelayState } from "../../../sync/relaySync.ts";
import { useApp } from "../../appContext.ts";
import { parseRelayPairing } from "../../relayLink.ts";
import { go } from "../../router.ts";
import {
  COMMUNITY_ROLES,
  CommunityRoleChoice,
  DeviceNameField,
  JoinButtons,
  JoinProblem,
} from "../../components/JoinFields.tsx";

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
              <CommunityRoleChoice
                roles={p().setting.readOnly ? (["display"] as const) : COMMUNITY_ROLES}
                role={role()}
                onChange={setRole}
              />
              <DeviceNameField value={name()} onInput={setName} />
            </>
          )}
        </Show>
        <JoinProblem problem={problem()} />
        <Show when={busy()}>
          <p role="status">
            {state() === "connected" ? t("relayPair.receiving") : t("relayPair.connecting")}
          </p>
        </Show>
        <Show when={pairing}>
          <JoinButtons label={t("relayPair.action")} busy={busy()} onCancel={() => abort?.abort()} />
        </Show>
      </form>
    </main>
  );
}
