import { For, Show, type JSX } from "solid-js";
import type { BreakdownRow, Count, PlaceRow, Report } from "../../../doc/community/report.ts";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { cellRef, rowLabel, type BreakdownKind, type RowMeasure } from "../../reportFigures.ts";
import { formatCount, formatPercent, monthLabel } from "../../reportText.ts";

type HrefOf = (ids: readonly string[], ref: string) => string | undefined;

const MEASURES: readonly RowMeasure[] = ["raised", "urgent", "resolved"];
const PLACE: readonly ("sessions" | "attendance" | "visitors")[] = ["sessions", "attendance", "visitors"];

/** A count as a link to its matters (plain when it names none). */
function CountCell(props: { count: Count; row: string; column: string; href: string | undefined }) {
  return (
    <td class="num">
      <Show when={props.href} fallback={formatCount(props.count.value)}>
        {(href) => (
          <a
            href={href()}
            aria-label={t("report.cellLink", {
              row: props.row,
              column: props.column,
              n: props.count.ids.length,
            })}
          >
            {formatCount(props.count.value)}
          </a>
        )}
      </Show>
    </td>
  );
}

function Table(props: { title: string; head: string[]; children: JSX.Element; empty: boolean }) {
  return (
    <section class="report-table card">
      <h3>{props.title}</h3>
      <Show when={!props.empty} fallback={<p class="muted">{t("report.noRows")}</p>}>
        <table>
          <thead>
            <tr>
              <For each={props.head}>{(h) => <th scope="col">{h}</th>}</For>
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </Show>
    </section>
  );
}

function Breakdown(props: { kind: BreakdownKind; rows: readonly BreakdownRow[]; hrefOf: HrefOf }) {
  const places = () => props.kind === "talkPoint" || props.kind === "community";
  const col = (k: string) => t(`report.col.${k}` as MessageKey);
  const head = () => [col("name"), ...MEASURES.map(col), col("rate"), ...(places() ? PLACE.map(col) : [])];
  const title = () => t(`report.table.by${props.kind[0]!.toUpperCase()}${props.kind.slice(1)}` as MessageKey);
  return (
    <Table title={title()} head={head()} empty={props.rows.length === 0}>
      <For each={props.rows}>
        {(r) => {
          const name = () => rowLabel(props.kind, r);
          return (
            <tr>
              <th scope="row">{name()}</th>
              <For each={MEASURES}>
                {(m) => (
                  <CountCell
                    count={r[m]}
                    row={name()}
                    column={col(m)}
                    href={props.hrefOf(r[m].ids, cellRef(props.kind, m, r.key))}
                  />
                )}
              </For>
              <td class="num">
                {r.raised.value > 0 ? formatPercent(r.resolved.value / r.raised.value) : t("report.noValue")}
              </td>
              <Show when={places()}>
                <For each={PLACE}>{(k) => <td class="num">{formatCount((r as PlaceRow)[k].value)}</td>}</For>
              </Show>
            </tr>
          );
        }}
      </For>
    </Table>
  );
}

/** The breakdowns (category, department, talk point, community) and the trend as tables, every count a link. */
export function ReportTables(props: { report: Report; hrefOf: HrefOf }) {
  const col = (k: string) => t(`report.col.${k}` as MessageKey);
  return (
    <section class="report-tables" aria-labelledby="report-tables-heading">
      <h2 id="report-tables-heading">{t("report.tables")}</h2>
      <Breakdown kind="category" rows={props.report.byCategory} hrefOf={props.hrefOf} />
      <Breakdown kind="department" rows={props.report.byDepartment} hrefOf={props.hrefOf} />
      <Breakdown kind="talkPoint" rows={props.report.byTalkPoint} hrefOf={props.hrefOf} />
      <Breakdown kind="community" rows={props.report.byCommunity} hrefOf={props.hrefOf} />
      <Table
        title={t("report.table.trend")}
        head={[col("month"), col("raised"), col("resolved")]}
        empty={props.report.trend.length === 0}
      >
        <For each={props.report.trend}>
          {(m) => (
            <tr>
              <th scope="row">{monthLabel(m.month)}</th>
              <For each={["raised", "resolved"] as const}>
                {(k) => (
                  <CountCell
                    count={m[k]}
                    row={monthLabel(m.month)}
                    column={col(k)}
                    href={props.hrefOf(m[k].ids, cellRef("trend", k, m.month))}
                  />
                )}
              </For>
            </tr>
          )}
        </For>
      </Table>
    </section>
  );
}
