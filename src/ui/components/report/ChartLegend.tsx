import { For } from "solid-js";
import type { ChartSeries } from "./BarChart.tsx";

/** A chart's series, each with its swatch. */
export function ChartLegend(props: { series: readonly ChartSeries[] }) {
  return (
    <ul class="chart-legend">
      <For each={props.series}>
        {(s) => (
          <li>
            <span class={`swatch ${s.class}`} aria-hidden="true" />
            {s.name}
          </li>
        )}
      </For>
    </ul>
  );
}
