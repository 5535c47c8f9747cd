// Accessibility (axe-core) on the home, session, display and minutes views, and screenshots of the display
// (every language) and of the session (Uyghur, Traditional Chinese) kept under tests/e2e/__screenshots__/ (not committed) for a person to look at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { seriousViolations } from "../helpers/axe.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { ug } from "../../src/i18n/ug.ts";
import { zhHant } from "../../src/i18n/zhHant.ts";

const SHOTS = join("tests", "e2e", "__screenshots__");
let server: AppServer;
let facilitator: LaunchedBrowser;
let screen: LaunchedBrowser;
let code = "";

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startAppServer();
  [facilitator, screen] = await Promise.all([launchBrowser(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([facilitator?.close(), screen?.close()]);
  await server?.close();
});

/** The accessible names of the buttons (and selects) in `scope`, from its accessibility tree. */
async function controlNames(scope: Locator): Promise<string[]> {
  const snapshot = await scope.ariaSnapshot();
  return [...snapshot.matchAll(/(?:button|combobox) "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

/** Names that appear more than once. */
const repeated = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);

describe("accessibility", () => {
  it("home", async () => {
    await facilitator.page.goto(`${server.url}/?lang=en`);
    await facilitator.page.getByRole("button", { name: "Try with sample data" }).click();
    await facilitator.page.locator(".session-link").first().waitFor();
    expect(await seriousViolations(facilitator.page)).toEqual([]);
  });

  it("session, each tab", async () => {
    const page = facilitator.page;
    await page.locator(".session-link").first().click();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
    for (const tab of ["Issues", "Votes", "Follow-ups", "Attendance", "Notes"]) {
      await page.getByRole("tab", { name: new RegExp(tab) }).click();
      expect(await seriousViolations(page), tab).toEqual([]);
    }
    await page.getByRole("button", { name: /Not shared/ }).click();
    await page.locator(".share-code").waitFor();
    code = (await page.locator(".share-code").textContent())!.trim();
    expect(await seriousViolations(page), "share panel").toEqual([]);
    // The code is text a screen reader reads, after its visible label.
    const share = await page.locator(".share-panel").ariaSnapshot();
    expect(share).toMatch(new RegExp(`Join code:"?\\s*- \\w+: ${code}`));
  });

  it("every button of an issue or a follow-up names its record; no empty timers; chips readable", async () => {
    const page = facilitator.page;
    await page.getByRole("button", { name: "Close" }).click();
    await page.getByRole("tab", { name: /Issues/ }).click();
    const issues = page.locator(".issue");
    expect(await issues.count()).toBeGreaterThanOrEqual(2);
    const issueNames = await controlNames(page.locator(".tab-panel .cards"));
    expect(issueNames.length).toBeGreaterThanOrEqual(4 * (await issues.count()));
    expect(repeated(issueNames)).toEqual([]);
    expect(issueNames.filter((n) => n.startsWith("Delete issue 大华商城停车位紧张"))).toHaveLength(1);
    await page.getByRole("tab", { name: /Follow-ups/ }).click();
    await page.locator(".follow-up").first().waitFor();
    const followUpNames = await controlNames(page.locator(".tab-panel .cards"));
    expect(followUpNames.length).toBeGreaterThan(4);
    expect(repeated(followUpNames)).toEqual([]);
    // Agenda items without a time box have no (empty) timer.
    const timers = await page.locator('[role="timer"]').allTextContents();
    expect(timers.filter((text) => text.trim() === "")).toEqual([]);
    // The Now bar's status chip is readable whatever the status ("Pending" was white on beige).
    const current = (await page.locator(".current-item .current-title").textContent())!;
    const chip = page.locator(".agenda-list li.current .status-chip");
    while ((await chip.textContent()) !== "Pending") await chip.click();
    await expect.poll(() => page.locator(".current-item .status-chip").textContent()).toBe("Pending");
    expect(current).not.toBe("");
    const contrast = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    expect(contrast.violations.map((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
    await page.getByRole("button", { name: /Not shared|Connected|Looking/ }).click();
  });

  it("minutes", async () => {
    const page = facilitator.page;
    await page.getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: "Minutes" }).click();
    await page.locator("article.minutes").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
  });

  it("Uyghur: the session is laid out right to left, dates stay readable, no serious violations", async () => {
    const page = facilitator.page;
    const sessionHash = new URL(page.url()).hash;
    await page.goto(`${server.url}/?lang=ug${sessionHash}`);
    await page.getByRole("heading", { name: ug["agenda.heading"] }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      "rtl",
      "ug-CN",
    ]);
    // The agenda pane comes first in the layout, so right to left it sits on the right of the work pane.
    const agenda = (await page.locator(".agenda-pane").boundingBox())!;
    const work = (await page.locator(".work-pane").boundingBox())!;
    expect(agenda.x).toBeGreaterThan(work.x + work.width - 1);
    // Chromium has no Uyghur calendar data: the session's date is written in numbers, not in Chinese.
    const meta = (await page.locator(".session-heading p").textContent())!;
    expect(meta).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(meta).not.toMatch(/[年月日]\s*\d{2}:/);
    // A Chinese issue typed by a resident reads left to right inside the Uyghur page.
    const issueDir = await page
      .locator(".tab-panel p")
      .filter({ hasText: "鸿雁小区" })
      .first()
      .evaluate((el) => getComputedStyle(el).unicodeBidi);
    expect(issueDir).toBe("plaintext");
    expect(await seriousViolations(page)).toEqual([]);
    for (const [name, size] of [
      ["landscape", { width: 1280, height: 800 }],
      ["portrait", { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: join(SHOTS, `session-ug-${name}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/?lang=en${sessionHash}`);
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("ltr");
  });

  it("Traditional Chinese: the session reads in zh-Hant (zh-TW), with screenshots and no serious violations", async () => {
    const page = facilitator.page;
    const sessionHash = new URL(page.url()).hash;
    await page.goto(`${server.url}/?lang=zh-Hant${sessionHash}`);
    await page.getByRole("heading", { name: zhHant["agenda.heading"] }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      "ltr",
      "zh-TW",
    ]);
    await expect.poll(() => page.locator(".session-heading p").first().textContent()).toContain("上午10:00");
    expect(await seriousViolations(page)).toEqual([]);
    for (const [name, size] of [
      ["landscape", { width: 1280, height: 800 }],
      ["portrait", { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: join(SHOTS, `session-zh-Hant-${name}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/?lang=en${sessionHash}`);
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
  });

  it("display, with screenshots in landscape and portrait, in Chinese (both scripts), English and Uyghur", async () => {
    const page = screen.page;
    await page.goto(`${server.url}/?lang=en#/join/${code}`);
    await page.getByRole("radio", { name: /^Display/ }).check();
    await page.getByRole("button", { name: "Join", exact: true }).click();
    await page.locator("main.display").waitFor({ timeout: 20_000 });
    await page.locator(".display-item h2").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The display cannot share: its sync status is a status, not a button that does nothing.
    expect(await page.getByRole("button", { name: /^Sync/ }).count()).toBe(0);
    await page.getByRole("status", { name: /^Sync: / }).waitFor();
    // The facilitator puts a quick show of hands on the screen, so the shots show live tallies and bars.
    const f = facilitator.page;
    await f.getByRole("tab", { name: /Votes/ }).click();
    await f.getByRole("button", { name: "Put on screen" }).click();
    for (let i = 0; i < 7; i++) await f.getByRole("button", { name: "One more for Yes" }).click();
    await f.getByRole("button", { name: "One more for No" }).click();
    await expect
      .poll(() => page.locator(".display-count").allTextContents(), { timeout: 20_000 })
      .toEqual(["7", "1"]);
    expect(await seriousViolations(page), "with a show of hands").toEqual([]);
    const hash = new URL(page.url()).hash;
    for (const lang of ["en", "zh", "zh-Hant", "ug"] as const) {
      await page.goto(`${server.url}/?lang=${lang}${hash}`);
      await page.locator(".display-item h2").waitFor({ timeout: 20_000 });
      await page.locator(".sync-badge.connected").waitFor({ timeout: 20_000 });
      await expect.poll(() => page.locator(".display-count").allTextContents()).toEqual(["7", "1"]);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === "ug" ? "rtl" : "ltr");
      for (const [name, size] of [
        ["landscape", { width: 1280, height: 800 }],
        ["portrait", { width: 800, height: 1280 }],
      ] as const) {
        await page.setViewportSize(size);
        // Tallies are readable from three metres: at least 48 px, in either orientation.
        const sizes = await page
          .locator(".display-count")
          .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
        expect(Math.min(...sizes), `${lang} ${name}`).toBeGreaterThanOrEqual(48);
        await page.screenshot({ path: join(SHOTS, `display-${lang}-${name}.png`) });
      }
    }
    await f.getByRole("button", { name: "End", exact: true }).click();
  });
});
