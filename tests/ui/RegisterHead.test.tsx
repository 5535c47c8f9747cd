// @vitest-environment happy-dom
// A cold register paints its first screen from the stored head while its workspace is still being read: the
// head's rows with the whole register's count; a filtered address waits for the workspace (the head holds
// only the first rows of the default order); once the workspace is open it takes over.
import { describe, expect, it } from "vitest";
import { createSignal } from "solid-js";
import { queryMatters } from "../../src/doc/community/registerQuery.ts";
import type { Matter } from "../../src/doc/community/schema.ts";
import type { CommunityHandle } from "../../src/reactive/communityHandle.ts";
import { HEAD_ROWS, type CommunityHead } from "../../src/reactive/communityView.ts";
import type { AppServices } from "../../src/ui/appContext.ts";
import { RegisterPage } from "../../src/ui/pages/RegisterPage.tsx";
import { largeRegister } from "../helpers/largeRegister.ts";
import { englishDom } from "../helpers/englishDom.ts";
import { mountRegisterPage } from "../helpers/registerDom.tsx";

const cleanups = englishDom();

const STATE = {
  meta: { schemaVersion: 1, id: "c1", name: "老城路社区", timeZone: "Asia/Shanghai", createdAt: 0 },
  talkPoints: [],
  directory: [],
  categories: [],
  sessions: [],
  readOnly: false,
};
const settle = () => new Promise((r) => setTimeout(r, 0));

function mount(search: string) {
  const all = largeRegister(1_000);
  const first = queryMatters(all, {}, "").slice(0, HEAD_ROWS);
  const head: CommunityHead = { state: STATE, matters: first, total: all.length };
  let openWorkspace: (h: CommunityHandle) => void = () => {};
  const opening = new Promise<CommunityHandle>((resolve) => (openWorkspace = resolve));
  const services = {
    communities: { head: async () => head, open: () => opening },
  } as unknown as AppServices;
  const [address] = createSignal(search);
  const mounted = mountRegisterPage(cleanups, services, () => <RegisterPage id="c1" search={address()} />);

  const workspace = {
    id: "c1",
    state: STATE,
    matters: () => all as readonly Matter[],
    shown: () => {},
  } as unknown as CommunityHandle;
  return {
    ...mounted,
    first,
    open: () => openWorkspace(workspace),
  };
}

describe("the register's first screen from its head", () => {
  it("lists the head's rows with the whole register's count while the workspace opens", async () => {
    const page = mount("");
    await settle();
    expect(page.count()).toBe("Showing 1000 matters of 1000");
    expect(page.rows()[0]!.getAttribute("href")).toBe(`#/matter/c1/${page.first[0]!.id}`);
    page.open();
    await settle();
    expect(page.count()).toBe("Showing 1000 matters of 1000");
    expect(page.rows()[0]!.getAttribute("href")).toBe(`#/matter/c1/${page.first[0]!.id}`);
  });

  it("waits for the workspace when the address holds a filter", async () => {
    const page = mount("statuses=escalated");
    await settle();
    expect(page.count()).toBeNull();
    expect(page.host.textContent).toContain("Opening…");
    page.open();
    await settle();
    expect(page.count()).toMatch(/^Showing \d+ matters? of 1000$/);
  });
});
