// Every screen once, as a person walks through the sample on a landscape (1280×800) and a portrait (800×1280)
// tablet in the four languages: no screen scrolls sideways, no text lies on top of other text, none shows the
// page's error message, and a screenshot of each is kept under tests/e2e/__screenshots__/walk/ (not
// committed) for a person to look at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { communityIdForName } from "../../src/reactive/adoptTalkPoints.ts";
import { SAMPLE_SESSION_ID } from "../../src/doc/sample/seedSession.ts";
import { SAMPLE_MONTH_BEFORE_ID } from "../../src/doc/sample/earlierSessions.ts";

const SHOTS = join("tests", "e2e", "__screenshots__", "walk");
const SIZES = { landscape: { width: 1280, height: 800 }, portrait: { width: 800, height: 1280 } };
const LANGS = ["zh", "zh-Hant", "en", "ug"] as const;

let server: AppServer;
let tablet: LaunchedBrowser;
let matterHash = "";
const community = communityIdForName("老城路社区");

const SCREENS: Record<string, () => string> = {
  home: () => "#/",
  talkPoint: () => "#/talk-point/sample-laochenglu",
  session: () => `#/session/${SAMPLE_SESSION_ID}`,
  lockedMinutes: () => `#/minutes/${SAMPLE_MONTH_BEFORE_ID}`,
  community: () => `#/community/${community}`,
  register: () => `#/register/${community}`,
  matter: () => matterHash,
  report: () => "#/report",
  join: () => "#/join/",
  pair: () => "#/pair/",
  newCommunity: () => "#/community/new",
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startAppServer();
  tablet = await launchBrowser();
  const page = tablet.page;
  await page.goto(`${server.url}/?lang=en`);
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await page.locator(".session-link").first().waitFor();
  await page.goto(`${server.url}/?lang=en#/register/${community}`);
  const first = page.locator(".register-list [role=listitem] a").first();
  await first.waitFor();
  matterHash =
    new URL((await first.getAttribute("href"))!, server.url).hash || (await first.getAttribute("href"))!;
}, 60_000);
afterAll(async () => {
  await tablet?.close();
  await server?.close();
});

/** Pairs of visible text elements in the viewport whose boxes overlap (neither inside the other). */
function overlappingText(): string[] {
  const leaves: { el: Element; r: DOMRect }[] = [];
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    if (el.closest("svg") || el.closest("[aria-hidden=true]")) continue;
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== "");
    if (!ownText) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none" || Number(style.opacity) === 0) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.bottom < 0 || r.top > innerHeight) continue;
    leaves.push({ el, r });
  }
  const out: string[] = [];
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}.${el.className}: "${el.textContent!.trim().slice(0, 30)}"`;
  for (let i = 0; i < leaves.length; i++)
    for (let j = i + 1; j < leaves.length; j++) {
      const a = leaves[i]!;
      const b = leaves[j]!;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) out.push(`${name(a.el)} × ${name(b.el)}`);
    }
  return out.slice(0, 5);
}

async function check(page: Page, label: string): Promise<void> {
  await page.locator("main").first().waitFor();
  await page.waitForTimeout(300); // the screen's data (loaded after its first paint)
  expect(await page.locator(".page-error").count(), `${label}: error shown`).toBe(0);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(sideways, `${label}: scrolls sideways by ${sideways} px`).toBeLessThanOrEqual(1);
  expect(await page.evaluate(overlappingText), `${label}: text on text`).toEqual([]);
}

describe("walking every screen", () => {
  for (const [sizeName, size] of Object.entries(SIZES))
    it(`${sizeName}: every screen in every language reads without overlap or sideways scrolling`, async () => {
      const page = tablet.page;
      await page.setViewportSize(size);
      for (const lang of LANGS)
        for (const [screen, hash] of Object.entries(SCREENS)) {
          await page.goto(`${server.url}/?lang=${lang}${hash()}`);
          await check(page, `${screen} ${lang} ${sizeName}`);
          await page.screenshot({ path: join(SHOTS, `${screen}-${lang}-${sizeName}.png`) });
        }
    }, 300_000);
});
