import { createResource, For, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { displayCodeOf, formatShareCode, shareLink, type ShareCode } from "../../../sync/shareCode.ts";
import { useSession } from "./sessionContext.ts";

const WORDS = {
  staff: {
    heading: "shareAccess.staffHeading",
    explain: "shareAccess.staffExplain",
    link: "shareAccess.staffLink",
    qr: "shareAccess.staffQr",
    classes: { code: "share-code", link: "share-link", qr: "qr" },
  },
  display: {
    heading: "shareAccess.displayHeading",
    explain: "shareAccess.displayExplain",
    link: "shareAccess.displayLink",
    qr: "shareAccess.displayQr",
    classes: { code: "display-code", link: "display-link", qr: "qr-display" },
  },
} as const;

/** One form of the code: heading, what it allows, the code, its link and the link's QR code. */
function CodeForm(props: { kind: "staff" | "display"; code: ShareCode }) {
  const words = () => WORDS[props.kind];
  const link = () => shareLink(location.origin, props.code);
  // The QR writer is loaded only when a session is shared.
  const [qr] = createResource(link, async (url) => {
    const svg = await (await import("qrcode")).toString(url, { type: "svg", margin: 1 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
  const headingId = () => `share-${props.kind}-heading`;
  return (
    <section class="share-body" aria-labelledby={headingId()}>
      <div>
        <h3 id={headingId()}>{t(words().heading)}</h3>
        <p>{t(words().explain)}</p>
        <p>
          {t("share.codeIntro")}
          <strong class={words().classes.code}>{formatShareCode(props.code)}</strong>
        </p>
        <p class={words().classes.link}>
          <a href={link()} aria-label={`${t(words().link)}: ${link()}`}>
            {link()}
          </a>
        </p>
      </div>
      <Show when={qr()}>{(src) => <img class={words().classes.qr} src={src()} alt={t(words().qr)} />}</Show>
    </section>
  );
}

/** The session's two codes (for staff tablets, for the residents' screen), and who is connected. */
export function SharePanel(props: { onClose: () => void; upgraded?: boolean }) {
  const { handle } = useSession();
  const sync = handle.sync;
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
          <>
            <p>{t("share.instructions")}</p>
            <Show when={props.upgraded && code().write}>
              <p class="banner" role="status">
                {t("shareAccess.upgraded")}
              </p>
            </Show>
            <Show when={code().write}>
              <CodeForm kind="staff" code={code()} />
            </Show>
            <CodeForm kind="display" code={displayCodeOf(code())} />
          </>
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
