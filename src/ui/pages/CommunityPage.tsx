import { For, Show } from "solid-js";
import { DEFAULT_TIME_ZONE } from "../../doc/civilTime.ts";
import type { RegisterFilter } from "../../doc/community/registerQuery.ts";
import { filterToSearch } from "../../doc/community/registerQuery.ts";
import { t } from "../../i18n/i18n.ts";
import type { CommunityHandle } from "../../reactive/communityHandle.ts";
import { useApp } from "../appContext.ts";
import { CommunityCategories } from "../components/CommunityCategories.tsx";
import { CommunityForm } from "../components/CommunityForm.tsx";
import { DirectoryEditor } from "../components/DirectoryEditor.tsx";
import { createRegisterCounts, createToday } from "../matterQuery.ts";
import { timeZoneName } from "../matterText.ts";
import { go, routeHash } from "../router.ts";
import { reportToSearch } from "../reportAddress.ts";
import { CommunityGate } from "./CommunityGate.tsx";
import { PairingPanel } from "./community/PairingPanel.tsx";
import { RelayPanel } from "./community/RelayPanel.tsx";
import { MembersPanel } from "./community/MembersPanel.tsx";
import { OnlyCopyWarning } from "./community/OnlyCopyWarning.tsx";
import { SyncBadge } from "../components/SyncBadge.tsx";
import { communityCarried, sessionSyncText } from "../syncText.ts";
import { download } from "../download.ts";
import { createCommunityMembers } from "../../reactive/communityMembers.ts";

/** A community's workspace (`id`), or the form for a new community (`id` null). */
export function CommunityPage(props: { id: string | null }) {
  return (
    <Show when={props.id} fallback={<NewCommunity />}>
      {(id) => <CommunityGate id={id()}>{(handle) => <CommunityView handle={handle} />}</CommunityGate>}
    </Show>
  );
}

