// Write access where the data arrives, in three Chromium processes over real WebRTC: a display paired with a
// display invitation shows no invitation; made to believe it is staff (its stored role rewritten, as anyone
// holding it could), its edits still reach no tablet while it keeps receiving; an invitation admits once; a
// removed staff tablet's edits reach no one and it receives nothing new.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { invite, makeAndPairCommunity } from "../helpers/pairing.ts";

let server: AppServer;
let a: LaunchedBrowser;
let b: LaunchedBrowser;
let d: LaunchedBrowser;
let communityId = "";
const COMMUNITY = "老城路社区";
const QUIET_MS = 6_000;

beforeAll(async () => {
  server = await startAppServer();
  [a, b, d] = await Promise.all([launchBrowser(), launchBrowser(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), d?.close()]);
  await server?.close();
});

const communityPage = (page: Page) =>
  page.goto(`${server.url}/?lang=en#/community/${encodeURIComponent(communityId)}`);

async function addTalkPoint(page: Page, name: string) {
  await page.goto(`${server.url}/?lang=en#/talk-point/new`);
  await page.getByLabel("Talk point name").fill(name);
  await page.getByLabel("Community").fill(COMMUNITY);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("listitem").filter({ hasText: name }).first().waitFor();
}

/** The talk points `page`'s community page lists. */
async function talkPoints(page: Page): Promise<string> {
  await communityPage(page);
  await page.getByRole("heading", { level: 1, name: COMMUNITY }).waitFor();
  return (await page.locator("main").textContent()) ?? "";
}

async function pairWith(page: Page, code: string, role: "Grid worker" | "Display", name: string) {
  await page.goto(`${server.url}/?lang=en#/pair/${code}`);
  await page.getByLabel(role, { exact: false }).first().check();
  await page.getByLabel("Device name").fill(name);
  await page.getByRole("button", { name: "Pair", exact: true }).click();
}

describe("write access held where updates arrive", () => {
  it("pairs a staff tablet and a display by invitation; the display shows no invitation", async () => {
    ({ communityId } = await makeAndPairCommunity(server.url, a.page, b.page, COMMUNITY, "社工平板"));
    await communityPage(a.page);
    const code = await invite(a.page, "display");
    await pairWith(d.page, code, "Grid worker", "巷口展示屏");
    await d.page.getByRole("heading", { level: 1, name: COMMUNITY }).waitFor({ timeout: 30_000 });
    // Invited as a display, it is one whatever was chosen; it can invite no one and shows no code.
    await d.page.getByText("A display cannot invite tablets.").waitFor();
    expect(await d.page.getByRole("button", { name: /Invite a/ }).count()).toBe(0);
    expect(await d.page.locator(".share-code").count()).toBe(0);
    await a.page.getByText("巷口展示屏").first().waitFor();
  });

  it("admits one tablet per invitation: a second tablet with the same one is refused", async () => {
    await communityPage(a.page);
    const code = await invite(a.page, "staff");
    const e = await launchBrowser();
    try {
      await pairWith(e.page, code, "Grid worker", "临时平板");
      await e.page.getByRole("heading", { level: 1, name: COMMUNITY }).waitFor({ timeout: 30_000 });
    } finally {
      await e.close();
    }
    const f = await launchBrowser();
    try {
      await pairWith(f.page, code, "Grid worker", "陌生平板");
      await new Promise((r) => setTimeout(r, QUIET_MS));
      expect(await f.page.getByRole("heading", { level: 1, name: COMMUNITY }).count()).toBe(0);
      await communityPage(a.page);
      const list = await a.page.locator(".member-list").textContent();
      expect(list).toContain("临时平板");
      expect(list).not.toContain("陌生平板");
    } finally {
      await f.close();
    }
  });

  it("drops every edit of a display made to think it is staff, while the display keeps receiving", async () => {
    // Whoever holds the display rewrites its stored role: its own screen becomes editable.
    await d.page.evaluate(async (id) => {
      const open = indexedDB.open("yishi");
      const db: IDBDatabase = await new Promise((ok, ko) => {
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      const store = db.transaction("communities", "readwrite").objectStore("communities");
      const row = await new Promise<Record<string, unknown>>((ok) => {
        const get = store.get(id);
        get.onsuccess = () => ok(get.result as Record<string, unknown>);
      });
      await new Promise((ok) => (store.put({ ...row, role: "facilitator" }).onsuccess = ok));
      db.close();
    }, communityId);
    await d.page.reload();
    await addTalkPoint(d.page, "伪造的议事点");
    await addTalkPoint(a.page, "真实的议事点");
    await d.page.goto(`${server.url}/?lang=en`);
    await d.page
      .getByRole("listitem")
      .filter({ hasText: "真实的议事点" })
      .first()
      .waitFor({ timeout: 30_000 });
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(await talkPoints(a.page)).not.toContain("伪造的议事点");
    expect(await talkPoints(b.page)).not.toContain("伪造的议事点");
  });

  it("cuts a removed staff tablet off: its edits reach no one and it receives nothing new", async () => {
    await communityPage(a.page);
    a.page.once("dialog", (dialog) => void dialog.accept());
    await a.page.getByRole("button", { name: "Remove 社工平板" }).click();
    await a.page.locator(".member-list li.removed").filter({ hasText: "社工平板" }).waitFor();
    await addTalkPoint(b.page, "被移除后的议事点");
    await addTalkPoint(a.page, "移除之后的新议事点");
    await d.page.goto(`${server.url}/?lang=en`);
    await d.page
      .getByRole("listitem")
      .filter({ hasText: "移除之后的新议事点" })
      .first()
      .waitFor({ timeout: 30_000 });
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(await talkPoints(a.page)).not.toContain("被移除后的议事点");
    expect(await talkPoints(b.page)).not.toContain("移除之后的新议事点");
  });
});
