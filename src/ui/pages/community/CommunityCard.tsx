import { createResource, Show } from "solid-js";
import { filterToSearch } from "../../../doc/community/registerQuery.ts";
import { t } from "../../../i18n/i18n.ts";
import type { CommunityHandle } from "../../../reactive/communityHandle.ts";
import type { CommunityRow } from "../../../persistence/communities.ts";
import { useApp } from "../../appContext.ts";
import { createRegisterCounts, createToday } from "../../matterQuery.ts";
import { routeHash } from "../../router.ts";
import { syncStatusText } from "../../syncText.ts";

/** A community on the home screen: its register at a glance (open, overdue) and whether it is paired. */
export function CommunityCard(props: { row: CommunityRow }) {
  const { communities } = useApp();
  const [handle] = createResource(
    () => props.row.id,
    (id) => communities.open(id),
  );
  return (
    <li class="card community-card">
      <h3>
        <a href={routeHash({ page: "community", id: props.row.id })}>{props.row.name}</a>
      </h3>
      <Show when={handle()}>{(h) => <Counts handle={h()} />}</Show>
      <Show when={communities.sync(props.row.id)}>
        {(sync) => <p class="muted">{t("pair.statusLine", { status: syncStatusText(sync().status()) })}</p>}
      </Show>
      <Show when={communities.relay(props.row.id)}>
        {(relay) => <p class="muted">{t(`relay.state.${relay().state()}`)}</p>}
      </Show>
    </li>
  );
}

function Counts(props: { handle: CommunityHandle }) {
  const today = createToday(() => props.handle.state.meta.timeZone);
  const counts = createRegisterCounts(() => props.handle.matters(), today);
  const href = (filter: Parameters<typeof filterToSearch>[0]) =>
    routeHash({ page: "register", id: props.handle.id, search: filterToSearch(filter) });
  return (
    <p class="row wrap">
      <a href={href({})}>{t("community.allMatters", { n: props.handle.matters().length })}</a>
      <a href={href({ statuses: ["open", "inProgress", "escalated", "acknowledged"] })}>
        {t("community.openMatters", { n: counts().open })}
      </a>
      <Show when={counts().overdue > 0}>
        <a class="overdue" href={href({ overdue: true })}>
          {t("community.overdueMatters", { n: counts().overdue })}
        </a>
      </Show>
      <Show when={counts().ackOverdue > 0}>
        <a class="overdue" href={href({ ackOverdue: true })}>
          {t("community.ackOverdueMatters", { n: counts().ackOverdue })}
        </a>
      </Show>
    </p>
  );
}
