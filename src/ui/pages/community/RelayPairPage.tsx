import { createSignal, Show, untrack } from "solid-js";
import { isInsecureRelay } from "../../../persistence/communities.ts";
import { t } from "../../../i18n/i18n.ts";
import { pairThroughRelay, RelayPairError } from "../../../reactive/pairThroughRelay.ts";
import type { CommunityRole } from "../../../persistence/communities.ts";
import { deviceName } from "../../../sync/deviceSettings.ts";
import type { RelayState } from "../../../sync/relaySync.ts";
import { useApp } from "../../appContext.ts";
import { parseRelayPairing } from "../../relayLink.ts";
import { go } from "../../router.ts";
import { createJoinAttempt } from "../../joinAttempt.ts";
import {
  COMMUNITY_ROLES,
  CommunityRoleChoice,
  DeviceNameField,
  JoinButtons,
  JoinProblem,
} from "../../components/JoinFields.tsx";

/** Pairing this tablet with a community through its relay, from the link a paired tablet shows. */
export function RelayPairPage(props: { communityId: string; search: string }) {
  const { db, communities } = useApp();
  const pairing = untrack(() => parseRelayPairing(props.communityId, props.search));
  // A display's link holds only the read-only token: the tablet can only be a display.
  const [role, setRole] = createSignal<CommunityRole>(pairing?.setting.readOnly ? "display" : "gridWorker");
  const [name, setName] = createSignal(deviceName());
  const [state, setState] = createSignal<RelayState | null>(null);
  // An unencrypted ws:// relay on another device is refused (anyone on the way could read and rewrite).
  const insecure = pairing !== null && isInsecureRelay(pairing.setting.url);
  const attempt = createJoinAttempt(!pairing ? "relayPair.badLink" : insecure ? "relay.insecure" : null);

  const join = async (e: Event) => {
    e.preventDefault();
    if (!pairing || insecure) return;
    const { communityId, setting } = pairing;
    const chosen = role();
    await attempt.run(
      name(),
      async (signal) => {
        const id = await pairThroughRelay(db, communities, communityId, setting, {
          role: chosen,
          onState: setState,
          signal,
        });
        return { page: "community", id };
      },
      (error) =>
        error instanceof RelayPairError
          ? error.reason === "cancelled"
            ? null
            : `relayPair.${error.reason}`
          : undefined,
    );
    setState(null);
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
        <JoinProblem problem={attempt.problem()} />
        <Show when={attempt.busy()}>
          <p role="status">
            {state() === "connected" ? t("relayPair.receiving") : t("relayPair.connecting")}
          </p>
        </Show>
        <Show when={pairing && !insecure}>
          <JoinButtons label={t("relayPair.action")} busy={attempt.busy()} onCancel={attempt.cancel} />
        </Show>
      </form>
    </main>
  );
}
