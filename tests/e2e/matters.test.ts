// The register counts the resident's matters, across two tablets in two Chromium processes paired with one
// community: an issue resolved on the spot and an issue with two follow-ups give raised 2, resolved 1 on
// both tablets' reports; the resident's "not satisfied" entered on a tablet that is offline, while the
// other tablet reopens and resolves the matter again, leaves the matter open on both once they meet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { makeAndPairCommunity } from "../helpers/pairing.ts";

let server: AppServer;
let a: LaunchedBrowser;
let b: LaunchedBrowser;
let communityId = "";

beforeAll(async () => {
  server = await startAppServer();
  [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await server?.close();
});

const LAMP = "巷道路灯不亮，晚上出行不便";
const METERS = "鸿雁小区电表老化需更换";
const saved = (page: Page) => page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();
const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .figure-value`).first();
const matterStatus = (page: Page) => page.locator("#matter-status .status-chip");

/** Opens a step's form on the matter page, fills its fields by label and confirms it. */
async function step(
  page: Page,
  kind: string,
  fields: Record<string, string> = {},
  more?: (f: Locator) => Promise<void>,
) {
  await page
    .getByRole("button", { name: new RegExp(`^${kind} `) })
    .first()
    .click();
  const form = page.getByRole("form", { name: new RegExp(`^${kind} `) }).first();
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(value);
  await more?.(form);
  await form.getByRole("button", { name: new RegExp(`^Confirm: ${kind} `) }).click();
}

async function openMatter(page: Page, text: string): Promise<void> {
  await page.goto(`${server.url}/?lang=en#/register/${encodeURIComponent(communityId)}`);
  const row = page.getByRole("link", { name: new RegExp(text) });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await matterStatus(page).waitFor();
}

async function reportOf(page: Page): Promise<[string, string]> {
  await page.goto(
    `${server.url}/?lang=en#/report?scope=community&community=${encodeURIComponent(communityId)}&period=month`,
  );
  await page.getByRole("heading", { name: "Community report" }).waitFor();
  return [(await figure(page, "raised").textContent())!, (await figure(page, "resolved").textContent())!];
}

describe("the register counts matters, across two tablets", () => {
  it("pairs B with A's community and makes a talk point", async () => {
    ({ communityId } = await makeAndPairCommunity(server.url, a.page, b.page));

    await a.page.goto(`${server.url}/?lang=en#/talk-point/new`);
    await a.page.getByLabel("Talk point name").fill("有一说一说事点");
    await a.page.getByLabel("Community").fill("老城路社区");
    await a.page.getByLabel("Facilitator").fill("王炎");
    await a.page.getByRole("button", { name: "Save" }).click();
    await a.page.getByRole("listitem").filter({ hasText: "有一说一说事点" }).first().waitFor();
  });

  it("an issue resolved on the spot and an issue with two follow-ups: raised 2, resolved 1 on both", async () => {
    const page = a.page;
    await page.goto(`${server.url}/?lang=en`);
    await page
      .getByRole("listitem")
      .filter({ hasText: "有一说一说事点" })
      .getByRole("button", { name: "Start session" })
      .click();
    await page
      .getByRole("form", { name: "Start session" })
      .getByRole("button", { name: "Start session" })
      .click();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();

    await page.getByRole("button", { name: "Raise an issue" }).click();
    await page.getByLabel("The issue").fill(LAMP);
    await page.getByRole("button", { name: "Record" }).click();
    await page.getByRole("button", { name: `Resolve “${LAMP}” at the table` }).click();
    const settle = page.getByRole("form", { name: /at the table/ });
    await settle.getByLabel("What was agreed").fill("社区当场联系物业，今晚修好");
    await settle.getByRole("button", { name: "Save" }).click();
    await page.getByText("Resolved at the table: 社区当场联系物业，今晚修好").waitFor();

    await page.getByRole("button", { name: "Raise an issue" }).click();
    await page.getByLabel("The issue").fill(METERS);
    await page.getByLabel(/Urgent-hard/).check();
    await page.getByRole("button", { name: "Record" }).click();
    await page.getByRole("tab", { name: /Follow-ups/ }).click();
    for (const [action, owner] of [
      ["物业公司入户检查线路", "物业公司"],
      ["协调电力局更换电表", "王炎"],
    ]) {
      await page.getByLabel("Action", { exact: true }).fill(action!);
      await page
        .getByLabel(/^Owner/)
        .first()
        .fill(owner!);
      await page.getByLabel("Linked issue").selectOption({ label: METERS });
      await page.getByRole("button", { name: "Add follow-up" }).click();
      await page.locator(".follow-up").filter({ hasText: action! }).first().waitFor();
    }
    await saved(page);

    expect(await reportOf(a.page)).toEqual(["2", "1"]);
    await expect.poll(async () => (await reportOf(b.page)).join(), { timeout: 30_000 }).toBe("2,1");
  });

  it("'not satisfied' entered offline is not overridden by the other tablet's new resolution", async () => {
    await openMatter(b.page, METERS);
    await step(b.page, "Resolve", { Resolution: "电力局已更换电表" });
    await expect.poll(() => matterStatus(b.page).textContent()).toBe("Resolved");
    await openMatter(a.page, METERS);
    await expect.poll(() => matterStatus(a.page).textContent(), { timeout: 30_000 }).toBe("Resolved");

    await b.context.setOffline(true);
    await step(b.page, "Feed back", {}, async (form) => {
      await form.getByLabel("By phone").check();
      await form.getByLabel("Not satisfied", { exact: true }).check();
    });
    await expect.poll(() => matterStatus(b.page).textContent()).toBe("In progress");
    await step(a.page, "Reopen", { Reason: "3号楼还有两块表没换" });
    await step(a.page, "Resolve", { Resolution: "3号楼两块表也已更换" });
    await expect.poll(() => matterStatus(a.page).textContent()).toBe("Resolved");

    await b.context.setOffline(false);
    for (const page of [a.page, b.page])
      await expect.poll(() => matterStatus(page).textContent(), { timeout: 45_000 }).toBe("In progress");
    // Every step is in the history once, on both: two resolutions, the feedback and the reopening.
    for (const page of [a.page, b.page]) {
      const history = page.locator(".matter-history");
      await expect
        .poll(() => history.getByText("Resolve", { exact: true }).count(), { timeout: 30_000 })
        .toBe(2);
      expect(await history.getByText("Feed back", { exact: true }).count()).toBe(1);
      expect(await history.getByText("Reopen", { exact: true }).count()).toBe(1);
    }
  });
});
