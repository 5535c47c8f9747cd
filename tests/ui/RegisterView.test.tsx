// @vitest-environment happy-dom
// The register over 10,000 matters: only a screenful of rows in the DOM, the filter read from the address
// (and written back to it), counts with plural forms, empty states, rows named for their matter.
import { describe, expect, it } from "vitest";
import { createSignal } from "solid-js";
import { render } from "solid-js/web";
import { createStore } from "solid-js/store";
import { filterFromSearch, queryMatters } from "../../src/doc/community/registerQuery.ts";
import { civilDate } from "../../src/doc/civilTime.ts";
import type { Matter, WorkspaceSnapshot } from "../../src/doc/community/schema.ts";
import { route } from "../../src/ui/router.ts";
import { RegisterView } from "../../src/ui/pages/RegisterPage.tsx";
import { largeRegister } from "../helpers/largeRegister.ts";
import { englishDom } from "../helpers/englishDom.ts";

const cleanups = englishDom();

function workspace(n: number): WorkspaceSnapshot {
  return {
    meta: { schemaVersion: 1, id: "c1", name: "老城路社区", timeZone: "Asia/Shanghai", createdAt: 0 },
    talkPoints: [],
    directory: [
      { id: "d-power", order: "a0", name: "电力局", kind: "department", contact: "", retired: false },
    ],
    categories: [{ id: "utilities", order: "a0", label: "" }],
    sessions: [],
    matters: largeRegister(n),
    readOnly: false,
  };
}

function mount(n: number, search = "") {
  const { matters, ...rest } = workspace(n);
  const [state] = createStore(rest);
  const [list] = createSignal<readonly Matter[]>(matters);
  const [address, setAddress] = createSignal(search);
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(
    render(() => <RegisterView handle={{ id: "c1", state, matters: list }} search={address()} />, host),
  );
  const rows = () => [...host.querySelectorAll<HTMLAnchorElement>("[role=listitem] a")];
  const count = () => host.querySelector(".register-count")!.textContent;
  return { host, state, rows, count, setAddress, list };
}

describe("RegisterView", () => {
  it("lists 10,000 matters with a screenful of named rows linking to each matter", () => {
    const { rows, count, list } = mount(10_000);
    expect(count()).toBe("Showing 10000 matters of 10000");
    expect(rows().length).toBeLessThan(30);
    const first = queryMatters(list(), {}, civilDate(Date.now(), "Asia/Shanghai"))[0]!;
    expect(rows()[0]!.getAttribute("href")).toBe(`#/matter/c1/${first.id}`);
    expect(rows()[0]!.getAttribute("aria-label")).toContain(first.text.slice(0, 10));
  });

  it("filters by the address, with plural counts, and writes a changed filter back to it", () => {
    const { host, rows, count, setAddress } = mount(10_000, "statuses=escalated&text=%2316");
    expect(count()).toMatch(/^Showing \d+ matters? of 10000$/);
    for (const a of rows()) expect(a.getAttribute("aria-label")).toContain("Escalated");
    setAddress("text=%239999");
    expect(count()).toBe("Showing 1 matter of 10000");
    // On happy-dom's 1024×768 screen the filters are folded into a line naming them: unfold them.
    const summary = host.querySelector<HTMLButtonElement>("button.filter-summary")!;
    expect(summary.getAttribute("aria-label")).toBe("Change the register's filters: containing “#9999”");
    summary.click();
    const urgent = [...host.querySelectorAll("label")].find((l) => l.textContent?.startsWith("Urgent-hard"))!;
    urgent.querySelector("input")!.click();
    const r = route();
    expect(r.page === "register" && filterFromSearch(r.search)).toEqual({ text: "#9999", urgent: true });
  });

  it("says when the register is empty, and when no matter matches", () => {
    const empty = mount(0);
    expect(empty.host.textContent).toContain("The register has no matters yet.");
    expect(empty.host.querySelector("[role=list]")).toBeNull();
    const none = mount(50, "text=nothing-like-this");
    expect(none.host.textContent).toContain("No matter matches these filters.");
  });
});
