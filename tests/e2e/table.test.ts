// The table's own work in real Chromium: empty fields left out, the facilitator's tablet named when it starts,
// a motion worded for the vote, "Make current" on each row, follow-ups completed after one tap, sticky bars
// that never cover what is scrolled to, and sessions and talk points deleted with Undo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";

let server: AppServer;
let facilitator: LaunchedBrowser;
let secretary: LaunchedBrowser;
let page: Page;
let sessionHash = "";
let code = "";

beforeAll(async () => {
  server = await startAppServer();
  [facilitator, secretary] = await Promise.all([launchBrowser(), launchBrowser()]);
  page = facilitator.page;
});
afterAll(async () => {
  await Promise.all([facilitator?.close(), secretary?.close()]);
  await server?.close();
});

/** True when the middle of `target` is what is painted there (no sticky bar on top of it). */
const uncovered = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.bottom > 0 && r.top < innerHeight && hit !== null && (hit === el || el.contains(hit));
  });

describe("starting a session", () => {
  it("asks an unnamed tablet for its name, and leaves an empty place out of the subtitle", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole("button", { name: "New talk point" }).first().click();
    await page.getByLabel("Talk point name").fill("有一说一说事点");
    await page.getByLabel("Community").fill("老城路社区");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Start session" }).first().click();
    const form = page.getByRole("form", { name: "Start session" });
    await form.getByLabel("This tablet's name").fill("主持人平板");
    await form.getByRole("button", { name: "Start session" }).click();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
    sessionHash = new URL(page.url()).hash;
    const subtitle = (await page.locator(".session-heading p").textContent())!;
    expect(subtitle).toMatch(/^有一说一说事点 · \S/);
    expect(subtitle).not.toMatch(/·\s*·/);
    expect(await page.evaluate(() => localStorage.getItem("yishi.deviceName"))).toBe("主持人平板");
    await page.getByRole("button", { name: /Not shared/ }).click();
    await page.locator(".share-code").waitFor();
    code = (await page.locator(".share-code").textContent())!.trim();
    await page.getByRole("button", { name: "Close" }).click();
  });
});

describe("agenda", () => {
  it("makes a row current in one tap, and a current item is being discussed", async () => {
    for (const title of ["鸿雁小区电表改造", "广场舞场地"]) {
      await page.getByLabel("New agenda item").fill(title);
      await page.getByRole("button", { name: "Add", exact: true }).first().click();
    }
    await page.getByRole("button", { name: "Make 鸿雁小区电表改造 current" }).click();
    await expect.poll(() => page.locator(".current-item").textContent()).toContain("鸿雁小区电表改造");
    await expect.poll(() => page.locator(".current-item .status-chip").textContent()).toBe("Discussing");
    await page.getByRole("button", { name: /^鸿雁小区电表改造: Discussing/ }).waitFor();
    // Neither item has a time box: no empty timers for a screen reader to announce.
    expect(await page.locator('[role="timer"]').count()).toBe(0);
  });
});

describe("a vote's motion", () => {
  it("starts as the issue's text, is worded for the vote, and the minutes' decisions show it with the result", async () => {
    await page.getByRole("button", { name: "Raise an issue" }).click();
    await page.getByLabel("The issue").fill("电表老化，要不要统一换表？");
    await page.getByRole("button", { name: "Record" }).click();
    await page.getByRole("button", { name: /^Put to a vote: 电表老化/ }).click();
    const vote = page.locator("article.vote").first();
    const motion = vote.getByLabel("Motion (draft, can be edited)");
    await expect.poll(() => motion.inputValue()).toBe("电表老化，要不要统一换表？");
    await motion.fill("Replace all meters through the power bureau?");
    await motion.press("Tab");
    await expect
      .poll(() => vote.locator("h3").textContent())
      .toBe("Replace all meters through the power bureau?");
    await vote.getByRole("button", { name: /^Open show of hands/ }).click();
    for (let i = 0; i < 3; i++) await vote.getByRole("button", { name: "One more for For" }).click();
    await vote.getByRole("button", { name: "One more for Against" }).click();
    await vote.getByRole("button", { name: /^Close vote/ }).click();
    await page.getByRole("button", { name: "Minutes" }).click();
    const decisions = page.locator("article.minutes h2", { hasText: "Decisions" }).locator("+ ul");
    await expect
      .poll(() => decisions.textContent())
      .toBe("Replace all meters through the power bureau? — Passed (3 : 1 : 0)");
    // No place was given: the minutes have no empty "Place" row.
    const rows = await page.locator("article.minutes table").first().locator("th").allTextContents();
    expect(rows).not.toContain("Place");
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
  });
});

