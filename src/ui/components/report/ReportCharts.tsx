import type { BreakdownRow, Report } from "../../../doc/community/report.ts";
import { t } from "../../../i18n/i18n.ts";
import { rowLabel, type BreakdownKind } from "../../reportFigures.ts";
import { formatCount, formatPercent, monthLabel } from "../../reportText.ts";
import { BarChart, type BarRow, type ChartSeries } from "./BarChart.tsx";
import type { Dir } from "./chartGeometry.ts";
import { TrendChart } from "./TrendChart.tsx";

/** Bars a breakdown chart shows; the rest are in the tables. */
export const CHART_ROWS = 8;

const pairSeries = (): ChartSeries[] => [
  { name: t("report.series.raised"), class: "raised" },
  { name: t("report.series.resolved"), class: "resolved" },
];

function pairRows(kind: BreakdownKind, rows: readonly BreakdownRow[]): BarRow[] {
  return rows
    .filter((r) => r.raised.value > 0)
    .slice(0, CHART_ROWS)
    .map((r) => {
      const label = rowLabel(kind, r);
      const raised = formatCount(r.raised.value);
      const resolved = formatCount(r.resolved.value);
      return {
        key: r.key,
        label,
        values: [r.raised.value, r.resolved.value],
        texts: [raised, resolved],
        title: t("report.chart.pair", { label, raised, resolved }),
      };
    });
}

const more = (rows: readonly BreakdownRow[]) => {
  const n = rows.filter((r) => r.raised.value > 0).length - CHART_ROWS;
  return n > 0 ? t("report.chart.more", { n }) : undefined;
};

/** The report's charts: raised vs resolved month by month, by category, by department, and rate by community. */
export function ReportCharts(props: { report: Report; dir: Dir }) {
  const separator = () => t("list.separator");
  const byCategory = () => [...props.report.byCategory].sort((a, b) => b.raised.value - a.raised.value);
  const rateRows = (): BarRow[] =>
    props.report.byCommunity
      .filter((c) => c.raised.value > 0)
      .map((c) => {
        const rate = c.resolved.value / c.raised.value;
        const value = formatPercent(rate);
        const label = rowLabel("community", c);
        return {
          key: c.key,
          label,
          values: [rate],
          texts: [value],
          title: t("report.chart.value", { label, value }),
        };
      });
  const empty = () => t("report.chart.empty");

  return (
    <section class="report-charts" aria-label={t("report.charts")}>
      <TrendChart
        id="chart-trend"
        title={t("report.chart.trend")}
        series={pairSeries()}
        points={props.report.trend.map((m) => {
          const label = monthLabel(m.month);
          const raised = formatCount(m.raised.value);
          const resolved = formatCount(m.resolved.value);
          return {
            month: m.month,
            label,
            values: [m.raised.value, m.resolved.value],
            title: t("report.chart.pair", { label, raised, resolved }),
          };
        })}
        dir={props.dir}
        format={formatCount}
        empty={empty()}
        separator={separator()}
      />
      <BarChart
        id="chart-category"
        title={t("report.chart.byCategory")}
        series={pairSeries()}
        rows={pairRows("category", byCategory())}
        dir={props.dir}
        empty={empty()}
        more={more(props.report.byCategory)}
        separator={separator()}
      />
      <BarChart
        id="chart-department"
        title={t("report.chart.byDepartment")}
        series={pairSeries()}
        rows={pairRows("department", props.report.byDepartment)}
        dir={props.dir}
        empty={empty()}
        more={more(props.report.byDepartment)}
        separator={separator()}
      />
      <BarChart
        id="chart-rate"
        title={t("report.chart.rate")}
        series={[{ name: t("report.series.resolved"), class: "rate" }]}
        rows={rateRows()}
        max={1}
        dir={props.dir}
        empty={empty()}
        separator={separator()}
      />
    </section>
  );
}
