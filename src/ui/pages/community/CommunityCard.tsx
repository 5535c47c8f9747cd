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
        <a class="community-card-name" href={routeHash({ page: "community", id: props.row.id })}>
          {props.row.name}
        </a>
      </h3>
      <Show when={handle()}>{(h) => <Counts handle={h()} name={props.row.name} />}</Show>
      <Show when={communities.sync(props.row.id)}>
        {(sync) => <p class="muted">{t("pair.statusLine", { status: syncStatusText(sync().status()) })}</p>}
      </Show>
      <Show when={communities.relay(props.row.id)}>
        {(relay) => <p class="muted">{t(`relay.state.${relay().state()}`)}</p>}
      </Show>
    </li>
  );
}

/** The register's counts as chips, each opening the register with its filter; each names its community. */
function Counts(props: { handle: CommunityHandle; name: string }) {
  const today = createToday(() => props.handle.state.meta.timeZone);
  const counts = createRegisterCounts(() => props.handle.matters(), today);
  const href = (filter: Parameters<typeof filterToSearch>[0]) =>
    routeHash({ page: "register", id: props.handle.id, search: filterToSearch(filter) });
  const Chip = (chip: { filter: Parameters<typeof filterToSearch>[0]; label: string; class?: string }) => (
    <a
      class={`count-chip ${chip.class ?? ""}`}
      href={href(chip.filter)}
      aria-label={t("home.community.countOf", { label: chip.label, name: props.name })}
    >
      {chip.label}
    </a>
  );
  return (
    <p class="count-chips">
      <Chip
        class="open"
        filter={{ statuses: ["open", "inProgress", "escalated", "acknowledged"] }}
        label={t("community.openMatters", { n: counts().open })}
      />
      <Show when={counts().overdue > 0}>
        <Chip
          class="overdue"
          filter={{ overdue: true }}
          label={t("community.overdueMatters", { n: counts().overdue })}
        />
      </Show>
      <Show when={counts().ackOverdue > 0}>
        <Chip
          class="overdue"
          filter={{ ackOverdue: true }}
          label={t("community.ackOverdueMatters", { n: counts().ackOverdue })}
        />
      </Show>
      <Chip filter={{}} label={t("community.allMatters", { n: props.handle.matters().length })} />
    </p>
  );
}
