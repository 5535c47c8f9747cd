// @vitest-environment happy-dom
// The report's SVG charts: one bar per month and series, labels and values present, each bar with a <title>,
// an accessible name that says every value, and the layout mirrored right to left (Uyghur).
import { afterEach, describe, expect, it } from "vitest";
import { render } from "solid-js/web";
import { BarChart } from "../../src/ui/components/report/BarChart.tsx";
import { TrendChart } from "../../src/ui/components/report/TrendChart.tsx";
import { fitLabel, niceTicks } from "../../src/ui/components/report/chartGeometry.ts";
import type { Dir } from "../../src/ui/components/report/chartGeometry.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.innerHTML = "";
});

const SERIES = [
  { name: "Raised", class: "raised" },
  { name: "Resolved", class: "resolved" },
];
const MONTHS = [
  ["2024-01", 12, 9],
  ["2024-02", 5, 7],
  ["2024-03", 0, 2],
] as const;

function trend(dir: Dir) {
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(
    render(
      () => (
        <TrendChart
          id="t"
          title="Raised and resolved"
          series={SERIES}
          points={MONTHS.map(([month, a, b]) => ({
            month,
            label: month,
            values: [a, b],
            title: `${month}: ${a} raised, ${b} resolved`,
          }))}
          dir={dir}
          format={String}
          empty="Nothing"
          separator="; "
        />
      ),
      host,
    ),
  );
  return host;
}

function bars(dir: Dir) {
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(
    render(
      () => (
        <BarChart
          id="b"
          title="By category"
          series={SERIES}
          rows={[
            {
              key: "parking",
              label: "停车",
              values: [10, 4],
              texts: ["10", "4"],
              title: "停车: 10 raised, 4 resolved",
            },
            { key: "noise", label: "装修扰民", values: [5, 5], texts: ["5", "5"], title: "装修扰民: 5, 5" },
          ]}
          dir={dir}
          empty="Nothing"
          separator="; "
        />
      ),
      host,
    ),
  );
  return host;
}

const num = (el: Element, name: string) => Number(el.getAttribute(name));

describe("TrendChart", () => {
  it("draws one bar per month for each series, with month labels, values and titles", () => {
    const host = trend("ltr");
    const svg = host.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      "Raised and resolved: 2024-01: 12 raised, 9 resolved; 2024-02: 5 raised, 7 resolved; 2024-03: 0 raised, 2 resolved",
    );
    const months = [...svg.querySelectorAll(".chart-month")];
    expect(months.map((g) => g.getAttribute("data-month"))).toEqual(["2024-01", "2024-02", "2024-03"]);
    for (const g of months) {
      expect(g.querySelectorAll("rect.bar.raised").length).toBe(1);
      expect(g.querySelectorAll("rect.bar.resolved").length).toBe(1);
      expect(g.querySelector("title")!.textContent).toContain(g.getAttribute("data-month")!);
    }
    expect(
      [...svg.querySelectorAll(".chart-label")].map((l) => l.textContent!.replace(/[\u2066\u2069]/g, "")),
    ).toEqual(["2024-01", "2024-02", "2024-03"]);
    // The tallest bar is January's raised (12), and a month with 0 raised has a bar of no height.
    const raised = months.map((g) => num(g.querySelector("rect.raised")!, "height"));
    expect(raised[0]).toBeGreaterThan(raised[1]!);
    expect(raised[2]).toBe(0);
    expect(host.querySelector("figcaption")!.textContent).toBe("Raised and resolved");
    expect([...host.querySelectorAll(".chart-legend li")].map((li) => li.textContent)).toEqual([
      "Raised",
      "Resolved",
    ]);
  });

  it("runs right to left in Uyghur: the first month on the right, numbers isolated left to right", () => {
    const x = (host: HTMLElement) =>
      [...host.querySelectorAll(".chart-month rect.raised")].map((r) => num(r, "x"));
    const ltrX = x(trend("ltr"));
    const host = trend("rtl");
    const rtlX = x(host);
    expect(ltrX[0]).toBeLessThan(ltrX[2]!);
    expect(rtlX[0]).toBeGreaterThan(rtlX[2]!);
    // Mirrored exactly: a bar's start on one side is its end on the other (the chart is 480 wide).
    const width = num(host.querySelector("rect.raised")!, "width");
    rtlX.forEach((rx, i) => expect(rx).toBeCloseTo(480 - ltrX[i]! - width));
    expect(host.querySelector("svg")!.getAttribute("direction")).toBe("rtl");
    expect(host.querySelector(".chart-value")!.textContent).toMatch(/^\u2066.*\u2069$/);
  });

  it("says so when the period has no month", () => {
    const host = document.createElement("div");
    document.body.append(host);
    cleanups.push(
      render(
        () => (
          <TrendChart
            id="e"
            title="T"
            series={SERIES}
            points={[]}
            dir="ltr"
            format={String}
            empty="Nothing"
            separator="; "
          />
        ),
        host,
      ),
    );
    expect(host.querySelector("svg")).toBeNull();
    expect(host.textContent).toContain("Nothing");
  });
});

describe("BarChart", () => {
  it("draws one bar per row and series, labelled, longest for the largest value", () => {
    const host = bars("ltr");
    const rows = [...host.querySelectorAll(".chart-row")];
    expect(rows.map((r) => r.querySelector(".chart-label")!.textContent)).toEqual(["停车", "装修扰民"]);
    expect(rows.map((r) => r.querySelectorAll("rect.bar").length)).toEqual([2, 2]);
    const w = rows.map((r) => num(r.querySelector("rect.raised")!, "width"));
    expect(w[0]).toBeCloseTo(w[1]! * 2);
    expect(host.querySelector("svg")!.getAttribute("aria-label")).toContain("停车: 10 raised, 4 resolved");
  });

  it("grows from the right in a right-to-left language, labels on the right", () => {
    const l = bars("ltr").querySelector(".chart-row")!;
    const r = bars("rtl").querySelectorAll(".chart-row")[0]!;
    const [lx, rx] = [l, r].map((g) => num(g.querySelector("rect.raised")!, "x"));
    const width = num(l.querySelector("rect.raised")!, "width");
    expect(rx).toBeCloseTo(480 - lx! - width);
    expect(num(r.querySelector(".chart-label")!, "x")).toBeGreaterThan(
      num(l.querySelector(".chart-label")!, "x"),
    );
    expect(r.querySelector(".chart-label")!.getAttribute("direction")).toBe("rtl");
  });
});

describe("chart geometry", () => {
  it("rounds the axis up and cuts long labels", () => {
    expect(niceTicks(37)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceTicks(3).top).toBeGreaterThanOrEqual(3);
    expect(niceTicks(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(fitLabel("幸福路鸿雁小区物业管理委员会办公室", 9)).toMatch(/…$/);
    expect(fitLabel("停车", 9)).toBe("停车");
  });
});
