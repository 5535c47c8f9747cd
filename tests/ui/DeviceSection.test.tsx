// @vitest-environment happy-dom
// Device settings say whether the browser keeps this tablet's storage (navigator.storage.persisted()), and
// when it does not, "Ask again" asks for it (navigator.storage.persist()) and shows the new answer.
import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "solid-js/web";
import type { AppServices } from "../../src/ui/appContext.ts";
import { AppContext } from "../../src/ui/appContext.ts";
import { DeviceSection } from "../../src/ui/pages/DeviceSection.tsx";
import { englishDom } from "../helpers/englishDom.ts";

const cleanups = englishDom();
const settle = () => new Promise((r) => setTimeout(r, 0));

function fakeStorage(persisted: boolean, grants: boolean) {
  let kept = persisted;
  const storage = {
    persisted: vi.fn(async () => kept),
    persist: vi.fn(async () => (kept = grants)),
    estimate: async () => ({ usage: 0, quota: 1e9 }),
  };
  vi.stubGlobal("navigator", { ...navigator, storage });
  return storage;
}
afterEach(() => vi.unstubAllGlobals());

async function mount() {
  const host = document.createElement("div");
  document.body.append(host);
  const services = { db: {}, catalogue: {}, communities: {} } as unknown as AppServices;
  cleanups.push(
    render(() => <AppContext.Provider value={services}>{<DeviceSection />}</AppContext.Provider>, host),
  );
  await settle();
  return {
    line: () => host.querySelector(".persisted")?.textContent ?? null,
    askAgain: () => host.querySelector<HTMLButtonElement>(".persisted button"),
  };
}

describe("DeviceSection: storage kept by the browser", () => {
  it("says yes, with no button, when the browser keeps the storage", async () => {
    fakeStorage(true, true);
    const page = await mount();
    expect(page.line()).toBe("Storage kept by the browser: yes");
    expect(page.askAgain()).toBeNull();
  });

  it("says no, and asks again with a button that names what it asks", async () => {
    const storage = fakeStorage(false, true);
    const page = await mount();
    expect(page.line()).toContain(
      "Storage kept by the browser: no (the browser may clear it under pressure)",
    );
    expect(page.askAgain()?.textContent).toBe("Ask again");
    expect(page.askAgain()?.getAttribute("aria-label")).toBe(
      "Ask the browser again to keep this tablet's storage",
    );
    page.askAgain()!.click();
    await settle();
    await settle();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(page.line()).toBe("Storage kept by the browser: yes");
  });
});
