// A new user's whole first session in real Chromium, then a reload that must find everything in real IndexedDB.
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

const saved = () => page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();

describe("a session on one tablet", () => {
  it("creates a talk point with a weekly schedule and shows its next date", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole("button", { name: "New talk point" }).first().click();
    await page.getByLabel("Talk point name").fill("有一说一说事点");
    await page.getByLabel("Community").fill("老城路社区");
    await page.getByLabel("Grid / location").fill("幸福路鸿雁小区");
    await page.getByLabel("Facilitator").fill("王炎");
    await page.getByLabel("One day every week").check();
    await page.getByLabel("Weekday").selectOption({ label: "Wednesday" });
    await page.getByLabel("Time").fill("15:00");
    await page.getByRole("button", { name: "Save" }).click();
    const card = page.getByRole("listitem").filter({ hasText: "有一说一说事点" });
    await card.getByText("Every Wednesday at 15:00").waitFor();
    await expect.poll(() => card.getByText(/Next:/).textContent()).toContain("15:00");
  });

  it("starts a session and runs agenda, an urgent issue, a vote and a follow-up", async () => {
    await page.getByRole("button", { name: "Start session" }).first().click();
    await page
      .getByRole("form", { name: "Start session" })
      .getByRole("button", { name: "Start session" })
      .click();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();

    for (const title of ["鸿雁小区电表改造", "广场舞场地", "大华商城停车"]) {
      await page.getByLabel("New agenda item").fill(title);
      await page.getByRole("button", { name: "Add", exact: true }).first().click();
    }
    await expect.poll(() => page.locator(".agenda-list > li").count()).toBe(3);
    await page.getByRole("button", { name: "Make 鸿雁小区电表改造 current" }).click();
    await expect.poll(() => page.locator(".current-item").textContent()).toContain("鸿雁小区电表改造");

    await page.getByRole("button", { name: "Raise an issue" }).click();
    await page.getByLabel("The issue").fill("小区线路老化，电表需要改造");
    await page.getByLabel("Raised by").fill("业委会");
    await page.getByRole("combobox", { name: /^Category/ }).selectOption({ label: "Wiring & utilities" });
    await page.getByLabel(/Urgent-hard/).check();
    await page.getByRole("button", { name: "Record" }).click();
    const issue = page.locator(".issue").filter({ hasText: "小区线路老化" });
    await issue.getByText("Urgent-hard").waitFor();
    await expect.poll(() => issue.textContent()).toContain("鸿雁小区电表改造");

    await issue.getByRole("button", { name: "Put to a vote" }).click();
    const vote = page.locator("article.vote").first();
    await vote.getByRole("button", { name: "Open show of hands" }).click();
    for (let i = 0; i < 5; i++) await vote.getByRole("button", { name: "One more for For" }).click();
    for (let i = 0; i < 2; i++) await vote.getByRole("button", { name: "One more for Against" }).click();
    await vote.getByRole("button", { name: "One more for Abstain" }).click();
    await vote.getByRole("button", { name: "One less for Abstain" }).click();
    await expect
      .poll(() => vote.getByRole("button", { name: "One less for Abstain" }).isDisabled())
      .toBe(true);
    await vote.getByLabel("For: 5").waitFor();
    await vote.getByRole("button", { name: "Close vote" }).click();
    await expect.poll(() => vote.locator(".verdict").textContent()).toContain("Passed");
    await expect.poll(() => vote.locator(".verdict").textContent()).toContain("cast 7");

    await page.getByRole("tab", { name: /Issues/ }).click();
    await issue.getByRole("button", { name: "Make a follow-up" }).click();
    const followUp = page.locator(".follow-up").first();
    await expect.poll(() => followUp.textContent()).toContain("小区线路老化，电表需要改造");
    // The talk point belongs to a community on this tablet: the follow-up is a register matter, and the
    // whistle is blown (吹哨) to a department of the community's directory, with a reason and a deadline.
    await followUp.getByRole("button", { name: /^Escalate / }).click();
    const escalate = followUp.getByRole("form", { name: /^Escalate / });
    await escalate.getByLabel("Department").fill("电力局");
    await escalate.getByLabel("Reason").fill("电表需整体更换");
    await escalate.getByLabel("Response deadline").fill("2099-01-31");
    await escalate.getByRole("button", { name: /^Confirm: Escalate / }).click();
    await expect.poll(() => followUp.textContent()).toContain("Escalated to 电力局");
    await saved();
  });

  it("finds everything again after a reload, from IndexedDB", async () => {
    await page.reload();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
    await expect.poll(() => page.locator(".agenda-list > li").count()).toBe(3);
    await expect.poll(() => page.locator(".agenda-list").textContent()).toContain("大华商城停车");
    await expect.poll(() => page.locator(".current-item").textContent()).toContain("鸿雁小区电表改造");
    await page.locator(".issue").filter({ hasText: "小区线路老化" }).getByText("Urgent-hard").waitFor();
    await page.getByRole("tab", { name: /Votes/ }).click();
    const vote = page.locator("article.vote").first();
    await expect.poll(() => vote.locator(".verdict").textContent()).toContain("Passed");
    await vote.getByLabel("For: 5").waitFor();
    await vote.getByLabel("Against: 2").waitFor();
    await page.getByRole("tab", { name: /Follow-ups/ }).click();
    await expect
      .poll(() => page.locator(".follow-up").first().textContent())
      .toContain("Escalated to 电力局");

    await page.getByRole("button", { name: "Home" }).click();
    const listed = page.locator(".session-link").first();
    await expect
      .poll(() => listed.textContent())
      .toContain("Issues 1 (urgent 1, resolved 0) · votes 1 · follow-ups 1");
  });
});

