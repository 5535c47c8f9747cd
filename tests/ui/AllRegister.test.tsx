// @vitest-environment happy-dom
// The combined register (every community on the tablet) over three workspaces built with the real mutators,
// in three time zones: for every filter it lists exactly the union of what each community's own register
// lists (category and department chosen by name, a community filter, overdue in each community's zone), in
// a single register's order; rows name their community and open the matter; a change in one community
// updates the list live and sorts only that community again.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createRoot, createSignal, type Accessor } from "solid-js";
import { createStore } from "solid-js/store";
import { render } from "solid-js/web";
import { civilDate } from "../../src/doc/civilTime.ts";
import { setActor } from "../../src/doc/device.ts";
import { addCommunityCategory, addDirectoryEntry } from "../../src/doc/community/directory.ts";
import {
  acknowledgeMatter,
  assignMatter,
  createMatter,
  escalateMatter,
  resolveMatter,
} from "../../src/doc/community/matters.ts";
import { readMatters, workspaceSnapshot } from "../../src/doc/community/readers.ts";
import {
  filterFromSearch,
  filterToSearch,
  type RegisterFilter,
} from "../../src/doc/community/registerQuery.ts";
import type { Matter, MatterStatus } from "../../src/doc/community/schema.ts";
import { initWorkspace } from "../../src/doc/community/workspaceDoc.ts";
import { setLang } from "../../src/i18n/i18n.ts";
import { combinedOrder, createAllMatters, type RegisterSource } from "../../src/ui/allMatters.ts";
import { createMatterQuery } from "../../src/ui/matterQuery.ts";
import { AllRegisterView } from "../../src/ui/pages/AllRegisterPage.tsx";
import { allRegisterHrefOf, figureHref } from "../../src/ui/reportFigures.ts";
import { parseRoute, route } from "../../src/ui/router.ts";

/** 2024-03-10 17:30 UTC: already 03-11 in Shanghai, still 03-10 in Urumqi and Los Angeles. */
const NOW = Date.UTC(2024, 2, 10, 17, 30);
const DAY = 86_400_000;
const COMMUNITIES = [
  { id: "c1", name: "老城路社区", timeZone: "Asia/Shanghai" },
  { id: "c2", name: "新城社区", timeZone: "Asia/Urumqi" },
  { id: "c3", name: "大华社区", timeZone: "America/Los_Angeles" },
] as const;
const WORDS = ["电表老化", "楼道堆物", "停车难", "噪音扰民", "广场舞"];

/** A small deterministic generator, so every run builds the same registers. */
function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
}

interface Built {
  id: string;
  doc: Y.Doc;
  source: RegisterSource;
  setMatters: (m: readonly Matter[]) => void;
  today: string;
}

/** One community's workspace with `n` matters taken through the lifecycle by the real mutators. */
function build(c: (typeof COMMUNITIES)[number], index: number, n: number): Built {
  const doc = initWorkspace(new Y.Doc(), { id: c.id, name: c.name, timeZone: c.timeZone, createdAt: 0 });
  setActor(doc, "网格员");
  // The same names in every community, under ids of each community's own.
  const fire = addCommunityCategory(doc, "消防安全");
  const water = addDirectoryEntry(doc, { name: "水务局", kind: "department" });
  const power = workspaceSnapshot(doc).directory.find((d) => d.name === "电力局")!.id;
  const categories = ["utilities", "parking", "noise", fire];
  const rand = prng(17 + index);
  for (let i = 0; i < n; i++) {
    // One id in two communities: the combined register keeps both.
    const id = i === 0 && index < 2 ? "m-shared" : `${c.id}-m${i}`;
    const raised = NOW - (1 + rand(40)) * DAY;
    createMatter(
      doc,
      {
        id,
        sessionId: `${c.id}-s${rand(3)}`,
        talkPointId: `${c.id}-tp${rand(2)}`,
        raisedOn: civilDate(raised, c.timeZone),
        text: `${WORDS[rand(WORDS.length)]} #${i}`,
        categoryId: categories[rand(categories.length)],
        urgent: rand(3) === 0,
        raisedBy: "居民",
      },
      raised,
    );
    // Due dates around today, so "overdue" depends on the community's zone.
    const due = civilDate(NOW + (rand(5) - 2) * DAY, "UTC");
    assignMatter(doc, id, { owner: `网格员${rand(3)}`, due }, raised + 1);
    const fate = rand(5);
    if (fate >= 2) {
      const deadline = civilDate(raised + (rand(30) + 1) * DAY, c.timeZone);
      escalateMatter(
        doc,
        id,
        { departmentId: rand(2) ? power : water, reason: "需要部门", deadline },
        raised + 2,
      );
    }
    if (fate === 3)
      acknowledgeMatter(
        doc,
        id,
        { person: "赵工", commitment: "本周", on: civilDate(raised + 3, c.timeZone) },
        raised + 3,
      );
    if (fate === 4 || fate === 1) resolveMatter(doc, id, { note: "已办" }, raised + 4);
  }
  const { matters, ...state } = workspaceSnapshot(doc);
  const [store] = createStore(state);
  const [list, setMatters] = createSignal<readonly Matter[]>(matters);
  expect(readMatters(doc).length).toBe(n);
  return {
    id: c.id,
    doc,
    source: { id: c.id, state: store, matters: list },
    setMatters,
    today: civilDate(NOW, c.timeZone),
  };
}

