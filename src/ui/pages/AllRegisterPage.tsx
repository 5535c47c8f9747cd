import { createMemo, Show, type Accessor } from "solid-js";
import { filterFromSearch, filterToSearch, type RegisterFilter } from "../../doc/community/registerQuery.ts";
import type { CommunityTalkPoint } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";
import { createAllMatters, type RegisterSource } from "../allMatters.ts";
import { useApp } from "../appContext.ts";
import { createEveryCommunity, createEveryHead } from "../everyCommunity.ts";
import type { CommunityHead } from "../../reactive/communityView.ts";
import { MatterRow } from "../components/MatterRow.tsx";
import { Opening } from "./CommunityGate.tsx";
import { RegisterFilters, type CombinedChoices } from "../components/RegisterFilters.tsx";
import { WindowedList } from "../components/WindowedList.tsx";
import { categoryName } from "../matterText.ts";
import { ALL_COMMUNITIES, replaceRoute, routeHash } from "../router.ts";
import "../allRegister.css";

/** Height of a row of the combined register: its community's name above a register row. */
export const ALL_REGISTER_ROW_HEIGHT = 120;

/**
 * The register of every community on this tablet (`#/register/all?<filter>`), kept live. Unfiltered, a cold
 * open paints its first screen from the registers' stored heads while the workspaces are still being read.
 */
export function AllRegisterPage(props: { search: string }) {
  const { communities } = useApp();
  const every = createEveryCommunity(communities);
  const heads = createEveryHead(communities);
  const held = () => (every.value() ?? []).filter((h) => h.state.meta.id !== "" || h.state.meta.name !== "");
  const unfiltered = () => Object.keys(filterFromSearch(props.search)).length === 0;
  /** The heads as sources, when every community has one (else the first rows could be another's). */
  const fromHeads = () => {
    const all = heads.value();
    if (!unfiltered() || !all || all.length === 0 || all.some((h) => h === null)) return null;
    return (all as CommunityHead[]).map((h) => ({
      id: h.state.meta.id,
      state: h.state,
      matters: () => h.matters,
    }));
  };
  return (
    <Show
      when={every.value()}
      fallback={
        <Show when={!every.failed() && fromHeads()} fallback={<Opening failed={every.failed()} />}>
          {(sources) => (
            <AllRegisterView
              sources={sources()}
              search=""
              total={(heads.value() as CommunityHead[]).reduce((n, h) => n + h.total, 0)}
            />
          )}
        </Show>
      }
    >
      <AllRegisterView sources={held()} search={props.search} />
    </Show>
  );
}

/** Drops cleared fields, so the address holds only the filters in use. */
function merge(filter: RegisterFilter, patch: Partial<RegisterFilter>): RegisterFilter {
  const next: Record<string, unknown> = { ...filter, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as RegisterFilter;
}

/** The combined register over open communities (also rendered directly by tests). */
export function AllRegisterView(props: {
  sources: readonly RegisterSource[];
  search: string;
  /** The time now (tests); by default the clock, read every minute. */
  now?: Accessor<number>;
  /** Set when the sources list only the first rows of the default order: how many matters they hold. */
  total?: number;
}) {
  const filter = createMemo(() => filterFromSearch(props.search));
  // eslint-disable-next-line solid/reactivity -- `now` is fixed for this view
  const all = createAllMatters(() => props.sources, filter, props.now);
  const byId = createMemo(() => new Map(all.communities().map((c) => [c.id, c])));
  const setFilter = (next: RegisterFilter) =>
    replaceRoute({ page: "register", id: ALL_COMMUNITIES, search: filterToSearch(next) });
  const linked = () => (filter().ids?.length ?? 0) > 0 || (filter().sessionIds?.length ?? 0) > 0;

  const choices = createMemo<CombinedChoices>(() => {
    const categories = new Map<string, string>();
    const departments = new Set<string>();
    for (const s of props.sources) {
      for (const c of s.state.categories)
        if (!categories.has(c.label || c.id)) categories.set(c.label || c.id, categoryName(c.id, c.label));
      for (const d of s.state.directory) if (d.name) departments.add(d.name);
    }
    return {
      communities: props.sources.map((s) => ({ id: s.id, name: s.state.meta.name })),
      categories: [...categories].map(([key, name]) => ({ key, name })),
      departments: [...departments],
    };
  });
  // Talk point ids are random, so one id names one talk point of one community.
  const talkPoints = createMemo<CommunityTalkPoint[]>(() =>
    props.sources.flatMap((s) =>
      s.state.talkPoints.map((tp) => ({
        ...tp,
        name: t("allRegister.talkPointOf", { community: s.state.meta.name, name: tp.name }),
      })),
    ),
  );

  return (
    <main class="page register all-register">
      <header class="page-header">
        <a class="button" href={routeHash({ page: "home" })}>
          {t("action.home")}
        </a>
        <h1>{t("allRegister.heading")}</h1>
      </header>

      <RegisterFilters
        filter={filter()}
        onChange={(patch) => setFilter(merge(filter(), patch))}
        onClear={() => setFilter({})}
        directory={[]}
        categories={[]}
        talkPoints={talkPoints()}
        combined={choices()}
      />

      <div class="register-summary row wrap">
        <p role="status" class="register-count">
          {t("register.count", {
            n: props.total ?? all.shown().length,
            total: props.total ?? all.merged().length,
          })}
        </p>
        <p class="muted">{t("allRegister.scope", { n: props.sources.length })}</p>
        <Show when={linked()}>
          <p class="muted">{t("register.linkedFilter")}</p>
        </Show>
        <p class="muted">{t("allRegister.zones")}</p>
      </div>

      <Show
        when={all.merged().length > 0}
        fallback={
          <section class="empty-state">
            <p>{props.sources.length > 0 ? t("register.empty") : t("allRegister.noCommunities")}</p>
          </section>
        }
      >
        <Show
          when={all.shown().length > 0}
          fallback={
            <section class="empty-state">
              <p>{t("register.noMatch")}</p>
            </section>
          }
        >
          <WindowedList
            items={all.shown()}
            rowHeight={ALL_REGISTER_ROW_HEIGHT}
            label={t("allRegister.listLabel")}
            class="register-list"
          >
            {(e) => {
              const community = () => byId().get(e.communityId);
              return (
                <div class="all-register-row">
                  <span class="all-register-community">{community()?.name()}</span>
                  <MatterRow
                    matter={e.matter}
                    href={routeHash({ page: "matter", communityId: e.communityId, matterId: e.matter.id })}
                    today={community()?.today() ?? ""}
                  />
                </div>
              );
            }}
          </WindowedList>
        </Show>
      </Show>
    </main>
  );
}
