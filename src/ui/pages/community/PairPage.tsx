import { createSignal, onCleanup, Show, untrack } from "solid-js";
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
import {
  COMMUNITY_ROLES,
  CommunityRoleChoice,
  DeviceNameField,
  JoinButtons,
  JoinProblem,
} from "../../components/JoinFields.tsx";

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
        <CommunityRoleChoice roles={COMMUNITY_ROLES} role={role()} onChange={setRole} />
        <DeviceNameField value={name()} onInput={setName} />
        <JoinProblem problem={problem()} />
        <Show when={pairing()}>
          <p role="status">{status()?.state === "connected" ? t("pair.receiving") : t("join.searching")}</p>
        </Show>
        <JoinButtons label={t("pair.joinAction")} busy={pairing()} onCancel={() => abort?.abort()} />
      </form>
    </main>
  );
}
