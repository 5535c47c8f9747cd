// The community workspace in real Chromium: a new community made through the form, a department added to its
// directory and the time zone changed (both still there after a reload, from IndexedDB), the register opened
// from the community page (empty), a filter kept in the address; then the sample data's community with its
// matters: the register filtered, a matter resolved (refused first without a note); axe on every page.
import { seriousViolations } from "../helpers/axe.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";

let server: AppServer;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Unfolds the register's filters: on this 1280×800 tablet they are folded into a line naming them. */
const showFilters = () => page.getByRole("button", { name: /^Change the register's filters: / }).click();

/** The community page's line under its name: its time zone. */
const zone = () => page.locator(".community-heading p").textContent();

describe("community and register", () => {
  it("makes a new community and shows its page", async () => {
    await page.goto(`${server.url}/?lang=en#/community/new`);
    const form = page.getByRole("form", { name: "New community" });
    await form.getByLabel("Community").fill("新城社区");
    await expect.poll(() => form.getByLabel("Time zone").inputValue()).toBe("Asia/Shanghai");
    await form.getByRole("button", { name: "Create community" }).click();
    await page.getByRole("heading", { level: 1, name: "新城社区" }).waitFor();
    expect(page.url()).toMatch(/#\/community\/[^/]+$/);
    await expect.poll(() => zone()).toBe("Beijing time (Asia/Shanghai)");
    // The seed's departments come with every new community.
    await page.getByLabel("Name of 电力局").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("adds a department, changes the time zone, and keeps both after a reload", async () => {
    await page.getByLabel("Name of the new department or unit").fill("水务局");
    await page
      .getByLabel("Kind of the new department or unit")
      .selectOption({ label: "Government department" });
    await page.getByRole("button", { name: "Add to the directory" }).click();
    await page.getByLabel("Name of 水务局").waitFor();
    expect(await page.getByLabel("Kind of 水务局").inputValue()).toBe("department");

    const settings = page.getByRole("form", { name: "Community name and time zone" });
    await settings.getByLabel("Time zone").fill("Asia/Urumqi");
    await settings.getByRole("button", { name: "Save community settings" }).click();
    await expect.poll(() => zone()).toBe("Xinjiang time (Asia/Urumqi)");

    // A zone no runtime knows is refused with a message; the name and zone stay as they were.
    await settings.getByLabel("Time zone").fill("Mars/Olympus");
    await settings.getByRole("button", { name: "Save community settings" }).click();
    await page.getByText("Time zone: that value is not valid.").waitFor();
    await expect.poll(() => zone()).toBe("Xinjiang time (Asia/Urumqi)");

    await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();
    await page.reload();
    await page.getByLabel("Name of 水务局").waitFor();
    await expect.poll(() => zone()).toBe("Xinjiang time (Asia/Urumqi)");
  });

  it("opens the empty register from the community page, keeps a filter in the address, passes axe", async () => {
    await page.getByRole("link", { name: "All matters (0 matters)" }).click();
    await page.getByRole("heading", { level: 1, name: "新城社区 · Register" }).waitFor();
    await page.getByText("The register has no matters yet.").waitFor();
    await page.getByText("Showing 0 matters of 0").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await showFilters();
    await page.getByLabel("Overdue", { exact: true }).check();
    await page.getByLabel("Escalated", { exact: true }).check();
    await expect.poll(() => new URL(page.url()).hash).toContain("overdue=true");
    expect(new URL(page.url()).hash).toContain("statuses=escalated");
    await page.reload();
    await page.getByText("The register has no matters yet.").waitFor();
    expect(
      await page.getByRole("button", { name: /^Change the register's filters: / }).getAttribute("aria-label"),
    ).toBe("Change the register's filters: Escalated · overdue");
    await showFilters();
    expect(await page.getByLabel("Overdue", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Escalated", { exact: true }).isChecked()).toBe(true);

    // The community page's counts link to the register with their filter in the address.
    await page.getByRole("link", { name: /^Back to 新城社区/ }).click();
    await page.getByRole("link", { name: /^Escalated, not acknowledged in time/ }).click();
    await expect.poll(() => new URL(page.url()).hash).toContain("ackOverdue=true");
    await showFilters();
    expect(await page.getByLabel("Escalated, acknowledgement overdue").isChecked()).toBe(true);
  });

  it("lists the sample session's matters, filters them, and resolves one from its page", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole("button", { name: "Try with sample data" }).click();
    await page.locator(".session-link").first().waitFor();
    await page.goto(`${server.url}/?lang=en#/community/new`);
    await page.getByRole("link", { name: "老城路社区", exact: true }).click();
    await page.getByRole("link", { name: /^All matters \(10 matters\)/ }).waitFor();
    await page.getByRole("link", { name: /^All matters/ }).click();
    const list = page.getByRole("list", { name: "Matters of 老城路社区's register" });
    await expect.poll(() => list.getByRole("link").count()).toBe(10);
    expect(await seriousViolations(page)).toEqual([]);

    await showFilters();
    await page.getByLabel("Overdue", { exact: true }).check();
    await page.getByText("Showing 4 matters of 10").waitFor();
    await page.getByLabel("Overdue", { exact: true }).uncheck();
    await page.getByLabel("Search (text, owner, place, department)").fill("广场舞");
    await page.getByText("Showing 1 matter of 10").waitFor();
    const row = list.getByRole("link", { name: /广场舞.*: Open, raised/ });
    await row.click();

    await page.locator("#matter-status").getByText("Open").waitFor();
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: `Resolve ${title}`, exact: true }).click();
    const form = page.getByRole("form", { name: `Resolve ${title}` });
    await form.getByRole("button", { name: `Confirm: Resolve ${title}` }).click();
    await page.getByText("Please fill in: Resolution.").waitFor();
    await form.getByLabel("Resolution").fill("社区院内每晚 8 点，关老师教");
    await form.getByRole("button", { name: `Confirm: Resolve ${title}` }).click();
    await page.locator("#matter-status").getByText("Resolved").waitFor();
    await page.locator(".matter-history").getByText("Resolve", { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /^Back to 老城路社区's register/ }).click();
    await showFilters();
    await page.getByLabel("Resolved", { exact: true }).check();
    await page.getByText("Showing 2 matters of 10").waitFor();
  });

  it("paints the register's first frame from its stored head after a reload, with the whole count", async () => {
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByText("Showing 10 matters of 10").waitFor();
    const id = /#\/register\/([^/?]+)/.exec(page.url())![1]!;
    // The view and its head are stored a moment after the last change: wait until the head shows exactly
    // the workspace's rows now (a head stored before a later write is not offered).
    const headStored = (docId: string) =>
      new Promise<boolean>((ok) => {
        const req = indexedDB.open("yishi");
        req.onsuccess = () => {
          const tx = req.result.transaction(["views", "updates"]);
          const head = tx.objectStore("views").get(`${docId}\u0000head`);
          const keys = tx.objectStore("updates").index("bySession").getAllKeys(docId);
          tx.oncomplete = () => {
            req.result.close();
            const stored = (head.result as { keys?: number[] } | undefined)?.keys ?? [];
            const rows = keys.result as number[];
            ok(rows.length > 0 && stored.length === rows.length && rows.every((k) => stored.includes(k)));
          };
          tx.onerror = () => (req.result.close(), ok(false));
        };
        req.onerror = () => ok(false);
      });
    const current = () => page.evaluate(headStored, `community:${id}`);
    await expect.poll(current, { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(1_500); // a write still on its way would make it stale again: then wait again
    await expect.poll(current, { timeout: 10_000 }).toBe(true);
    // (A string: tsx would wrap a named inner function in a helper the page does not have.)
    await page.addInitScript(`window.yishiFirstRows = new Promise((resolve) => {
      const check = () => {
        const row = document.querySelector(".register-list [role=listitem] a");
        if (!row) return requestAnimationFrame(check);
        resolve({
          count: document.querySelector(".register-count")?.textContent,
          first: row.getAttribute("aria-label"),
          head: performance.getEntriesByName("yishi:community-head").length > 0,
        });
      };
      requestAnimationFrame(check);
    });`);
    await page.reload();
    const firstFrame = await page.evaluate("window.yishiFirstRows");
    await page.waitForFunction(() => performance.getEntriesByName("yishi:community-loaded").length > 0);
    const list = page.getByRole("list", { name: "Matters of 老城路社区's register" });
    expect(firstFrame).toEqual({
      count: "Showing 10 matters of 10",
      first: await list.getByRole("link").first().getAttribute("aria-label"),
      head: true,
    });
    const [head, view] = await page.evaluate(() =>
      ["yishi:community-head", "yishi:community-view"].map(
        (m) => performance.getEntriesByName(m)[0]!.startTime,
      ),
    );
    expect(head).toBeLessThan(view!);
  });
});
