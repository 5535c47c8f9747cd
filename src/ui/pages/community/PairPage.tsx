import { createSignal, Show, untrack } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { pairCommunity } from "../../../reactive/pairCommunity.ts";
import type { CommunityRole } from "../../../persistence/communities.ts";
import { deviceName } from "../../../sync/deviceSettings.ts";
import type { SyncStatus } from "../../../sync/peerSync.ts";
import { parseShareCode } from "../../../sync/shareCode.ts";
import { formatInvitationCode, parseInvitationCode } from "../../../sync/invitation.ts";
import { useApp } from "../../appContext.ts";
import { go } from "../../router.ts";
import { createJoinAttempt, joinRefusal } from "../../joinAttempt.ts";
import {
  COMMUNITY_ROLES,
  CommunityRoleChoice,
  DeviceNameField,
  JoinButtons,
  JoinProblem,
} from "../../components/JoinFields.tsx";

/** Pairing this tablet with a community once: the code (from the link or typed), a role and a name. */
export function PairPage(props: { code: string }) {
  const { db, communities } = useApp();
  // The code from the link is only the starting value of the field.
  const initial = untrack(() => props.code);
  const parsed = parseInvitationCode(initial);
  const [code, setCode] = createSignal(parsed ? formatInvitationCode(parsed) : initial);
  const [role, setRole] = createSignal<CommunityRole>("gridWorker");
  const [name, setName] = createSignal(deviceName());
  const [status, setStatus] = createSignal<SyncStatus | null>(null);
  const attempt = createJoinAttempt();

  const pair = (e: Event) => {
    e.preventDefault();
    const typed = code();
    const chosen = role();
    // A pairing code of an earlier version names the room but admits no one.
    if (parseShareCode(typed)) return attempt.setProblem("access.oldCode");
    if (!parseInvitationCode(typed)) return attempt.setProblem("join.badCode");
    void attempt.run(
      name(),
      async (signal) => {
        const id = await pairCommunity(db, communities, typed, { role: chosen, onStatus: setStatus, signal });
        return { page: "community", id };
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
        <JoinProblem problem={attempt.problem()} />
        <Show when={attempt.busy()}>
          <p role="status">{status()?.state === "connected" ? t("pair.receiving") : t("join.searching")}</p>
        </Show>
        <JoinButtons label={t("pair.joinAction")} busy={attempt.busy()} onCancel={attempt.cancel} />
      </form>
    </main>
  );
}
