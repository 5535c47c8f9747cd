import { createResource, For, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { formatShareCode, shareLink } from "../../../sync/shareCode.ts";
import { useSession } from "./sessionContext.ts";

/** The join code, its QR code and link, and who is connected. */
export function SharePanel(props: { onClose: () => void }) {
  const { handle } = useSession();
  const sync = handle.sync;
  const link = () => {
    const code = sync.code();
    return code ? shareLink(location.origin, code) : "";
  };
  // The QR writer is loaded only when a session is shared.
  const [qr] = createResource(link, async (url) => {
    const svg = await (await import("qrcode")).toString(url, { type: "svg", margin: 1 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
  return (
    <section class="card share-panel" aria-labelledby="share-heading">
      <div class="panel-head">
        <h2 id="share-heading">{t("share.heading")}</h2>
        <button type="button" onClick={() => props.onClose()}>
          {t("action.close")}
        </button>
      </div>
      <Show when={sync.code()} fallback={<p role="status">{t("app.loading")}</p>}>
        {(code) => (
          <div class="share-body">
            <div>
              <p>{t("share.instructions")}</p>
              <p>
                {t("share.codeIntro")}
                <strong class="share-code">{formatShareCode(code())}</strong>
              </p>
              <p class="share-link">
                <a href={link()}>{link()}</a>
              </p>
            </div>
            <Show when={qr()}>{(src) => <img class="qr" src={src()} alt={t("share.qrLabel")} />}</Show>
          </div>
        )}
      </Show>
      <Show when={sync.wrongKey()}>
        <p class="error" role="alert">
          {t("sync.wrongKey")}
        </p>
      </Show>
      <h3>{t("presence.heading")}</h3>
      <ul class="presence">
        <For each={sync.presence()}>
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
    </section>
  );
}
