import { createResource, Show } from "solid-js";
import type { SessionSummary } from "../../persistence/catalogue.ts";
import { formatDate, t } from "../../i18n/i18n.ts";
import { notify } from "../../reactive/notices.ts";
import { shareCodeOf } from "../../sync/deviceSettings.ts";
import { useApp } from "../appContext.ts";
import { joinFilled } from "../labels.ts";
import { resolvedBySession } from "../sessionResolved.ts";

/**
 * A session on the home screen: its link, and Delete with Undo. A session other tablets may hold (one of a
 * community, or one shared by code) is removed from this tablet only, and the message says so.
 */
export function SessionRow(props: { session: SessionSummary; talkPointName: string; timeZone: string }) {
  const { catalogue, communities } = useApp();
  const s = () => props.session;
  // A community's session: its matters' state is the register's (the session keeps the table's).
  const [register] = createResource(
    // (A summary stored before its session learnt its community names none: its talk point's community.)
    () =>
      s().communityId ||
      catalogue.talkPoints().find((tp) => tp.id === s().talkPointId)?.communityId ||
      undefined,
    (id) => communities.open(id).catch(() => undefined),
  );
  const remove = async () => {
    const { id, title, communityId, talkPointId } = s();
    const elsewhere =
      Boolean(communityId) ||
      catalogue.talkPoints().some((tp) => tp.id === talkPointId) ||
      shareCodeOf(id) !== null;
    const undo = await catalogue.removeSession(id);
    if (!undo) return;
    notify({
      kind: "info",
      key: elsewhere ? "notice.sessionRemovedHere" : "notice.sessionDeleted",
      params: { what: title.slice(0, 40) },
      action: { key: "action.undo", run: () => void undo() },
    });
  };
  return (
    <li class="session-row">
      <a class="session-link" href={`#/session/${encodeURIComponent(s().id)}`}>
        <span class="session-title">{s().title}</span>
        <span class="muted">
          {joinFilled([formatDate(s().startsAt, props.timeZone), props.talkPointName])}
        </span>
        <span class="counts">
          <Show
            when={register()}
            fallback={t("home.counts", {
              issues: s().counts.issues,
              urgent: s().counts.urgent,
              votes: s().counts.votes,
              followUps: s().counts.followUps,
              resolved: s().counts.resolved,
            })}
          >
            {(h) =>
              t("home.countsRegister", {
                issues: s().counts.issues,
                urgent: s().counts.urgent,
                resolved: resolvedBySession(h())().get(s().id) ?? 0,
                votes: s().counts.votes,
                followUps: s().counts.followUps,
              })
            }
          </Show>
        </span>
      </a>
      <button
        type="button"
        class="danger"
        aria-label={t("session.deleteOf", { title: s().title })}
        onClick={() => void remove()}
      >
        {t("action.delete")}
      </button>
    </li>
  );
}
