import { createMemo, Show } from "solid-js";
import { filterFromSearch, filterToSearch, type RegisterFilter } from "../../doc/community/registerQuery.ts";
import { t } from "../../i18n/i18n.ts";
import type { CommunityHandle } from "../../reactive/communityHandle.ts";
import { useApp } from "../appContext.ts";
import { createLatest } from "../latest.ts";
import { MatterRow } from "../components/MatterRow.tsx";
import { RegisterFilters } from "../components/RegisterFilters.tsx";
import { WindowedList } from "../components/WindowedList.tsx";
import { createMatterQuery, createToday } from "../matterQuery.ts";
import { civilDateText } from "../matterText.ts";
import { replaceRoute, routeHash } from "../router.ts";
import { CommunityGate, Opening } from "./CommunityGate.tsx";

/** Height of a register row (two lines of large text and padding); the windowed list needs it fixed. */
export const REGISTER_ROW_HEIGHT = 96;

/**
 * The register (台账) of community `id`, filtered by the query part of its address (`search`). Unfiltered, a
 * cold open paints its first screen from the stored head while the workspace is still being read.
 */
export function RegisterPage(props: { id: string; search: string }) {
  const { communities } = useApp();
  const { value: head } = createLatest(
    () => props.id,
    (id) => communities.head(id),
  );
  const unfiltered = () => Object.keys(filterFromSearch(props.search)).length === 0;
  return (
    <CommunityGate
      id={props.id}
      pending={
        <Show when={unfiltered() && head()} fallback={<Opening />}>
          {(h) => (
            <RegisterView
              handle={{ id: props.id, state: h().state, matters: () => h().matters }}
              search=""
              total={h().total}
            />
          )}
        </Show>
      }
    >
      {(handle) => <RegisterView handle={handle} search={props.search} />}
    </CommunityGate>
  );
}

/** Drops cleared fields, so the address holds only the filters in use. */
function merge(filter: RegisterFilter, patch: Partial<RegisterFilter>): RegisterFilter {
  const next: Record<string, unknown> = { ...filter, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as RegisterFilter;
}

/** The register of an open community (also rendered directly by tests). */
export function RegisterView(props: {
  handle: Pick<CommunityHandle, "id" | "state" | "matters">;
  search: string;
  /** Set when the handle lists only the first rows of the default order: how many the register holds. */
  total?: number;
}) {
  // eslint-disable-next-line solid/reactivity -- the handle is fixed for this view; its state is a store
  const state = props.handle.state;
  const filter = createMemo(() => filterFromSearch(props.search));
  const today = createToday(() => state.meta.timeZone);
  const shown = createMatterQuery(() => props.handle.matters(), filter, today);
  const setFilter = (next: RegisterFilter) =>
    replaceRoute({ page: "register", id: props.handle.id, search: filterToSearch(next) });
  const matterHref = (matterId: string) =>
    routeHash({ page: "matter", communityId: props.handle.id, matterId });
  const linked = () => (filter().ids?.length ?? 0) > 0 || (filter().sessionIds?.length ?? 0) > 0;

  return (
    <main class="page register">
      <header class="page-header">
        <a class="button" href={routeHash({ page: "community", id: props.handle.id })}>
          {t("register.backToCommunity", { name: state.meta.name })}
        </a>
        <h1>{t("register.heading", { name: state.meta.name })}</h1>
      </header>

      <RegisterFilters
        filter={filter()}
        onChange={(patch) => setFilter(merge(filter(), patch))}
        onClear={() => setFilter({})}
        directory={state.directory}
        categories={state.categories}
        talkPoints={state.talkPoints}
      />

      <div class="register-summary row wrap">
        <p role="status" class="register-count">
          {t("register.count", {
            n: props.total ?? shown().length,
            total: props.total ?? props.handle.matters().length,
          })}
        </p>
        <Show when={linked()}>
          <p class="muted">{t("register.linkedFilter")}</p>
        </Show>
        <p class="muted">
          {t("register.today", { date: civilDateText(today()), zone: state.meta.timeZone })}
        </p>
      </div>

      <Show
        when={props.handle.matters().length > 0}
        fallback={
          <section class="empty-state">
            <p>{t("register.empty")}</p>
          </section>
        }
      >
        <Show
          when={shown().length > 0}
          fallback={
            <section class="empty-state">
              <p>{t("register.noMatch")}</p>
            </section>
          }
        >
          <WindowedList
            items={shown()}
            rowHeight={REGISTER_ROW_HEIGHT}
            label={t("register.listLabel", { name: state.meta.name })}
            class="register-list"
          >
            {(m) => <MatterRow matter={m} href={matterHref(m.id)} today={today()} />}
          </WindowedList>
        </Show>
      </Show>
    </main>
  );
}
