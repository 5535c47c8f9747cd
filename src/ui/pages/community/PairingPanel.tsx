import { createResource, For, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import type { CommunitySync } from "../../../reactive/communitySync.ts";
import { parseShareCode } from "../../../sync/shareCode.ts";
import { syncStatusText } from "../../syncText.ts";

/** The community's pairing: its code, the QR of the pairing link, the tablets in its room. */
export function PairingPanel(props: { code: string | null; sync: CommunitySync | null; onPair: () => void }) {
  const link = () => (props.code ? `${location.origin}/#/pair/${props.code}` : "");
  // The QR writer is loaded only when the code is shown.
  const [qr] = createResource(link, async (url) => {
    const svg = await (await import("qrcode")).toString(url, { type: "svg", margin: 1 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
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
      <Show
        when={props.code && parseShareCode(props.code)}
        fallback={
          <>
            <p>{t("pair.explain")}</p>
            <button type="button" class="primary" onClick={() => props.onPair()}>
              {t("pair.start")}
            </button>
          </>
        }
      >
        <div class="share-body">
          <div>
            <p>{t("pair.instructions")}</p>
            <p class="share-code">
              <span class="visually-hidden">{t("pair.codeLabel")} </span>
              {props.code}
            </p>
            <p class="share-link">
              <a href={link()}>{link()}</a>
            </p>
          </div>
          <Show when={qr()}>{(src) => <img class="qr" src={src()} alt={t("pair.qrLabel")} />}</Show>
        </div>
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