describe("follow-ups", () => {
  it("a paired tablet edits the action on the register card, and the register copies it", async () => {
    await page.getByRole("tab", { name: /Issues/ }).click();
    await page.getByRole("button", { name: /^Make a follow-up: 电表老化/ }).click();
    const card = page.locator(".follow-up").first();
    await card.getByRole("button", { name: /^Edit follow-up/ }).click();
    await card.getByLabel("Action", { exact: true }).fill("电力局统一更换鸿雁小区电表");
    await card.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => card.locator(".follow-up-action").textContent())
      .toBe("电力局统一更换鸿雁小区电表");
    await card.getByRole("link", { name: /in the register/ }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("电力局统一更换鸿雁小区电表");
    await page.goto(`${server.url}/?lang=en${sessionHash}`);
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
  });

  it("a guest tablet completes a one-tap follow-up: action, owner and due, each change in its history", async () => {
    const p = secretary.page;
    await p.goto(`${server.url}/?lang=en#/join/${code}`);
    await p.getByRole("radio", { name: /^Secretary/ }).check();
    await p.getByLabel("Device name").fill("书记平板");
    await p.getByRole("button", { name: "Join", exact: true }).click();
    await p.getByRole("heading", { name: "Agenda" }).waitFor({ timeout: 40_000 });
    // The facilitator's tablet is listed by the name it was given when it started the session.
    await p.getByRole("button", { name: /^Sync: / }).click();
    await p.locator(".presence").getByText("主持人平板").waitFor({ timeout: 40_000 });
    expect(await p.locator(".presence").textContent()).not.toContain("Unnamed device");
    await p.getByRole("button", { name: "Close" }).click();
    await p.getByRole("button", { name: "Raise an issue" }).click();
    await p.getByLabel("The issue").fill("楼道灯坏了");
    await p.getByRole("button", { name: "Record" }).click();
    await p.getByRole("button", { name: /^Make a follow-up: 楼道灯坏了/ }).click();
    const card = p.locator(".follow-up").filter({ hasText: "楼道灯坏了" });
    const editor = card.getByRole("form", { name: /^Edit follow-up/ });
    await editor.getByLabel("Action").fill("更换三楼楼道灯");
    await editor.getByLabel("Owner (person or unit)").fill("网格员 张三");
    await editor.getByLabel("Due").fill("2026-12-31");
    await editor.getByRole("button", { name: "Save" }).click();
    const done = p.locator(".follow-up").filter({ hasText: "更换三楼楼道灯" });
    await expect.poll(() => done.textContent()).toContain("Owner: 网格员 张三 · due: 2026-12-31");
    await done.locator("summary").click();
    const history = (await done.locator(".history").textContent())!;
    expect(history).toContain("Action: 楼道灯坏了 → 更换三楼楼道灯");
    expect(history).toContain("→ 网格员 张三");
    expect(history).toContain("→ 2026-12-31");
    // The secretary's tablet is the recorder.
    await p.getByRole("button", { name: "Minutes" }).click();
    await expect.poll(() => p.locator("article.minutes table").first().textContent()).toContain("书记平板");
  });
});

describe("sticky bars", () => {
  it("never cover the tab strip or the agenda heading when the screen scrolls", async () => {
    await page.setViewportSize({ width: 1280, height: 520 });
    await page.getByRole("tab", { name: /Issues/ }).click();
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(100);
    await expect.poll(() => uncovered(page.getByRole("heading", { name: "Agenda" }))).toBe(true);
    // Brought into view (as focus or a link does): it lands below the header and the Now bar.
    await page.getByRole("tab", { name: /Votes/ }).evaluate((el) => el.scrollIntoView());
    await expect.poll(() => uncovered(page.getByRole("tab", { name: /Votes/ }))).toBe(true);
    // A header wrapped over two lines (portrait) still has the Now bar right below it, not under it.
    await page.setViewportSize({ width: 600, height: 900 });
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const header = (await page.locator(".session-header").boundingBox())!;
    const now = (await page.locator(".current-item").boundingBox())!;
    expect(now.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("deleting", () => {
  it("a session: Undo brings it back whole; a community's session is removed from this tablet only", async () => {
    await page.goto(`${server.url}/?lang=en`);
    const row = page.locator(".session-row").filter({ hasText: "有一说一说事点" });
    await row.getByRole("button", { name: /^Delete session/ }).click();
    const notice = page.locator(".notice").filter({ hasText: "Removed from this tablet only" });
    await notice.getByText("Paired or shared tablets keep their own copy").waitFor();
    await expect.poll(() => page.locator(".session-row").count()).toBe(0);
    await notice.getByRole("button", { name: "Undo" }).click();
    await row.waitFor();
    await row.locator(".session-link").click();
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
    await expect.poll(() => page.locator(".cards").first().textContent()).toContain("电表老化");
    await page.getByRole("button", { name: "Home" }).click();
    await row.getByRole("button", { name: /^Delete session/ }).click();
    await page.locator(".notice").filter({ hasText: "Removed from this tablet only" }).waitFor();
    await page
      .locator(".notice")
      .filter({ hasText: "Removed from this tablet only" })
      .waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { name: "Next session" }).waitFor();
    expect(await page.locator(".session-row").count()).toBe(0);
    const id = decodeURIComponent(sessionHash.split("/")[2]!);
    const rows = await page.evaluate(async (sessionId) => {
      const req = indexedDB.open("yishi");
      const db: IDBDatabase = await new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
      const tx = db.transaction(["updates", "views", "sessions"]);
      const count = (r: IDBRequest<number>) =>
        new Promise<number>((resolve) => (r.onsuccess = () => resolve(r.result)));
      const counts = [
        await count(tx.objectStore("updates").index("bySession").count(sessionId)),
        await count(tx.objectStore("views").count(sessionId)),
        await count(tx.objectStore("sessions").count(sessionId)),
      ];
      db.close();
      return counts;
    }, id);
    expect(rows).toEqual([0, 0, 0]);
    // The join code this tablet kept for it is forgotten too.
    const codes = await page.evaluate(() => localStorage.getItem("yishi.shareCodes") ?? "{}");
    expect(JSON.parse(codes)).not.toHaveProperty([id]);
  });

  it("a talk point, with Undo", async () => {
    const card = page.locator(".card").filter({ has: page.getByRole("heading", { name: "有一说一说事点" }) });
    await card.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("button", { name: "Delete talk point" }).click();
    const notice = page.locator(".notice").filter({ hasText: "Talk point deleted: 有一说一说事点" });
    await notice.waitFor();
    await expect.poll(() => card.count()).toBe(0);
    await notice.getByRole("button", { name: "Undo" }).click();
    await card.waitFor();
  });
});
