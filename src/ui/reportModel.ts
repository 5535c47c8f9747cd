// The report screen's reactive model over the open communities: the address in force (a scope this tablet no
// longer holds falls back to every community), the zone its period is read in, the report itself, the
// scopes and quarters offered, and where each figure leads.
import { createMemo, type Accessor } from "solid-js";
import { DEFAULT_TIME_ZONE, type Period } from "../doc/civilTime.ts";
import {
  computeReport,
  reportCommunityOf,
  type Report,
  type ReportCommunity,
} from "../doc/community/report.ts";
import type { Matter } from "../doc/community/schema.ts";
import { t } from "../i18n/i18n.ts";
import type { CommunityHandle } from "../reactive/communityHandle.ts";
import { createToday } from "./matterQuery.ts";
import {
  periodFor,
  quartersUpTo,
  quarterOf,
  reportFromSearch,
  scopeOf,
  type ReportAddress,
} from "./reportAddress.ts";
import { figureHref } from "./reportFigures.ts";
import { quarterLabel } from "./reportText.ts";

export interface ScopeChoice {
  value: string;
  label: string;
  address: Pick<ReportAddress, "scope" | "community" | "talkPoint">;
}

export interface ReportModel {
  address: Accessor<ReportAddress>;
  /** The zone the period's dates are read in: the community's, or the one every community shares. */
  zone: Accessor<string | null>;
  today: Accessor<string>;
  period: Accessor<Period>;
  input: Accessor<ReportCommunity[]>;
  report: Accessor<Report>;
  scopes: Accessor<ScopeChoice[]>;
  scopeValue: Accessor<string>;
  quarters: Accessor<{ value: string; label: string }[]>;
  hrefOf: (ids: readonly string[], ref: string) => string | undefined;
  communityOf: Accessor<ReadonlyMap<string, string>>;
}

const scopeKey = (a: Pick<ReportAddress, "scope" | "community" | "talkPoint">) =>
  a.scope === "all" ? "all" : `${a.scope}\u0000${a.community ?? ""}\u0000${a.talkPoint ?? ""}`;

/** The report model of `handles` (every community on this tablet) at the address `search`. */
export function createReportModel(
  handles: readonly CommunityHandle[],
  search: Accessor<string>,
): ReportModel {
  const input = createMemo(() =>
    handles.map((h) => reportCommunityOf({ ...h.state, matters: h.matters() as Matter[] })),
  );
  const scopes = createMemo<ScopeChoice[]>(() => [
    { value: "all", label: t("report.scope.all", { n: handles.length }), address: { scope: "all" } },
    ...handles.flatMap((h) => [
      {
        value: scopeKey({ scope: "community", community: h.id }),
        label: h.state.meta.name,
        address: { scope: "community" as const, community: h.id },
      },
      ...h.state.talkPoints
        .filter((tp) => !tp.deleted)
        .map((tp) => ({
          value: scopeKey({ scope: "talkPoint", community: h.id, talkPoint: tp.id }),
          label: t("report.scope.talkPoint", { community: h.state.meta.name, name: tp.name }),
          address: { scope: "talkPoint" as const, community: h.id, talkPoint: tp.id },
        })),
    ]),
  ]);
  const address = createMemo<ReportAddress>(() => {
    const a = reportFromSearch(search());
    if (a.scope === "all") return a;
    const held = scopes().some((s) => s.value === scopeKey(a));
    return held ? a : { ...a, scope: "all", community: undefined, talkPoint: undefined };
  });
  const scoped = () => handles.filter((h) => !address().community || h.id === address().community);
  const zone = createMemo(() => {
    const zones = new Set(scoped().map((h) => h.state.meta.timeZone));
    return zones.size === 1 ? [...zones][0]! : null;
  });
  const today = createToday(() => zone() ?? DEFAULT_TIME_ZONE);
  const period = createMemo(() => periodFor(address(), today()));
  const report = createMemo(() =>
    computeReport({ communities: input(), period: period(), scope: scopeOf(address()), now: Date.now() }),
  );
  const communityOf = createMemo(() => {
    const map = new Map<string, string>();
    for (const c of input()) for (const m of c.matters) map.set(m.id, c.id);
    return map;
  });
  const quarters = createMemo(() => {
    let earliest = today();
    const { communityId, talkPointId } = scopeOf(address());
    for (const c of input()) {
      if (communityId && c.id !== communityId) continue;
      for (const m of c.matters)
        if (m.raisedOn < earliest && (!talkPointId || m.talkPointId === talkPointId)) earliest = m.raisedOn;
    }
    const list = quartersUpTo(earliest, today());
    const chosen = address().quarter ?? quarterOf(today());
    if (!list.includes(chosen)) list.push(chosen);
    return list.map((q) => ({ value: q, label: quarterLabel(q) }));
  });
  return {
    address,
    zone,
    today,
    period,
    input,
    report,
    scopes,
    scopeValue: () => scopeKey(address()),
    quarters,
    communityOf,
    hrefOf: (ids, ref) => figureHref(ids, ref, communityOf(), address()),
  };
}
