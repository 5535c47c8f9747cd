// Hash routes, with the register's filter in the query part of the hash (a report figure links to it).
import { describe, expect, it } from "vitest";
import { filterFromSearch, filterToSearch } from "../../src/doc/community/registerQuery.ts";
import { parseRoute, routeHash, type Route } from "../../src/ui/router.ts";

describe("routes", () => {
  it.each<[string, Route]>([
    ["#/", { page: "home" }],
    ["#/session/s1", { page: "session", id: "s1" }],
    ["#/talk-point/new", { page: "talkPoint", id: null }],
    ["#/community/new", { page: "community", id: null }],
    ["#/community/c%201", { page: "community", id: "c 1" }],
    ["#/register/c1", { page: "register", id: "c1", search: "" }],
    [
      "#/register/c1?statuses=escalated&overdue=true",
      { page: "register", id: "c1", search: "statuses=escalated&overdue=true" },
    ],
    ["#/matter/c1/m%2F2", { page: "matter", communityId: "c1", matterId: "m/2" }],
  ])("%s", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it("a malformed address goes home instead of failing", () => {
    expect(parseRoute("#/matter/c1")).toEqual({ page: "home" });
    expect(parseRoute("#/register/")).toEqual({ page: "home" });
    expect(parseRoute("#/session/%E0%A4%A")).toEqual({ page: "session", id: "%E0%A4%A" });
  });

  it("a register filter survives the round trip through the address", () => {
    const filter = {
      statuses: ["escalated" as const],
      ackOverdue: true,
      text: "鸿雁 小区&电表",
      sort: "due" as const,
    };
    const hash = routeHash({ page: "register", id: "c1", search: filterToSearch(filter) });
    const route = parseRoute(hash);
    expect(route.page === "register" && filterFromSearch(route.search)).toEqual(filter);
  });
});
