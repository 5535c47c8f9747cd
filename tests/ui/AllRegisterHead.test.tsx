// @vitest-environment happy-dom
// The combined register's first screen from the registers' stored heads, while the workspaces are still
// being read: the first rows of every community merged in the register's order, with the count of all
// their matters; a filtered address, or a community without a head, waits for the workspaces.
import { describe, expect, it } from "vitest";
import { createSignal } from "solid-js";
import { queryMatters } from "../../src/doc/community/registerQuery.ts";
import type { Matter } from "../../src/doc/community/schema.ts";
import type { CommunityHandle } from "../../src/reactive/communityHandle.ts";
import { HEAD_ROWS, type CommunityHead } from "../../src/reactive/communityView.ts";
import { combinedOrder } from "../../src/ui/allMatters.ts";
import type { AppServices } from "../../src/ui/appContext.ts";
import { AllRegisterPage } from "../../src/ui/pages/AllRegisterPage.tsx";
import { englishDom } from "../helpers/englishDom.ts";
import { mountRegisterPage } from "../helpers/registerDom.tsx";
import { largeRegister } from "../helpers/largeRegister.ts";

const cleanups = englishDom();
const settle = () => new Promise((r) => setTimeout(r, 0));

const stateOf = (id: string, name: string) => ({
  meta: { schemaVersion: 1, id, name, timeZone: "Asia/Shanghai", createdAt: 0 },
  talkPoints: [],
  directory: [],
  categories: [],
  sessions: [],
  readOnly: false,
});

/** Two communities of 300 and 500 matters (ids made distinct), with heads unless `withoutHead` names one. */
function mount(search: string, withoutHead?: string) {
  const communities = [
    { id: "c1", name: "老城路社区", matters: largeRegister(300) },
    { id: "c2", name: "新城社区", matters: largeRegister(500).map((m) => ({ ...m, id: `n-${m.id}` })) },
  ];
  const heads = new Map<string, CommunityHead | null>(
    communities.map((c) => [
      c.id,
      c.id === withoutHead
        ? null
        : {
            state: stateOf(c.id, c.name),
            matters: queryMatters(c.matters, {}, "").slice(0, HEAD_ROWS),
            total: c.matters.length,
          },
    ]),
  );
  const services = {
    communities: {
      loaded: () => true,
      list: () => communities.map((c) => ({ id: c.id, name: c.name })),
      head: async (id: string) => heads.get(id) ?? null,
      open: () => new Promise<CommunityHandle>(() => {}), // still being read
    },
  } as unknown as AppServices;
  const [address] = createSignal(search);
  const mounted = mountRegisterPage(cleanups, services, () => <AllRegisterPage search={address()} />);

  const order = combinedOrder();
  const first = communities
    .flatMap((c) => c.matters.map((matter: Matter) => ({ matter, communityId: c.id })))
    .sort(order)[0]!;
  return {
    ...mounted,
    first,
  };
}

describe("the combined register's first screen from the heads", () => {
  it("merges every community's first rows, in the register's order, with the count of all", async () => {
    const page = mount("");
    await settle();
    expect(page.count()).toBe("Showing 800 matters of 800");
    expect(page.rows()[0]!.getAttribute("href")).toBe(
      `#/matter/${page.first.communityId}/${page.first.matter.id}`,
    );
  });

  it("waits for the workspaces when the address holds a filter, or a community has no head", async () => {
    for (const page of [mount("urgent=true"), mount("", "c2")]) {
      await settle();
      expect(page.count()).toBeNull();
      expect(page.host.textContent).toContain("Opening…");
    }
  });
});
