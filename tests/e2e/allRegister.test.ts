// The office's view in real Chromium: two communities made through the UI, each with a talk point, a session
// and a follow-up; the home screen links to the register of every community, which lists both matters with
// their community, narrows by the community filter and by text, and follows live a step taken on one matter
// in another tab of the same browser (the tabs sync the community through its room).
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

const COMMUNITIES = [
  {
    name: "老城路社区",
    talkPoint: "有一说一说事点",
    issue: "鸿雁小区电表老化需更换",
    action: "协调电力局更换电表",
  },
  { name: "新城社区", talkPoint: "新城议事厅", issue: "椿树路停车位不足", action: "协调增设停车位" },
];
const ids: string[] = [];
const saved = (p: Page) => p.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();

/** Makes community `c` with a talk point, and a session of it with an issue and its follow-up. */
async function community(c: (typeof COMMUNITIES)[number]) {
  await page.goto(`${server.url}/?lang=en#/community/new`);
  const form = page.getByRole("form", { name: "New community" });
  await form.getByLabel("Community").fill(c.name);
  await form.getByRole("button", { name: "Create community" }).click();
  await page.getByRole("heading", { level: 1, name: c.name }).waitFor();
  ids.push(decodeURIComponent(new URL(page.url()).hash.split("/")[2]!));
  // Paired, the community has a room: another tab of this browser then syncs it live.
  await page.getByRole("button", { name: "Pair another tablet" }).click();
  await page.getByRole("button", { name: "Invite a staff tablet" }).waitFor();

  await page.goto(`${server.url}/?lang=en#/talk-point/new`);
  await page.getByLabel("Talk point name").fill(c.talkPoint);
  await page.getByLabel("Community").fill(c.name);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("listitem").filter({ hasText: c.talkPoint }).first().waitFor();

  await page
    .getByRole("listitem")
    .filter({ hasText: c.talkPoint })
    .getByRole("button", { name: "Start session" })
    .click();
  await page
    .getByRole("form", { name: "Start session" })
    .getByRole("button", { name: "Start session" })
    .click();
  await page.getByRole("heading", { name: "Agenda" }).waitFor();
  await page.getByRole("button", { name: "Raise an issue" }).click();
  await page.getByLabel("The issue").fill(c.issue);
  await page.getByLabel("Raised by").fill("张阿姨");
  await page.getByRole("button", { name: "Record" }).click();
  await page.getByRole("tab", { name: /Follow-ups/ }).click();
  await page.getByLabel("Action", { exact: true }).fill(c.action);
  await page.getByLabel("Linked issue").selectOption({ label: c.issue });
  await page.getByRole("button", { name: "Add follow-up" }).click();
  await page.locator(".follow-up").filter({ hasText: c.action }).getByText("Open").first().waitFor();
  await saved(page);
}

/** Unfolds the register's filters: on this 1280×800 tablet they are folded into a line naming them. */
const showFilters = () => page.getByRole("button", { name: /^Change the register's filters: / }).click();
const list = () => page.getByRole("list", { name: "Matters of every community's register" });
const row = (issue: string) => list().getByRole("listitem").filter({ hasText: issue });

describe("the register of every community", () => {
  it("makes two communities, each with a talk point, a session and a follow-up", async () => {
    for (const c of COMMUNITIES) await community(c);
    expect(ids).toHaveLength(2);
  });

  it("is linked from the home screen and lists both matters, each with its community", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole("link", { name: "Register of every community" }).click();
    await page.getByRole("heading", { level: 1, name: "Register of every community" }).waitFor();
    expect(new URL(page.url()).hash).toBe("#/register/all");
    await expect.poll(() => list().getByRole("link").count()).toBe(2);
    await page.getByText("Showing 2 matters of 2").waitFor();
    for (const [i, c] of COMMUNITIES.entries()) {
      await expect.poll(() => row(c.issue).locator(".all-register-community").textContent()).toBe(c.name);
      const href = await row(c.issue).getByRole("link").getAttribute("href");
      expect(href).toMatch(new RegExp(`^#/matter/${ids[i]}/`));
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("narrows by community and by text, keeping the filter in the address", async () => {
    await showFilters();
    await page.getByRole("combobox", { name: /^Community/ }).selectOption({ label: "新城社区" });
    await page.getByText("Showing 1 matter of 2").waitFor();
    expect(new URL(page.url()).hash).toContain(`communityId=${ids[1]}`);
    await row(COMMUNITIES[1]!.issue).waitFor();
    await page.getByRole("combobox", { name: /^Community/ }).selectOption({ label: "Any" });
    await page.getByLabel("Search (text, owner, place, department)").fill("电表");
    await page.getByText("Showing 1 matter of 2").waitFor();
    await row(COMMUNITIES[0]!.issue).waitFor();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByText("Showing 2 matters of 2").waitFor();
  });

  it("follows live a step taken on one matter in another tab", async () => {
    await page.getByLabel("Resolved", { exact: true }).check();
    await page.getByText("Showing 0 matters of 2").waitFor();
    const other = await browser.context.newPage();
    other.setDefaultTimeout(10_000);
    try {
      await other.goto(`${server.url}/?lang=en#/register/all`);
      const link = other
        .getByRole("list", { name: "Matters of every community's register" })
        .getByRole("listitem")
        .filter({ hasText: COMMUNITIES[0]!.issue })
        .getByRole("link");
      await link.click();
      const title = (await other.getByRole("heading", { level: 1 }).textContent())!;
      await other.getByRole("button", { name: `Resolve ${title}`, exact: true }).click();
      const form = other.getByRole("form", { name: `Resolve ${title}` });
      await form.getByLabel("Resolution").fill("电表已全部更换");
      await form.getByRole("button", { name: `Confirm: Resolve ${title}` }).click();
      await other.locator("#matter-status").getByText("Resolved").waitFor();

      // No reload: the first tab's register shows the step as the workspace syncs.
      await page.getByText("Showing 1 matter of 2").waitFor({ timeout: 30_000 });
      await expect
        .poll(() => row(COMMUNITIES[0]!.issue).getByRole("link").getAttribute("aria-label"))
        .toContain("Resolved");
    } finally {
      await other.close();
    }
  });
});
