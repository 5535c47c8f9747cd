import { For, Show } from "solid-js";
import type { ChartSeries } from "./BarChart.tsx";
import { ChartLegend } from "./ChartLegend.tsx";
import { ltr, mirrorBox, mirrorX, niceTicks, type Dir } from "./chartGeometry.ts";

export interface TrendPoint {
  month: string;
  /** The month's name as shown under its bars. */
  label: string;
  /** One value per series. */
  values: number[];
  /** The month said in words (its <title>, and part of the chart's accessible name). */
  title: string;
}

const WIDTH = 480;
const HEIGHT = 210;
const AXIS = 34;
const TOP = 16;
const BOTTOM = HEIGHT - 30;
const FONT = 12;

/**
 * Month by month, one bar per series side by side in each month, with a value axis. Time runs from the
 * start side (left to right, or right to left in Uyghur). The SVG is an image whose accessible name is the
 * title and every month in words; each month's group has a <title>.
 */
export function TrendChart(props: {
  id: string;
  title: string;
  series: ChartSeries[];
  points: TrendPoint[];
  dir: Dir;
  format: (n: number) => string;
  empty: string;
  separator: string;
}) {
  const axis = () => niceTicks(Math.max(0, ...props.points.flatMap((p) => p.values)));
  const band = () => (WIDTH - AXIS - 8) / Math.max(1, props.points.length);
  const bar = () => Math.min(22, (band() * 0.8) / Math.max(1, props.series.length));
  const yOf = (v: number) => BOTTOM - (v / axis().top) * (BOTTOM - TOP);
  // Label every month while they fit, else every second, third… month.
  const every = () => Math.max(1, Math.ceil(props.points.length / 8));
  const showValues = () => Math.max(props.points.length, 12) === 12;
  const x = (logical: number) => mirrorX(props.dir, WIDTH, logical);
  const summary = () => `${props.title}: ${props.points.map((p) => p.title).join(props.separator)}`;

  return (
    <figure class="report-chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      <ChartLegend series={props.series} />
      <Show when={props.points.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <svg
          class="chart trend-chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={summary()}
          direction={props.dir}
          font-size={String(FONT)}
        >
          <For each={axis().ticks}>
            {(tick) => (
              <g class="chart-tick">
                <line class="chart-grid" x1={x(AXIS)} x2={x(WIDTH - 4)} y1={yOf(tick)} y2={yOf(tick)} />
                <text
                  class="chart-value"
                  x={x(AXIS - 4)}
                  y={yOf(tick)}
                  text-anchor="end"
                  dominant-baseline="central"
                  direction={props.dir}
                >
                  {ltr(props.format(tick))}
                </text>
              </g>
            )}
          </For>
          <For each={props.points}>
            {(p, i) => {
              const start = () => AXIS + 4 + i() * band();
              const groupStart = () => start() + (band() - bar() * props.series.length) / 2;
              return (
                <g class="chart-month" data-month={p.month}>
                  <title>{p.title}</title>
                  <For each={p.values}>
                    {(value, s) => {
                      const bx = () => groupStart() + s() * bar();
                      return (
                        <>
                          <rect
                            class={`bar ${props.series[s()]?.class ?? ""}`}
                            x={mirrorBox(props.dir, WIDTH, bx(), bar() - 1)}
                            y={yOf(value)}
                            width={bar() - 1}
                            height={BOTTOM - yOf(value)}
                          />
                          <Show when={showValues() && value > 0}>
                            <text
                              class="chart-value small"
                              x={x(bx() + bar() / 2)}
                              y={yOf(value) - 3}
                              text-anchor="middle"
                              direction={props.dir}
                            >
                              {ltr(props.format(value))}
                            </text>
                          </Show>
                        </>
                      );
                    }}
                  </For>
                  <Show when={i() % every() === 0}>
                    <text
                      class="chart-label"
                      x={x(start() + band() / 2)}
                      y={BOTTOM + 16}
                      text-anchor="middle"
                      direction={props.dir}
                    >
                      {ltr(p.label)}
                    </text>
                  </Show>
                </g>
              );
            }}
          </For>
          <line class="chart-axis" x1={x(AXIS)} x2={x(WIDTH - 4)} y1={BOTTOM} y2={BOTTOM} />
        </svg>
      </Show>
    </figure>
  );
}