/** The filter a community's own register is given for the same question, or null when it lists none. */
function ownFilter(f: RegisterFilter, b: Built): RegisterFilter | null {
  if (f.communityId && f.communityId !== b.id) return null;
  const own: RegisterFilter = { ...f, communityId: undefined, category: undefined, department: undefined };
  const state = b.source.state;
  if (f.category) {
    const cat = state.categories.find((c) => (c.label || c.id) === f.category);
    if (!cat) return null;
    own.categoryId = cat.id;
  }
  if (f.department) {
    const entry = state.directory.find((d) => d.name === f.department);
    if (!entry) return null;
    own.departmentId = entry.id;
  }
  return own;
}

const key = (e: { matter: Matter; communityId: string }) => `${e.communityId}/${e.matter.id}`;

const FILTERS: RegisterFilter[] = [
  {},
  { sort: "due" },
  { sort: "age" },
  { statuses: ["escalated", "acknowledged"] },
  { overdue: true },
  { overdue: true, sort: "due" },
  { ackOverdue: true },
  { urgent: true },
  { urgent: false, statuses: ["open", "inProgress"] },
  { category: "消防安全" },
  { category: "utilities", sort: "age" },
  { department: "水务局" },
  { department: "电力局", overdue: true },
  { communityId: "c2" },
  { communityId: "c3", category: "消防安全", sort: "due" },
  { talkPointId: "c1-tp1" },
  { text: "广场舞" },
  { text: "#1", owner: "网格员1" },
  { ids: ["m-shared", "c3-m5", "c2-m7", "c1-m9"] },
  { sessionIds: ["c1-s0", "c3-s2"] },
  { from: "2024-02-15", to: "2024-03-01" },
];

let built: Built[] = [];
const cleanups: (() => void)[] = [];
beforeEach(() => {
  setLang("en");
  built = COMMUNITIES.map((c, i) => build(c, i, 60));
});
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.innerHTML = "";
  setLang("zh");
});

describe("the combined register's query", () => {
  it("lists exactly the union of each community's own register, in a single register's order", () => {
    createRoot((dispose) => {
      const [filter, setFilter] = createSignal<RegisterFilter>({});
      const all = createAllMatters(
        () => built.map((b) => b.source),
        filter,
        () => NOW,
      );
      // Each community's own register, as RegisterView queries it.
      const own = built.map((b) => {
        const f = () => ownFilter(filter(), b);
        const shown = createMatterQuery(
          b.source.matters,
          () => f() ?? {},
          () => b.today,
        );
        return () => (f() ? shown().map((matter) => ({ matter, communityId: b.id })) : []);
      });
      expect(all.merged().length).toBe(180);
      for (const f of FILTERS) {
        setFilter(f);
        const union = own.flatMap((o) => o()).sort(combinedOrder(f.sort));
        expect(all.shown().map(key), JSON.stringify(f)).toEqual(union.map(key));
        // Every question has an answer, and each filter leaves something out: none is vacuous.
        expect(union.length, JSON.stringify(f)).toBeGreaterThan(0);
        if (Object.keys(f).some((k) => k !== "sort")) expect(union.length).toBeLessThan(180);
      }
      dispose();
    });
  });

  it("reckons today and overdue in each community's own time zone", () => {
    createRoot((dispose) => {
      const all = createAllMatters(
        () => built.map((b) => b.source),
        () => ({ overdue: true }),
        () => NOW,
      );
      expect(built.map((b) => b.today)).toEqual(["2024-03-11", "2024-03-10", "2024-03-10"]);
      // Due 2024-03-10 and open: overdue in Shanghai, not yet in Urumqi or Los Angeles.
      const dueToday = (m: Matter) => m.due === "2024-03-10" && !["resolved", "closed"].includes(m.status);
      const shown = new Set(all.shown().map(key));
      const due = built.flatMap((b) =>
        b.source
          .matters()
          .filter(dueToday)
          .map((matter) => key({ matter, communityId: b.id })),
      );
      expect(due.filter((k) => k.startsWith("c1/")).length).toBeGreaterThan(0);
      expect(due.filter((k) => !k.startsWith("c1/")).length).toBeGreaterThan(0);
      for (const k of due) expect(shown.has(k), k).toBe(k.startsWith("c1/"));
      dispose();
    });
  });

  it("reads the community filter and the filters by name back from the address", () => {
    const f: RegisterFilter = {
      communityId: "c2",
      category: "消防安全",
      department: "水务局",
      ids: ["a", "b"],
    };
    expect(filterFromSearch(filterToSearch(f))).toEqual(f);
  });

  it("updates when one community changes, sorting only that community again", () => {
    createRoot((dispose) => {
      const all = createAllMatters(
        () => built.map((b) => b.source),
        () => ({ statuses: ["resolved"] as MatterStatus[] }),
        () => NOW,
      );
      const before = all.shown().length;
      const untouched = all.communities()[0]!.sorted();
      const b = built[2]!;
      const open = b.source.matters().find((m) => m.status === "inProgress" || m.status === "open")!;
      resolveMatter(b.doc, open.id, { note: "已办" }, NOW);
      b.setMatters(readMatters(b.doc));
      expect(all.shown().length).toBe(before + 1);
      expect(all.shown().some((e) => e.communityId === "c3" && e.matter.id === open.id)).toBe(true);
      expect(all.communities()[0]!.sorted()).toBe(untouched);
      dispose();
    });
  });
});

