// @vitest-environment happy-dom
// The report screen over two communities: figures that link to one community's register or, when their
// matters are in both, to the report's own list per community; four charts; the period and scope from the address.
import { describe, expect, it } from "vitest";
import { createSignal } from "solid-js";
import { createStore } from "solid-js/store";
import { render } from "solid-js/web";
import type { Matter, WorkspaceSnapshot } from "../../src/doc/community/schema.ts";
import { filterFromSearch } from "../../src/doc/community/registerQuery.ts";
import type { CommunityHandle } from "../../src/reactive/communityHandle.ts";
import { ReportView } from "../../src/ui/pages/ReportPage.tsx";
import { reportFromSearch } from "../../src/ui/reportAddress.ts";
import { parseRoute } from "../../src/ui/router.ts";
import { largeRegister } from "../helpers/largeRegister.ts";
import { englishDom } from "../helpers/englishDom.ts";

const cleanups = englishDom();

function handle(id: string, name: string, n: number): CommunityHandle {
  const matters = largeRegister(n).map((m): Matter => ({ ...m, id: `${id}-${m.id}` }));
  const state: Omit<WorkspaceSnapshot, "matters"> = {
    meta: { schemaVersion: 1, id, name, timeZone: "Asia/Shanghai", createdAt: 0 },
    talkPoints: [],
    directory: [
      { id: "d-power", order: "a0", name: "电力局", kind: "department", contact: "", retired: false },
    ],
    categories: [],
    sessions: [],
    readOnly: false,
  };
  const [store] = createStore(state);
  const [list] = createSignal<readonly Matter[]>(matters);
  return { id, state: store, matters: list, load: () => {} } as unknown as CommunityHandle;
}

const YEAR = "period=range&from=2023-01-01&to=2023-12-31";

function mount(search: string) {
  const handles = [handle("c1", "老城路社区", 60), handle("c2", "新城社区", 30)];
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(render(() => <ReportView handles={handles} search={search} />, host));
  const value = (key: string) => host.querySelector(`[data-figure=${key}] .figure-value`)!.textContent;
  const href = (key: string) => host.querySelector(`[data-figure=${key}] a`)?.getAttribute("href");
  return { host, value, href };
}

describe("ReportView", () => {
  it("counts every community's matters and sends a figure spanning both to the report's own list", () => {
    const { host, value, href } = mount(`scope=all&${YEAR}`);
    expect(value("raised")).toBe("90");
    expect(value("urgent")).toBe("23");
    expect(value("resolutionRate")).toBe("33.3%");
    const route = parseRoute(href("raised")!);
    expect(route.page).toBe("report");
    expect(reportFromSearch((route as { search: string }).search).figure).toBe("f:raised");
    expect(host.querySelectorAll(".report-charts svg[role=img]").length).toBe(4);
    expect(host.querySelectorAll("#chart-trend-caption ~ svg .chart-month").length).toBe(12);
    // No feedback was recorded: the figure is plain text, not a link to nothing.
    expect(value("feedback")).toBe("0");
    expect(href("feedback")).toBeUndefined();
  });

  it("lists a figure's matters per community, each group linking to its register filtered to them", () => {
    const { host } = mount(`scope=all&${YEAR}&figure=f%3Aurgent`);
    const list = host.querySelector(".report-matters")!;
    expect(list.querySelector("h2")!.textContent).toBe("Urgent-hard: 23 matters");
    const groups = [...list.querySelectorAll<HTMLAnchorElement>("h3 a")];
    expect(groups.map((a) => a.textContent)).toEqual([
      "Open these 15 matters in the register of 老城路社区",
      "Open these 8 matters in the register of 新城社区",
    ]);
    const c2 = parseRoute(groups[1]!.getAttribute("href")!) as { page: string; id: string; search: string };
    expect(c2).toMatchObject({ page: "register", id: "c2" });
    expect(filterFromSearch(c2.search).ids).toHaveLength(8);
    expect(list.querySelectorAll("li a").length).toBe(23);
  });

  it("links one community's figures straight to its register", () => {
    const { value, href, host } = mount(`scope=community&community=c2&${YEAR}`);
    expect(value("raised")).toBe("30");
    const route = parseRoute(href("raised")!) as { page: string; id: string; search: string };
    expect(route).toMatchObject({ page: "register", id: "c2" });
    expect(filterFromSearch(route.search).ids).toHaveLength(30);
    expect(host.querySelector(".report-scope")!.textContent).toBe("新城社区");
  });
});