describe("undo where a mistake is easy", () => {
  it("a deleted agenda item comes back with Undo", async () => {
    await page.locator(".session-link").first().click();
    await page.getByRole("button", { name: /^3\. 大华商城停车/ }).click();
    await page.locator(".agenda-detail").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => page.locator(".agenda-list > li").count()).toBe(2);
    const notice = page.locator(".notice").filter({ hasText: "Deleted: 大华商城停车" });
    await notice.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => page.locator(".agenda-list > li").count()).toBe(3);
    await page.getByRole("button", { name: "Home" }).click();
  });
});

describe("bad input at the table", () => {
  it("refuses a 1 MB paste into the notes with a message and keeps what was typed", async () => {
    await page.locator(".session-link").first().click();
    await page.getByRole("tab", { name: /Notes/ }).click();
    const notes = page.getByRole("textbox", { name: "Session notes" });
    await notes.fill("第一项记录");
    await saved();
    await notes.fill("长".repeat(1_000_000));
    await page.getByRole("alert").filter({ hasText: "too long" }).waitFor();
    await expect.poll(() => notes.inputValue()).toBe("第一项记录");
    await page.reload();
    await page.getByRole("tab", { name: /Notes/ }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Session notes" }).inputValue())
      .toBe("第一项记录");
  });

  it("says which required field is empty and keeps the form", async () => {
    await page.getByRole("tab", { name: /Follow-ups/ }).click();
    const form = page.getByRole("form", { name: "Add follow-up" });
    await form.getByLabel("Owner (person or unit)").fill("张三");
    await form.getByRole("button", { name: "Add follow-up" }).click();
    await page.getByRole("alert").filter({ hasText: "Please fill in: Action." }).waitFor();
    await expect.poll(() => form.getByLabel("Owner (person or unit)").inputValue()).toBe("张三");
  });

  it("opens a session whose stored log holds a corrupted update, says so, and keeps the rest", async () => {
    const sessionId = decodeURIComponent(new URL(page.url()).hash.split("/")[2]!);
    await page.evaluate(async (id) => {
      const req = indexedDB.open("yishi");
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction("updates", "readwrite");
      tx.objectStore("updates").add({ sessionId: id, update: new Uint8Array([255, 1, 2, 3, 250, 9]) });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, sessionId);
    await page.reload();
    await page.getByRole("alert").filter({ hasText: "could not be read" }).waitFor();
    await expect.poll(() => page.locator(".agenda-list > li").count()).toBe(3);
    await expect.poll(() => page.locator(".issue").textContent()).toContain("小区线路老化");
  });
});
