// The home screen in real Chromium at a 10-inch tablet's two sizes: a fresh tablet shows the sample button at
// the top; with data, the next session (with Start) comes first, then the communities (their names styled as
// card headings, not browser links; their counts as chips), then the sessions held, and the rarer things
// (join, import, this tablet's settings, new or paired community) behind "More" at the foot. Axe finds no
// serious violations; screenshots in every language at both sizes are kept under tests/e2e/__screenshots__/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { seriousViolations } from "../helpers/axe.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { homeUg } from "../../src/i18n/home/ug.ts";

const SHOTS = join("tests", "e2e", "__screenshots__");
const SIZES = [
  ["landscape", { width: 1280, height: 800 }],
  ["portrait", { width: 800, height: 1280 }],
] as const;
/** Chromium's colours for an unstyled link, unvisited and visited. */
const BROWSER_LINK_BLUES = ["rgb(0, 0, 238)", "rgb(85, 26, 139)"];
const MORE = "More: join a session, import, this tablet";

let server: AppServer;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startAppServer();
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.NaN;
const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;
const firstSection = () => page.locator("main.home > section").first();
const communitiesHeading = () => page.getByRole("heading", { level: 2, name: "Communities" });

describe("home screen", () => {
  it("shows the sample button at the top of a fresh tablet, in either orientation", async () => {
    await page.goto(`${server.url}/?lang=en`);
    const sample = page.getByRole("button", { name: "Try with sample data" });
    for (const [name, size] of SIZES) {
      await page.setViewportSize(size);
      await sample.waitFor();
      const box = await sample.boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(size.height * 0.6);
      expect(await firstSection().getAttribute("class"), name).toContain("empty-state");
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("with data: the next session first with Start, then the communities, then the sessions held", async () => {
    await page.setViewportSize(SIZES[0][1]);
    await page.getByRole("button", { name: "Try with sample data" }).click();
    await page.locator(".session-link").first().waitFor();
    await page.locator(".count-chip").first().waitFor();
    for (const [name, size] of SIZES) {
      await page.setViewportSize(size);
      const first = firstSection();
      await first.getByRole("heading", { level: 2, name: "Next session" }).waitFor();
      const start = first.getByRole("button", { name: /^Start session/ }).first();
      expect(await start.isVisible(), name).toBe(true);
      // The first Start is in the first screenful, above the communities and the sessions held.
      expect(await top(start), name).toBeLessThan(size.height);
      const sessions = page.getByRole("heading", { level: 2, name: /^Sessions held/ });
      expect(await top(first), name).toBeLessThan(await top(communitiesHeading()));
      expect(await top(communitiesHeading()), name).toBeLessThan(await top(sessions));
      // The device settings are not on show: they wait behind "More", after everything else.
      expect(await page.getByRole("heading", { name: "This device" }).isVisible(), name).toBe(false);
      expect(await page.getByLabel("Import an archive (.json)").isVisible(), name).toBe(false);
      expect(await top(page.getByText(MORE)), name).toBeGreaterThan(await top(sessions));
    }
  });

  it("emphasises the first talk point; a meeting today is marked Today and comes first", async () => {
    const cards = firstSection().locator("li.next-card");
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().getAttribute("class")).toContain("next-first");
    const todays = await cards.evaluateAll((els) => els.map((el) => el.classList.contains("next-today")));
    // Today's come before the others (none after a card that is not today's is today's).
    expect(todays).toEqual([...todays].sort((a, b) => Number(b) - Number(a)));
    for (const [i, today] of todays.entries())
      expect(await cards.nth(i).getByText("Today", { exact: true }).count()).toBe(today ? 1 : 0);
    // Start opens the start form (the existing flow); Cancel closes it.
    await cards
      .first()
      .getByRole("button", { name: /^Start session/ })
      .click();
    const form = page.getByRole("form", { name: "Start session" });
    await form.waitFor();
    expect(await form.isVisible()).toBe(true);
    await form.getByRole("button", { name: "Cancel" }).click();
    await form.waitFor({ state: "detached" });
  });

  it("styles a community card: its name a heading link in the ink colour, counts as large chips", async () => {
    for (const [name, size] of SIZES) {
      await page.setViewportSize(size);
      const card = page.locator(".community-card").first();
      const link = card.getByRole("heading", { level: 3 }).getByRole("link");
      const style = await link.evaluate((el) => {
        const s = getComputedStyle(el);
        const ink = getComputedStyle(document.documentElement).getPropertyValue("--ink").trim();
        const probe = document.createElement("span");
        probe.style.color = ink;
        document.body.append(probe);
        const inkRgb = getComputedStyle(probe).color;
        probe.remove();
        return { color: s.color, decoration: s.textDecorationLine, inkRgb };
      });
      expect(BROWSER_LINK_BLUES, name).not.toContain(style.color);
      expect(style.color, name).toBe(style.inkRgb);
      expect(style.decoration, name).toBe("none");
      expect(await height(link), name).toBeGreaterThanOrEqual(44);
      const open = card.getByRole("link", { name: /^Open: \d+ matters?, in .+'s register$/ });
      expect(await open.isVisible(), name).toBe(true);
      expect(await height(open), name).toBeGreaterThanOrEqual(44);
      const chips = card.locator(".count-chip");
      for (let i = 0; i < (await chips.count()); i++) {
        expect(await chips.nth(i).isVisible()).toBe(true);
        expect(await height(chips.nth(i))).toBeGreaterThanOrEqual(44);
        expect(BROWSER_LINK_BLUES).not.toContain(
          await chips.nth(i).evaluate((el) => getComputedStyle(el).color),
        );
      }
      const overdue = card.locator(".count-chip.overdue");
      if ((await overdue.count()) > 0)
        expect(await overdue.first().evaluate((el) => getComputedStyle(el).color)).toBe("rgb(140, 29, 24)");
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("counts a session's resolved matters as the register holds them, not as the table left its follow-ups", async () => {
    // About a month ago: the cluttered stairwell (closed after a second resolution) and the rubbish (closed)
    // were resolved in the register since; the streetlights were acknowledged. The table left all three open.
    // Newest first: the last sitting, the one before, the one about a month ago.
    const [last, previous, older] = [0, 1, 2].map((i) => page.locator(".session-link").nth(i));
    await expect.poll(() => older!.textContent()).toContain("(urgent 1, resolved 2)");
    expect(await previous!.textContent()).toContain("(urgent 1, resolved 0)");
    expect(await last!.textContent()).toContain("(urgent 2, resolved 2)");
  });

  it("keeps the rarer controls behind one button: join, import, this tablet, new or paired community", async () => {
    await page.setViewportSize(SIZES[0][1]);
    await page.getByText(MORE).click();
    for (const control of [
      page.getByLabel("Join code"),
      page.getByRole("button", { name: "Join", exact: true }),
      page.getByLabel("Import an archive (.json)"),
      page.getByLabel("Device name"),
      page.getByRole("link", { name: "New community" }),
      page.getByRole("link", { name: "Pair with a community" }),
      page.getByRole("group", { name: "Language" }),
    ])
      expect(await control.isVisible(), String(control)).toBe(true);
    expect(await top(communitiesHeading())).toBeLessThan(
      await top(page.getByRole("heading", { name: "This device" })),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Join code").fill("K7QD-3M9X-F2PA-W8TN");
    await page.getByRole("button", { name: "Join", exact: true }).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/join\//);
  });

  it("in every language at both sizes (Uyghur right to left), with screenshots", async () => {
    for (const lang of ["zh", "zh-Hant", "en", "ug"] as const) {
      await page.goto(`${server.url}/?lang=${lang}`);
      await page.locator(".session-link").first().waitFor();
      await page.locator(".count-chip").first().waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === "ug" ? "rtl" : "ltr");
      if (lang === "ug")
        await firstSection().getByRole("heading", { name: homeUg["home.next.heading"] }).waitFor();
      for (const [name, size] of SIZES) {
        await page.setViewportSize(size);
        expect(
          await firstSection().locator("li.next-card").first().getByRole("button").first().isVisible(),
        ).toBe(true);
        await page.screenshot({ path: join(SHOTS, `home-${lang}-${name}.png`), fullPage: true });
      }
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    await page.setViewportSize(SIZES[0][1]);
  });
});
