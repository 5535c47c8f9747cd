import { For, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import type { CommunitySync } from "../../../reactive/communitySync.ts";
import type { CommunityMembers } from "../../../reactive/communityMembers.ts";
import { parseShareCode } from "../../../sync/shareCode.ts";
import { syncStatusText } from "../../syncText.ts";
import { InvitePanel } from "./InvitePanel.tsx";

/**
 * The community's pairing: on a staff tablet, invitations (code, link, QR); the tablets in its room. A
 * display shows no code and no invitation: what it holds lets it read, never bring a tablet in.
 */
export function PairingPanel(props: {
  members: CommunityMembers;
  display: boolean;
  code: string | null;
  sync: CommunitySync | null;
  onPair: () => void;
}) {
  const unlisted = () => props.display && !props.members.listed();
  return (
    <section class="card pairing" aria-labelledby="pairing-heading">
      <div class="panel-head">
        <h2 id="pairing-heading">{t("pair.heading")}</h2>
        <Show when={props.sync}>
          {(sync) => (
            <p class={`sync-state ${sync().status()?.state ?? "local"}`} role="status">
              {syncStatusText(sync().status())}
            </p>
          )}
        </Show>
      </div>
      <Show when={props.display}>
        <p>{t("access.displayNoInvite")}</p>
        <Show when={unlisted()}>
          <p class="error" role="alert">
            {t("access.repairDisplay")}
          </p>
        </Show>
      </Show>
      <Show when={!props.display}>
        <Show
          when={props.code ? parseShareCode(props.code) : null}
          fallback={
            <>
              <p>{t("pair.explain")}</p>
              <button type="button" class="primary" onClick={() => props.onPair()}>
                {t("pair.start")}
              </button>
            </>
          }
        >
          {(code) => <InvitePanel code={code()} members={props.members} self={props.sync?.self() ?? null} />}
        </Show>
      </Show>
      <Show when={props.sync?.wrongKey()}>
        <p class="error" role="alert">
          {t("sync.wrongKey")}
        </p>
      </Show>
      <Show when={(props.sync?.presence() ?? []).length > 0}>
        <h3>{t("presence.heading")}</h3>
        <ul class="presence">
          <For each={props.sync?.presence() ?? []}>
            {(p) => (
              <li classList={{ offline: !p.online }}>
                <span class="dot" aria-hidden="true" />
                <span>{p.name || t("presence.unnamed")}</span>
                <span class="muted">
                  {t(`role.${p.role}`)} · {p.online ? t("presence.online") : t("presence.offline")}
                  {p.self ? ` · ${t("presence.thisDevice")}` : ""}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
