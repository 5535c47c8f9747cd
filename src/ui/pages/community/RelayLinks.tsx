// Pairing another tablet through the community's relay: a link and QR code for a staff tablet and one for
// a display (which carries only the read-only token), shown once the relay accepted this tablet.
import { createResource, Show } from "solid-js";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { readOnlyToken } from "../../../sync/relayNames.ts";
import type { RelayState } from "../../../sync/relaySync.ts";
import { relayPairLink } from "../../relayLink.ts";

/**
 * The links (and their QR codes) that pair a staff tablet or a display through the relay, once the relay
 * took this tablet's token: a refused or unreachable relay offers no links (they would carry a token that
 * does not work, or lead nowhere), only what to do.
 */
export function RelayLinks(props: {
  state: RelayState;
  communityId: string;
  name: string;
  url: string;
  token: string;
}) {
  const staff = () =>
    relayPairLink({
      communityId: props.communityId,
      name: props.name,
      url: props.url,
      token: props.token,
      readOnly: false,
    });
  const display = () =>
    relayPairLink({
      communityId: props.communityId,
      name: props.name,
      url: props.url,
      token: readOnlyToken(props.token),
      readOnly: true,
    });
  return (
    <div>
      <h3>{t("relay.pairHeading")}</h3>
      <Show
        when={props.state === "connected"}
        fallback={
          <p class="relay-no-links" role={props.state === "connecting" ? "status" : "alert"}>
            {t(`relay.links.${props.state}` as MessageKey)}
          </p>
        }
      >
        <p>{t("relay.pairExplain")}</p>
        <div class="row wrap">
          <LinkQr href={staff()} label={t("relay.linkStaff")} qrLabel={t("relay.qrStaff")} />
          <LinkQr href={display()} label={t("relay.linkDisplay")} qrLabel={t("relay.qrDisplay")} />
        </div>
      </Show>
    </div>
  );
}

function LinkQr(props: { href: string; label: string; qrLabel: string }) {
  // The QR writer is loaded only when a link is shown.
  const [qr] = createResource(
    () => props.href,
    async (href) => {
      const svg = await (await import("qrcode")).toString(href, { type: "svg", margin: 1 });
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    },
  );
  return (
    <figure class="relay-link">
      <Show when={qr()}>{(src) => <img class="qr" src={src()} alt={props.qrLabel} />}</Show>
      <figcaption>
        <a href={props.href}>{props.label}</a>
      </figcaption>
    </figure>
  );
}
