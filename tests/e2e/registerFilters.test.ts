// The register's filters on a tablet in real Chromium: at 1280×800 (landscape) and 800×1280 (portrait) they
// fold into a one-line summary of the filters in the address, so the first matter is in the top third of the
// screen; tapping the summary shows every filter, a change is written to the address and to the summary, and
// "Done" folds them again. Wider screens show the filters as before. Screenshots in the four languages at
// both sizes go to tests/e2e/__screenshots__/; axe finds nothing serious, folded or unfolded.
import { mkdirSync } from "node:fs";
import { seriousViolations } from "../helpers/axe.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";

let server: AppServer;
let browser: LaunchedBrowser;
let page: Page;
let communityId = "";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;
const SHOTS = "tests/e2e/__screenshots__";

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser({ viewport: SIZES[0] });
  page = browser.page;
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const register = (lang: string, search: string) =>
  `${server.url}/?lang=${lang}#/register/${communityId}${search ? `?${search}` : ""}`;
const firstRow = () => page.locator(".register-list [role=listitem]").first();
const summary = () => page.getByRole("button", { name: /^Change the register's filters: / });
const search = () => new URLSearchParams(new URL(page.url()).hash.split("?")[1] ?? "");

describe("the register's filters on a tablet", () => {
  it("loads the sample data's community", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole("button", { name: "Try with sample data" }).click();
    await page.locator(".session-link").first().waitFor();
    await page.goto(`${server.url}/?lang=en#/community/new`);
    await page.getByRole("link", { name: "老城路社区", exact: true }).click();
    await page.getByRole("link", { name: /^All matters \(\d+ matters\)/ }).waitFor();
    communityId = decodeURIComponent(new URL(page.url()).hash.split("/")[2]!);
    expect(communityId).not.toBe("");
  });

  for (const size of SIZES) {
    describe(`at ${size.width}×${size.height}`, () => {
      it("shows the first matter in the top third of the screen, under a summary of the address's filters", async () => {
        await page.setViewportSize(size);
        await page.goto(register("en", "statuses=open,inProgress,escalated&sort=due"));
        await page.getByText(/^Showing [1-9]\d* matters? of \d+$/).waitFor();
        await firstRow().waitFor();
        const top = (await firstRow().boundingBox())!.y;
        expect(top).toBeLessThan(size.height / 3);
        await expect
          .poll(() => summary().getAttribute("aria-label"))
          .toBe("Change the register's filters: Open, In progress, Escalated · Soonest due first");
        expect(await page.locator(".filter-summary-text").textContent()).toBe(
          "Open, In progress, Escalated · Soonest due first",
        );
        expect(await page.getByLabel("Overdue", { exact: true }).count()).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
      });

      it("shows every filter on a tap; a change goes to the address and the summary; Done folds them", async () => {
        await summary().click();
        const filters = page.getByRole("search", { name: "Filter the register" });
        await filters.waitFor();
        expect(await filters.getByLabel("Open", { exact: true }).isChecked()).toBe(true);
        expect(await filters.getByLabel("Escalated", { exact: true }).isChecked()).toBe(true);
        expect(await filters.getByLabel("Resolved", { exact: true }).isChecked()).toBe(false);
        expect(await filters.getByLabel("Overdue", { exact: true }).isChecked()).toBe(false);
        expect(await filters.getByRole("combobox", { name: "Order" }).inputValue()).toBe("due");
        expect(await seriousViolations(page)).toEqual([]);

        await filters.getByLabel("In progress", { exact: true }).uncheck();
        await filters.getByLabel("Escalated", { exact: true }).uncheck();
        await filters.getByLabel("Overdue", { exact: true }).check();
        // The register is not mounted anew by a changed address: the checkbox keeps the focus.
        expect(await page.evaluate(() => document.activeElement?.parentElement?.textContent ?? "")).toBe(
          "Overdue",
        );
        await filters.getByRole("combobox", { name: "Order" }).selectOption("raised");
        await filters.getByRole("combobox", { name: "Department" }).selectOption({ label: "电力局" });
        await expect.poll(() => search().get("departmentId")).toBeTruthy();
        expect(search().get("statuses")).toBe("open");
        expect(search().get("overdue")).toBe("true");
        // The summary above the open filters follows at once.
        await expect
          .poll(() => page.locator(".filter-summary-text").textContent())
          .toBe("Open · overdue · 电力局");

        await page.getByRole("button", { name: "Done: fold the register's filters" }).click();
        await expect.poll(() => filters.count()).toBe(0);
        await expect
          .poll(() => summary().getAttribute("aria-label"))
          .toBe("Change the register's filters: Open · overdue · 电力局");
        expect(await page.evaluate(() => document.activeElement?.classList.contains("filter-summary"))).toBe(
          true,
        );
        // Cleared, the summary says so.
        await summary().click();
        await page.getByRole("button", { name: "Clear filters" }).click();
        await expect.poll(() => new URL(page.url()).hash).toBe(`#/register/${communityId}`);
        await page.getByRole("button", { name: "Done: fold the register's filters" }).click();
        await expect
          .poll(() => summary().getAttribute("aria-label"))
          .toBe("Change the register's filters: All matters");
        await page.getByText(/^Showing (\d+) matters? of \1$/).waitFor();
      });

      it("is screenshotted in the four languages", async () => {
        const filter = "statuses=open,inProgress,escalated&sort=due";
        for (const lang of ["zh", "zh-Hant", "en", "ug"]) {
          await page.goto(register(lang, filter));
          await page.locator(".filter-summary").waitFor();
          await page.locator(".register-count").waitFor();
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === "ug" ? "rtl" : "ltr");
          await firstRow().waitFor();
          await page.screenshot({ path: `${SHOTS}/register-${lang}-${size.width}x${size.height}.png` });
        }
      });
    });
  }

  it("folds on rotation to portrait, and shows the filters as before on a wider screen", async () => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto(register("en", "overdue=true"));
    await page.getByRole("search", { name: "Filter the register" }).waitFor();
    expect(await summary().count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Done/ }).count()).toBe(0);
    await page.setViewportSize({ width: 1000, height: 1600 });
    await summary().waitFor();
    expect(await summary().getAttribute("aria-label")).toBe("Change the register's filters: overdue");
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByRole("search", { name: "Filter the register" }).waitFor();
  });
});
