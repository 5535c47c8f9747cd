// Two tablets paired once with one community, in two Chromium processes synced over WebRTC: a talk point made
// on A reaches B; session 1 raises an urgent issue with a follow-up; B escalates it to 电力局; session 2 of the
// talk point starts with the report-back item listing it; B records the acknowledgement, the resolution and
// the feedback (not satisfied → reopened → resolved → satisfied); A's register shows each step; session 1's
// locked minutes still show the matter as it was when they were locked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { makeAndPairCommunity } from "../helpers/pairing.ts";

let server: AppServer;
let a: LaunchedBrowser;
let b: LaunchedBrowser;
let session1 = "";
let communityId = "";

beforeAll(async () => {
  server = await startAppServer();
  [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await server?.close();
});

const ISSUE = "鸿雁小区电表老化需更换";
const ACTION = "协调电力局更换电表";
const saved = (page: Page) => page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();

/** Takes a step of the matter shown on `page` (its page or a card), filling the form's fields by label. */
async function step(
  page: Page,
  kind: string,
  fields: Record<string, string> = {},
  scope = page.locator("body"),
) {
  await scope
    .getByRole("button", { name: new RegExp(`^${kind} `) })
    .first()
    .click();
  const form = scope.getByRole("form", { name: new RegExp(`^${kind} `) }).first();
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(value);
  return form;
}
const confirm = (form: ReturnType<Page["locator"]>, kind: string) =>
  form.getByRole("button", { name: new RegExp(`^Confirm: ${kind} `) }).click();
const matterStatus = (page: Page) => page.locator("#matter-status");

describe("a community paired across two tablets", () => {
  it("pairs B with the community A made, once", async () => {
    const paired = await makeAndPairCommunity(server.url, a.page, b.page);
    communityId = paired.communityId;
    expect(paired.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await a.page
      .locator(".pairing")
      .getByText(/Connected to 1/)
      .waitFor({ timeout: 30_000 });
  });

  it("a talk point made on A reaches B", async () => {
    await a.page.goto(`${server.url}/?lang=en#/talk-point/new`);
    await a.page.getByLabel("Talk point name").fill("有一说一说事点");
    await a.page.getByLabel("Community").fill("老城路社区");
    await a.page.getByLabel("Grid / location").fill("幸福路鸿雁小区");
    await a.page.getByLabel("Facilitator").fill("王炎");
    await a.page.getByRole("button", { name: "Save" }).click();
    await a.page.getByRole("listitem").filter({ hasText: "有一说一说事点" }).first().waitFor();
    await b.page.goto(`${server.url}/?lang=en`);
    await b.page
      .getByRole("listitem")
      .filter({ hasText: "有一说一说事点" })
      .first()
      .waitFor({ timeout: 30_000 });
  });

  it("session 1 raises an urgent issue and assigns a follow-up; B sees the matter and escalates it", async () => {
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
    // Not "Not shared": the paired community carries it (B is online).
    await expect
      .poll(() => page.locator(".session-header .sync-badge").textContent(), { timeout: 30_000 })
      .toContain("Shared with the community: 1 tablet online");
    session1 = decodeURIComponent(new URL(page.url()).hash.split("/")[2]!);
    await page.getByRole("button", { name: "Raise an issue" }).click();
    await page.getByLabel("The issue").fill(ISSUE);
    await page.getByLabel("Raised by").fill("张阿姨");
    await page.getByLabel(/Urgent-hard/).check();
    await page.getByRole("button", { name: "Record" }).click();
    await page.getByRole("tab", { name: /Follow-ups/ }).click();
    await page.getByLabel("Action", { exact: true }).fill(ACTION);
    await page.getByLabel("Linked issue").selectOption({ label: ISSUE });
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await page.locator(".follow-up").filter({ hasText: ACTION }).getByText("Open").first().waitFor();
    await saved(page);

    await b.page.goto(`${server.url}/?lang=en#/register/${encodeURIComponent(communityId)}`);
    const row = b.page.getByRole("link", { name: new RegExp(`${ISSUE}.*: Open`) });
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await matterStatus(b.page).getByText("Open").waitFor();
    const form = await step(b.page, "Escalate", {
      Department: "电力局",
      Reason: "需电力局统一更换",
      "Response deadline": "2099-03-01",
    });
    await confirm(form, "Escalate");
    await matterStatus(b.page).getByText("Escalated").waitFor();
    // The session's follow-ups tab on A follows the register.
    await page
      .locator(".follow-up")
      .filter({ hasText: ACTION })
      .getByText("Escalated to 电力局")
      .waitFor({ timeout: 30_000 });
  });

  it("session 1's minutes are locked with the matter escalated", async () => {
    const page = a.page;
    await page.goto(`${server.url}/?lang=en#/minutes/${encodeURIComponent(session1)}`);
    await page.getByRole("button", { name: "Finalise and lock" }).click();
    await page
      .getByText(/The minutes were finalised by/)
      .first()
      .waitFor();
    await expect.poll(() => page.locator(".minutes").textContent()).toContain("Escalated");
  });

  it("session 2 of the talk point starts with the report-back item listing the matter", async () => {
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
    const item = page.getByRole("button", { name: /^1\. Report back/ });
    await item.waitFor();
    await page.getByRole("button", { name: /^Make Report back.* current$/ }).click();
    const panel = page.locator(".report-back");
    await panel.getByText(ISSUE).first().waitFor();
    await panel.getByText("Before the session: Escalated").waitFor();
    // Grouped: still being handled (the resolved ones, waiting for feedback, would come under their own heading).
    await panel.getByRole("heading", { name: "Still being handled (1 matter)" }).waitFor();
    expect(await panel.getByRole("heading", { name: /waiting for the resident's feedback/ }).count()).toBe(0);
  });

  it("B records the acknowledgement, resolution and feedback; A's register shows every step", async () => {
    const page = b.page;
    let form = await step(page, "Acknowledge", {
      "Person reporting": "电力局 赵工",
      Commitment: "6月底前全部更换",
      Date: "2024-05-10",
    });
    await confirm(form, "Acknowledge");
    await matterStatus(page).getByText("Acknowledged").waitFor();
    form = await step(page, "Resolve", { Resolution: "电表已全部更换" });
    await confirm(form, "Resolve");
    await matterStatus(page).getByText("Resolved").waitFor();
    form = await step(page, "Feed back", { Date: "2024-06-01" });
    await form.getByLabel("By phone").check();
    await form.getByLabel("Not satisfied", { exact: true }).check();
    await confirm(form, "Feed back");
    await matterStatus(page)
      .getByText("In progress")
      .or(matterStatus(page).getByText("Open"))
      .first()
      .waitFor();
    form = await step(page, "Resolve", { Resolution: "3号楼两块表也已更换" });
    await confirm(form, "Resolve");
    form = await step(page, "Feed back", { Date: "2024-06-15" });
    await form.getByLabel("In person").check();
    await form.getByLabel("Satisfied", { exact: true }).check();
    await confirm(form, "Feed back");
    await matterStatus(page).getByText("Fed back, closed").waitFor();

    const matterUrl = new URL(page.url()).hash;
    await a.page.goto(`${server.url}/?lang=en${matterUrl}`);
    await matterStatus(a.page).getByText("Fed back, closed").waitFor({ timeout: 30_000 });
    const history = a.page.locator(".matter-history");
    for (const kind of ["Escalate", "Acknowledge", "Resolve", "Feed back", "Reported back at a session"])
      await history.getByText(kind, { exact: true }).first().waitFor();
    await expect.poll(() => history.getByText("Resolve", { exact: true }).count()).toBe(2);
    await expect.poll(() => history.getByText("Feed back", { exact: true }).count()).toBe(2);
  });

  it("session 1's locked minutes still show the matter as it was when they were locked", async () => {
    const page = a.page;
    await page.goto(`${server.url}/?lang=en#/minutes/${encodeURIComponent(session1)}`);
    const followUps = page.locator(".minutes table").filter({ hasText: ACTION });
    await expect.poll(() => followUps.textContent()).toContain("Escalated");
    expect(await followUps.textContent()).not.toContain("Fed back, closed");
    // B holds session 1 too: sessions of the community reach every paired tablet.
    await b.page.goto(`${server.url}/?lang=en`);
    await b.page
      .locator(".session-link")
      .filter({ hasText: "有一说一说事点" })
      .first()
      .waitFor({ timeout: 30_000 });
  });
});