function mount(search: string, now: Accessor<number> = () => NOW) {
  const host = document.createElement("div");
  document.body.append(host);
  const [address, setAddress] = createSignal(search);
  cleanups.push(
    render(() => <AllRegisterView sources={built.map((b) => b.source)} search={address()} now={now} />, host),
  );
  const rows = () => [...host.querySelectorAll<HTMLElement>("[role=listitem]")];
  const count = () => host.querySelector(".register-count")!.textContent;
  return { host, rows, count, setAddress };
}

describe("AllRegisterView", () => {
  it("names each row's community and links it to the matter's page in that community", () => {
    const { host, rows, count } = mount("ids=m-shared");
    expect(host.querySelector("h1")!.textContent).toBe("Register of every community");
    expect(count()).toBe("Showing 2 matters of 180");
    expect(host.querySelector("[role=list]")!.getAttribute("aria-label")).toBe(
      "Matters of every community's register",
    );
    const shown = rows().map((r) => [
      r.querySelector(".all-register-community")!.textContent,
      r.querySelector("a")!.getAttribute("href"),
    ]);
    expect(shown.map(([, href]) => parseRoute(href!))).toEqual(
      expect.arrayContaining([
        { page: "matter", communityId: "c1", matterId: "m-shared" },
        { page: "matter", communityId: "c2", matterId: "m-shared" },
      ]),
    );
    const names = Object.fromEntries(
      shown.map(([name, href]) => [(parseRoute(href!) as { communityId: string }).communityId, name]),
    );
    expect(names).toEqual({ c1: "老城路社区", c2: "新城社区" });
  });

  it("offers a community filter and categories and departments by name, writing them to the address", () => {
    const { host, count, setAddress } = mount("");
    // On happy-dom's 1024×768 screen the filters are folded into a line naming them: unfold them.
    host.querySelector<HTMLButtonElement>("button.filter-summary")!.click();
    const select = (label: string) =>
      [...host.querySelectorAll("label")]
        .find((l) => l.firstChild?.textContent === label)!
        .querySelector("select")!;
    const options = (label: string) => [...select(label).options].map((o) => o.textContent);
    expect(options("Community")).toEqual(["Any", "老城路社区", "新城社区", "大华社区"]);
    expect(options("Department")).toContain("水务局");
    expect(options("Department").filter((o) => o === "电力局")).toHaveLength(1);
    expect(options("Category").filter((o) => o === "消防安全")).toHaveLength(1);
    const community = select("Community");
    community.value = "c3";
    community.dispatchEvent(new Event("change"));
    const r = route();
    expect(r).toMatchObject({ page: "register", id: "all" });
    expect(filterFromSearch((r as { search: string }).search)).toEqual({ communityId: "c3" });
    setAddress((r as { search: string }).search);
    expect(count()).toBe("Showing 60 matters of 180");
    expect(host.querySelector(".filter-summary-text")!.textContent).toBe("大华社区");
  });

  it("shows a change made in one community without reload", () => {
    const { count } = mount("text=%E6%96%B0%E4%BA%8B");
    expect(count()).toBe("Showing 0 matters of 180");
    const b = built[1]!;
    createMatter(
      b.doc,
      { id: "c2-new", sessionId: "s", talkPointId: "tp", raisedOn: "2024-03-10", text: "新事" },
      NOW,
    );
    b.setMatters(readMatters(b.doc));
    expect(count()).toBe("Showing 1 matter of 181");
  });
});

describe("the report's links to the combined register", () => {
  it("offers it for a figure whose matters are in several communities, filtered to exactly them", () => {
    const communityOf = new Map([
      ["m1", "c1"],
      ["m2", "c1"],
      ["m3", "c2"],
    ]);
    const address = { scope: "all", period: "month" } as const;
    const several = allRegisterHrefOf(figureHref(["m1", "m3"], "f:urgent", communityOf, address), [
      "m1",
      "m3",
    ]);
    const to = parseRoute(several!) as { page: string; id: string; search: string };
    expect(to).toMatchObject({ page: "register", id: "all" });
    expect(filterFromSearch(to.search)).toEqual({ ids: ["m1", "m3"] });
    // One community's figure already opens that community's register.
    expect(
      allRegisterHrefOf(figureHref(["m1", "m2"], "f:urgent", communityOf, address), ["m1", "m2"]),
    ).toBeUndefined();
    expect(allRegisterHrefOf(undefined, [])).toBeUndefined();
  });
});
