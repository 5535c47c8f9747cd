import { createSignal, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import { reportError } from "../../../reactive/notices.ts";
import { lastSeen } from "./lastSeen.ts";
import { holdsOnlyCopy, ONLY_COPY_DAYS, otherTablets } from "./onlyCopy.ts";

/**
 * The warning that nothing else keeps this community (no relay, no other tablet seen lately), with its
 * backup one tap away. Tablets online now count as seen now.
 */
export function OnlyCopyWarning(props: {
  communityId: string;
  name: string;
  /** A relay is set for the community on this tablet. */
  relay: boolean;
  members: readonly { device: string; removed: boolean }[];
  /** This tablet's device id (null while unknown). */
  self: string | null;
  /** Devices online now. */
  online: readonly string[];
  onExport(): Promise<void>;
}) {
  const [busy, setBusy] = createSignal(false);
  const only = () =>
    holdsOnlyCopy({
      relay: props.relay,
      others: otherTablets(props.members, props.self),
      seenAt: (device) => (props.online.includes(device) ? Date.now() : lastSeen(props.communityId, device)),
      now: Date.now(),
    });
  const backup = () => {
    setBusy(true);
    props
      .onExport()
      .catch(reportError)
      .finally(() => setBusy(false));
  };
  return (
    <Show when={only()}>
      <section class="card only-copy" role="alert" aria-labelledby="only-copy-heading">
        <h2 id="only-copy-heading">{t("keep.onlyCopy.heading")}</h2>
        <p>{t("keep.onlyCopy.explain", { days: ONLY_COPY_DAYS })}</p>
        <button
          type="button"
          class="primary"
          disabled={busy()}
          aria-label={t("keep.exportOf", { name: props.name })}
          onClick={backup}
        >
          {busy() ? t("keep.exporting") : t("keep.export")}
        </button>
      </section>
    </Show>
  );
}
