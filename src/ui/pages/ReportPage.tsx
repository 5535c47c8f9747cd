import { createEffect, createMemo, onCleanup, onMount, Show } from "solid-js";
import { reportMatterRows } from "../../doc/community/report.ts";
import { filterToSearch } from "../../doc/community/registerQuery.ts";
import { reportFiguresCsv, reportMattersCsv } from "../../export/reportCsv.ts";
import { dirOf, formatDateTime, lang, t } from "../../i18n/i18n.ts";
import { afterPaint } from "../../reactive/afterPaint.ts";
import type { CommunityHandle } from "../../reactive/communityHandle.ts";
import { useApp } from "../appContext.ts";
import { createEveryCommunity } from "../everyCommunity.ts";
import { Opening } from "./CommunityGate.tsx";
import { ReportCharts } from "../components/report/ReportCharts.tsx";
import { ReportControls } from "../components/report/ReportControls.tsx";
import { ReportFigureList } from "../components/report/ReportFigureList.tsx";
import { ReportMatterList, type MatterListGroup } from "../components/report/ReportMatterList.tsx";
import { ReportTables } from "../components/report/ReportTables.tsx";
import { download } from "../download.ts";
import { civilDateText, matterTitle, timeZoneName } from "../matterText.ts";
import { reportToSearch, type ReportAddress } from "../reportAddress.ts";
import { figureRef, resolveFigure } from "../reportFigures.ts";
import { createReportModel } from "../reportModel.ts";
import { figuresCsvLabels, mattersCsvLabels } from "../reportText.ts";
import { replaceRoute, routeHash } from "../router.ts";
import "../report.css";

/** Matters a figure's list names per community before it sends the reader to the register. */
const LIST_LIMIT = 50;

/** The community report (`search`: its scope and period, see reportAddress.ts) over every open community. */
export function ReportPage(props: { search: string }) {
  const { communities } = useApp();
  const every = createEveryCommunity(communities);
  return (
    <Show when={every.value()} keyed fallback={<Opening failed={every.failed()} />}>
      {(list) => <ReportView handles={list} search={props.search} />}
    </Show>
  );
}

/** The report over open communities (also rendered directly by tests and the bench). */
export function ReportView(props: { handles: CommunityHandle[]; search: string }) {
  // eslint-disable-next-line solid/reactivity -- the handles are fixed for this view; their state is reactive
  const model = createReportModel(props.handles, () => props.search);
  const { address, report, period } = model;
  // The figures need no histories (the stored view has every field they read), so the state is applied
  // after the first paint rather than before it.
  onMount(() => {
    const cancel = afterPaint(() => props.handles.forEach((h) => h.load()));
    onCleanup(cancel);
  });
  const setAddress = (patch: Partial<ReportAddress>) =>
    replaceRoute({ page: "report", search: reportToSearch({ ...address(), figure: undefined, ...patch }) });
  const scopeName = () =>
    model.scopes().find((s) => s.value === model.scopeValue())?.label ?? t("report.title");
  const periodLine = () =>
    t("report.periodLine", { from: civilDateText(period().from), to: civilDateText(period().to) });
  const zoneLine = () => {
    const zone = model.zone();
    return zone && address().scope !== "all"
      ? t("report.zone.one", { zone: timeZoneName(zone) })
      : t("report.zone.all");
  };
  const fileBase = () => `${scopeName()}-${period().from}-${period().to}`.replace(/[\\/:*?"<>|\s]+/g, "_");

  const matterIds = () => {
    const f = report().figures;
    return [...new Set([...f.raised.ids, ...f.resolvedInPeriod.ids, ...f.sessions.ids])];
  };
  const downloadFigures = () =>
    download(`${fileBase()}.csv`, reportFiguresCsv(report(), figuresCsvLabels()), "text/csv;charset=utf-8");
  const downloadMatters = () =>
    download(
      `${fileBase()}-matters.csv`,
      reportMattersCsv(reportMatterRows({ communities: model.input() }, matterIds()), mattersCsvLabels()),
      "text/csv;charset=utf-8",
    );

  const listed = createMemo(() => {
    const ref = address().figure;
    const figure = ref ? resolveFigure(report(), ref) : null;
    if (!figure) return null;
    const wanted = new Set(figure.ids);
    const groups: MatterListGroup[] = [];
    for (const c of model.input()) {
      const matters = c.matters.filter((m) => wanted.has(m.id));
      if (matters.length === 0) continue;
      groups.push({
        communityId: c.id,
        name: c.name,
        registerHref: routeHash({
          page: "register",
          id: c.id,
          search: filterToSearch({ ids: matters.map((m) => m.id) }),
        }),
        matters: matters.slice(0, LIST_LIMIT).map((m) => ({
          id: m.id,
          title: matterTitle(m, 60),
          href: routeHash({ page: "matter", communityId: c.id, matterId: m.id }),
        })),
        total: matters.length,
      });
    }
    return { heading: t("report.list.heading", { figure: figure.name, n: figure.ids.length }), groups };
  });
  let listEl: HTMLDivElement | undefined;
  createEffect(() => {
    if (listed()) listEl?.querySelector<HTMLElement>(".report-matters")?.focus();
  });

  return (
    <main class="page report">
      <header class="page-header no-print">
        <a class="button" href={routeHash({ page: "home" })}>
          {t("action.home")}
        </a>
        <Show when={address().community}>
          {(id) => (
            <a class="button" href={routeHash({ page: "community", id: id() })}>
              {props.handles.find((h) => h.id === id())?.state.meta.name}
            </a>
          )}
        </Show>
      </header>
      <ReportControls
        scopes={model.scopes()}
        scope={model.scopeValue()}
        onScope={(value) => {
          const choice = model.scopes().find((s) => s.value === value);
          if (choice) setAddress({ community: undefined, talkPoint: undefined, ...choice.address });
        }}
        periodKind={address().period}
        onPeriodKind={(kind) => setAddress({ period: kind })}
        quarters={model.quarters()}
        quarter={address().quarter ?? model.quarters()[0]?.value ?? ""}
        onQuarter={(quarter) => setAddress({ period: "quarter", quarter })}
        period={period()}
        onRange={(from, to) => setAddress({ period: "range", from, to })}
        onPrint={() => window.print()}
        onFiguresCsv={downloadFigures}
        onMattersCsv={downloadMatters}
      />
      <div ref={listEl} class="no-print">
        <Show when={listed()}>
          {(l) => (
            <ReportMatterList heading={l().heading} groups={l().groups} onClose={() => setAddress({})} />
          )}
        </Show>
      </div>
      <article class="report-sheet" aria-labelledby="report-heading">
        <header class="report-header">
          <h1 id="report-heading">{t("report.title")}</h1>
          <p class="report-scope">{scopeName()}</p>
          <p class="report-period">{periodLine()}</p>
          <p class="muted">
            {zoneLine()} · {t("report.generated", { at: formatDateTime(Date.now()) })}
          </p>
        </header>
        <Show
          when={props.handles.length > 0}
          fallback={<p class="empty-state">{t("report.noCommunities")}</p>}
        >
          <ReportFigureList
            figures={report().figures}
            hrefOf={(key) => model.hrefOf(report().figures[key].ids, figureRef(key))}
          />
          <ReportCharts report={report()} dir={dirOf(lang())} />
        </Show>
      </article>
      <div class="no-print">
        <ReportTables report={report()} hrefOf={model.hrefOf} />
      </div>
    </main>
  );
}