/** Makes a community on this tablet and goes to it. */
function NewCommunity() {
  const { communities } = useApp();
  return (
    <main class="page">
      <header class="page-header">
        <a class="button" href={routeHash({ page: "home" })}>
          {t("action.home")}
        </a>
        <h1>{t("community.new")}</h1>
      </header>
      <CommunityForm
        id="new-community"
        label={t("community.new")}
        name=""
        timeZone={DEFAULT_TIME_ZONE}
        submitLabel={t("community.create")}
        onSubmit={({ name, timeZone }) =>
          communities.create(name, timeZone).then((id) => {
            if (id) go({ page: "community", id });
          })
        }
      />
      <Show when={communities.list().length > 0}>
        <section class="card" aria-labelledby="communities-heading">
          <h2 id="communities-heading">{t("community.onThisTablet")}</h2>
          <ul class="talk-point-list">
            <For each={communities.list()}>
              {(c) => (
                <li>
                  <a href={routeHash({ page: "community", id: c.id })}>{c.name}</a>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </main>
  );
}

const OPEN: RegisterFilter = { statuses: ["open", "inProgress", "escalated", "acknowledged"] };

function CommunityView(props: { handle: CommunityHandle }) {
  // eslint-disable-next-line solid/reactivity -- the handle is fixed for this view; its state is a store
  const { state, actions } = props.handle;
  const { communities, db } = useApp();
  const today = createToday(() => state.meta.timeZone);
  const counts = createRegisterCounts(() => props.handle.matters(), today);
  const registerHref = (filter: RegisterFilter) =>
    routeHash({ page: "register", id: props.handle.id, search: filterToSearch(filter) });
  const readOnly = () => state.readOnly || props.handle.role === "display";
  // eslint-disable-next-line solid/reactivity -- the handle is fixed for this view
  const members = createCommunityMembers(props.handle);
  const row = () => communities.list().find((c) => c.id === props.handle.id);
  /** How this tablet shares the community now: its room and its relay. */
  const carry = () => {
    const [room, relay] = [communities.sync(props.handle.id), communities.relay(props.handle.id)];
    return room || relay ? { peers: room?.status() ?? null, relay: relay?.state() ?? null } : null;
  };
  const online = () =>
    (communities.sync(props.handle.id)?.presence() ?? []).filter((p) => p.online).map((p) => p.key);
  const exportBackup = async () => {
    const { communityBackupText } = await import("../../reactive/communityBackup.ts");
    const text = await communityBackupText(db, props.handle);
    const day = new Date().toISOString().slice(0, 10);
    const base = `${state.meta.name || "community"}-${day}`.replace(/[\\/:*?"<>|\s]+/g, "_");
    download(`${base}.json`, text, "application/json");
  };

  return (
    <main class="page community">
      <header class="page-header">
        <a class="button" href={routeHash({ page: "home" })}>
          {t("action.home")}
        </a>
        <div class="community-heading">
          <h1>{state.meta.name}</h1>
          <p class="muted">{timeZoneName(state.meta.timeZone)}</p>
        </div>
        <span class={`save-status ${props.handle.saveStatus()}`} role="status">
          {t(`save.${props.handle.saveStatus()}`)}
        </span>
        <SyncBadge
          status={null}
          text={sessionSyncText(null, carry())}
          shared={carry() ? (communityCarried(carry()!) ? "carried" : "waiting") : undefined}
        />
      </header>

      <OnlyCopyWarning
        communityId={props.handle.id}
        name={state.meta.name}
        relay={Boolean(row()?.relay)}
        members={members.members()}
        self={communities.sync(props.handle.id)?.self() ?? null}
        online={online()}
        onExport={exportBackup}
      />

      <section class="card" aria-labelledby="register-heading">
        <h2 id="register-heading">{t("community.register")}</h2>
        <ul class="register-links">
          <li>
            <a class="register-link" href={registerHref({})}>
              {t("community.allMatters", { n: props.handle.matters().length })}
            </a>
          </li>
          <li>
            <a class="register-link" href={registerHref(OPEN)}>
              {t("community.openMatters", { n: counts().open })}
            </a>
          </li>
          <li>
            <a
              class="register-link"
              classList={{ alert: counts().overdue > 0 }}
              href={registerHref({ overdue: true })}
            >
              {t("community.overdueMatters", { n: counts().overdue })}
            </a>
          </li>
          <li>
            <a
              class="register-link"
              classList={{ alert: counts().ackOverdue > 0 }}
              href={registerHref({ ackOverdue: true, sort: "due" })}
            >
              {t("community.ackOverdueMatters", { n: counts().ackOverdue })}
            </a>
          </li>
          <li>
            <a
              class="register-link report-link"
              href={routeHash({
                page: "report",
                search: reportToSearch({ scope: "community", community: props.handle.id, period: "month" }),
              })}
            >
              {t("report.link.community")}
            </a>
          </li>
        </ul>
      </section>

      <Show when={!readOnly()}>
        <CommunityForm
          id={`community-${props.handle.id}`}
          label={t("community.settings")}
          name={state.meta.name}
          timeZone={state.meta.timeZone}
          submitLabel={t("community.save")}
          onSubmit={(values) => actions.community.updateCommunity(values) !== undefined}
        />
      </Show>

      <section class="card" aria-labelledby="talk-points-heading">
        <h2 id="talk-points-heading">{t("home.talkPoints")}</h2>
        <ul class="talk-point-list">
          <For
            each={state.talkPoints.filter((tp) => !tp.deleted)}
            fallback={<li class="muted">{t("community.noTalkPoints")}</li>}
          >
            {(tp) => (
              <li>
                <a href={routeHash({ page: "talkPoint", id: tp.id })}>{tp.name}</a>
                <span class="muted"> · {tp.location}</span>
              </li>
            )}
          </For>
        </ul>
      </section>

      <DirectoryEditor
        entries={state.directory}
        readOnly={readOnly()}
        onAdd={(input) => actions.directory.addDirectoryEntry(input)}
        onUpdate={(id, patch) => actions.directory.updateDirectoryEntry(id, patch)}
      />

      <CommunityCategories
        categories={state.categories}
        readOnly={readOnly()}
        onAdd={(label) => actions.directory.addCommunityCategory(label)}
        onRename={(id, label) => actions.directory.renameCommunityCategory(id, label)}
      />

      <PairingPanel
        members={members}
        display={props.handle.role === "display"}
        code={communities.list().find((c) => c.id === props.handle.id)?.code ?? null}
        sync={communities.sync(props.handle.id)}
        onPair={() => void communities.pair(props.handle.id)}
      />
      <MembersPanel
        communityId={props.handle.id}
        members={members}
        sync={communities.sync(props.handle.id)}
        staff={!readOnly()}
      />
      <Show when={communities.list().find((c) => c.id === props.handle.id)}>
        {(row) => <RelayPanel row={row()} readOnly={readOnly()} />}
      </Show>
    </main>
  );
}
