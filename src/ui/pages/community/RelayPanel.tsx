import { createSignal, Show } from "solid-js";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import {
  cleanRelaySetting,
  isInsecureRelay,
  relaySocketUrl,
  type CommunityRow,
} from "../../../persistence/communities.ts";
import { useApp } from "../../appContext.ts";
import { RelayLinks } from "./RelayLinks.tsx";

/** The community's relay on this tablet: its address and token, its state, and links to pair through it. */
export function RelayPanel(props: { row: CommunityRow; readOnly: boolean }) {
  const { communities } = useApp();
  const [url, setUrl] = createSignal("");
  const [token, setToken] = createSignal("");
  const [problem, setProblem] = createSignal<MessageKey | null>(null);
  const relay = () => communities.relay(props.row.id);

  const offer = () => (props.readOnly ? null : communities.relayOffer(props.row.id));
  const connect = async (e: Event) => {
    e.preventDefault();
    if (!relaySocketUrl(url())) return setProblem("relay.badUrl");
    if (isInsecureRelay(url())) return setProblem("relay.insecure");
    const setting = cleanRelaySetting({ url: url(), token: token(), readOnly: false });
    if (!setting) return setProblem("relay.badToken");
    setProblem(null);
    if (await communities.setRelay(props.row.id, setting)) setToken("");
  };

  return (
    <section class="card relay" aria-labelledby="relay-heading">
      <div class="panel-head">
        <h2 id="relay-heading">{t("relay.heading")}</h2>
        <Show when={relay()}>
          {(r) => (
            <p class={`sync-state relay-${r().state()}`} role="status" data-relay-state={r().state()}>
              {t(`relay.state.${r().state()}`)}
            </p>
          )}
        </Show>
      </div>
      <Show when={offer()}>
        {(o) => (
          <div class="offer" role="alert">
            <p>{t("relay.offer", { url: o().url })}</p>
            <div class="row wrap">
              <button
                type="button"
                class="primary"
                onClick={() => void communities.answerRelayOffer(props.row.id, true)}
              >
                {t("relay.offerAccept", { url: o().url })}
              </button>
              <button type="button" onClick={() => void communities.answerRelayOffer(props.row.id, false)}>
                {t("relay.offerDecline", { url: o().url })}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show
        when={props.row.relay}
        fallback={
          <form class="form" aria-label={t("relay.heading")} onSubmit={connect} novalidate>
            <p>{t("relay.explain")}</p>
            <p class="muted">{t("relay.communityId", { id: props.row.id })}</p>
            <label>
              {t("relay.url")}
              <input
                value={url()}
                inputmode="url"
                autocomplete="off"
                onInput={(e) => setUrl(e.currentTarget.value)}
              />
            </label>
            <label>
              {t("relay.token")}
              <input
                value={token()}
                autocomplete="off"
                spellcheck={false}
                onInput={(e) => setToken(e.currentTarget.value)}
              />
            </label>
            <Show when={problem()}>
              {(key) => (
                <p class="error" role="alert">
                  {t(key())}
                </p>
              )}
            </Show>
            <button type="submit" class="primary">
              {t("relay.connect")}
            </button>
          </form>
        }
      >
        {(setting) => (
          <>
            <p>{t("relay.using", { url: setting().url })}</p>
            <Show when={setting().readOnly}>
              <p class="muted">{t("relay.readOnly")}</p>
            </Show>
            <Show when={!setting().readOnly && !props.readOnly}>
              <RelayLinks
                state={relay()?.state() ?? "connecting"}
                communityId={props.row.id}
                name={props.row.name}
                url={setting().url}
                token={setting().token}
              />
            </Show>
            <button type="button" onClick={() => void communities.setRelay(props.row.id, null)}>
              {t("relay.disconnect")}
            </button>
          </>
        )}
      </Show>
    </section>
  );
}
