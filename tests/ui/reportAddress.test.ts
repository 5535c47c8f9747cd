// The report's address: scope and period read from and written to the hash, periods on a given day, quarters
// offered, and where a figure's matters lead (one community's register, or the report's own list).
import { describe, expect, it } from "vitest";
import { filterFromSearch } from "../../src/doc/community/registerQuery.ts";
import {
  periodFor,
  quartersUpTo,
  reportFromSearch,
  reportToSearch,
  scopeOf,
  type ReportAddress,
} from "../../src/ui/reportAddress.ts";
import { figureHref } from "../../src/ui/reportFigures.ts";
import { parseRoute, routeHash } from "../../src/ui/router.ts";

describe("report address", () => {
  it.each<ReportAddress>([
    { scope: "all", period: "month" },
    { scope: "community", community: "c 1", period: "week" },
    { scope: "talkPoint", community: "c1", talkPoint: "tp/2", period: "quarter", quarter: "2024-Q1" },
    { scope: "all", period: "range", from: "2024-01-01", to: "2024-03-31", figure: "category:raised:a:b" },
  ])("survives the round trip through the route: %o", (a) => {
    const route = parseRoute(routeHash({ page: "report", search: reportToSearch(a) }));
    expect(route.page).toBe("report");
    expect(reportFromSearch((route as { search: string }).search)).toEqual(a);
  });

  it("falls back to every community this month on anything malformed", () => {
    expect(reportFromSearch("scope=talkPoint&community=c1&period=year&quarter=2024-Q5")).toEqual({
      scope: "all",
      period: "month",
    });
    expect(reportFromSearch("period=range&from=2024-02-30&to=x")).toEqual({ scope: "all", period: "range" });
    expect(scopeOf({ scope: "talkPoint", community: "c", talkPoint: "t", period: "week" })).toEqual({
      communityId: "c",
      talkPointId: "t",
    });
  });

  it("gives the period's civil dates on a day", () => {
    const on = (a: Partial<ReportAddress>) =>
      periodFor({ scope: "all", period: "month", ...a }, "2024-05-15");
    expect(on({ period: "week" })).toEqual({ from: "2024-05-13", to: "2024-05-19" });
    expect(on({})).toEqual({ from: "2024-05-01", to: "2024-05-31" });
    expect(on({ period: "quarter" })).toEqual({ from: "2024-04-01", to: "2024-06-30" });
    expect(on({ period: "quarter", quarter: "2023-Q4" })).toEqual({ from: "2023-10-01", to: "2023-12-31" });
    expect(on({ period: "range" })).toEqual({ from: "2024-05-01", to: "2024-05-15" });
    expect(on({ period: "range", from: "2024-03-09", to: "2024-01-02" })).toEqual({
      from: "2024-01-02",
      to: "2024-03-09",
    });
    expect(quartersUpTo("2023-11-02", "2024-05-15")).toEqual(["2024-Q2", "2024-Q1", "2023-Q4"]);
    expect(quartersUpTo("", "2024-05-15")).toEqual(["2024-Q2"]);
  });

  it("links a figure to the register of the one community holding its matters, else to the report's list", () => {
    const communityOf = new Map([
      ["m1", "c1"],
      ["m2", "c1"],
      ["m3", "c2"],
    ]);
    const a: ReportAddress = { scope: "all", period: "month" };
    const one = parseRoute(figureHref(["m1", "m2"], "f:urgent", communityOf, a)!);
    expect(one).toMatchObject({ page: "register", id: "c1" });
    expect(filterFromSearch((one as { search: string }).search)).toEqual({ ids: ["m1", "m2"] });
    const several = parseRoute(figureHref(["m1", "m3"], "f:urgent", communityOf, a)!);
    expect(reportFromSearch((several as { search: string }).search)).toEqual({ ...a, figure: "f:urgent" });
    expect(figureHref([], "f:urgent", communityOf, a)).toBeUndefined();
  });
});
