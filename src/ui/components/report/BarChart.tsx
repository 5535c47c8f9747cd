import { For, Show } from "solid-js";
import { ChartLegend } from "./ChartLegend.tsx";
import { fitLabel, ltr, mirrorBox, mirrorX, type Dir } from "./chartGeometry.ts";

export interface ChartSeries {
  name: string;
  /** CSS class of its bars and legend swatch (report.css colours them, in print too). */
  class: string;
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series. */
  values: number[];
  /** The values as written beside the bars (already formatted in the UI language). */
  texts: string[];
  /** The row said in words (its <title>, and part of the chart's accessible name). */
  title: string;
}

const WIDTH = 480;
const LABEL_EMS = 9;
const FONT = 13;
const BAR = 12;
const GAP = 3;
const ROW_GAP = 8;
const BAR_START = LABEL_EMS * FONT + 12;
const VALUE_ROOM = 52;

/**
 * Horizontal bars, one group per row and one bar per series, labelled with the row's name and each value.
 * Right to left, the bars grow from the right and the labels sit on the right. The SVG is an image whose
 * accessible name is the title and every row in words; each bar has a <title>.
 */
export function BarChart(props: {
  id: string;
  title: string;
  series: ChartSeries[];
  rows: BarRow[];
  /** The value of a full bar (default: the largest value). */
  max?: number;
  dir: Dir;
  /** Shown when there are no rows. */
  empty: string;
  /** Shown under the chart when rows were left out of it. */
  more?: string;
  separator: string;
}) {
  const many = () => props.series.length;
  const rowHeight = () => many() * BAR + (many() - 1) * GAP + ROW_GAP;
  const height = () => Math.max(1, props.rows.length) * rowHeight() + ROW_GAP;
  const max = () => props.max ?? Math.max(1, ...props.rows.flatMap((r) => r.values));
  const span = WIDTH - BAR_START - VALUE_ROOM;
  const x = (logical: number) => mirrorX(props.dir, WIDTH, logical);
  const summary = () => `${props.title}: ${props.rows.map((r) => r.title).join(props.separator)}`;

  return (
    <figure class="report-chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      <Show when={props.series.length > 1}>
        <ChartLegend series={props.series} />
      </Show>
      <Show when={props.rows.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <svg
          class="chart bar-chart"
          viewBox={`0 0 ${WIDTH} ${height()}`}
          role="img"
          aria-label={summary()}
          direction={props.dir}
          font-size={String(FONT)}
        >
          <line
            class="chart-axis"
            x1={x(BAR_START)}
            x2={x(BAR_START)}
            y1={ROW_GAP / 2}
            y2={height() - ROW_GAP / 2}
          />
          <For each={props.rows}>
            {(row, i) => {
              const top = () => ROW_GAP + i() * rowHeight();
              return (
                <g class="chart-row" data-key={row.key}>
                  <title>{row.title}</title>
                  <text
                    class="chart-label"
                    x={x(BAR_START - 6)}
                    y={top() + (rowHeight() - ROW_GAP) / 2}
                    text-anchor="end"
                    dominant-baseline="central"
                    direction={props.dir}
                  >
                    {fitLabel(row.label, LABEL_EMS)}
                  </text>
                  <For each={row.values}>
                    {(value, s) => {
                      const w = () => (Math.max(0, value) / max()) * span;
                      const y = () => top() + s() * (BAR + GAP);
                      return (
                        <>
                          <rect
                            class={`bar ${props.series[s()]?.class ?? ""}`}
                            x={mirrorBox(props.dir, WIDTH, BAR_START, w())}
                            y={y()}
                            width={w()}
                            height={BAR}
                          />
                          <text
                            class="chart-value"
                            x={x(BAR_START + w() + 4)}
                            y={y() + BAR / 2}
                            text-anchor="start"
                            dominant-baseline="central"
                            direction={props.dir}
                          >
                            {ltr(row.texts[s()] ?? "")}
                          </text>
                        </>
                      );
                    }}
                  </For>
                </g>
              );
            }}
          </For>
        </svg>
      </Show>
      <Show when={props.more}>
        <p class="muted chart-more">{props.more}</p>
      </Show>
    </figure>
  );
}
