// Three tablets, three separate Chromium processes (so only WebRTC can carry edits), one local server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { openSampleSession } from "../helpers/sample.ts";
import { channelLog, clearChannelLog, echoes, recordDataChannels } from "../helpers/dataChannelLog.ts";
import { sampleDays } from "../../src/doc/sample/sampleCalendar.ts";

// The sample's last sitting, dated from today as the app dates it: "12月1日议事".
const [, SAMPLE_MONTH, SAMPLE_DAY] = sampleDays(Date.now(), "Asia/Shanghai").last.split("-").map(Number);
const SAMPLE_TITLE_DAY = `${SAMPLE_MONTH}月${SAMPLE_DAY}日议事`;

let server: AppServer;
let facilitator: LaunchedBrowser;
let secretary: LaunchedBrowser;
let display: LaunchedBrowser;
let code = "";
/** Every request any of the three tablets makes, to prove nothing leaves the local network. */
const requests: string[] = [];

beforeAll(async () => {
  server = await startAppServer();
  [facilitator, secretary, display] = await Promise.all([launchBrowser(), launchBrowser(), launchBrowser()]);
  for (const b of [facilitator, secretary, display]) {
    await recordDataChannels(b.context);
    b.context.on("request", (r) => requests.push(r.url()));
    b.page.on("websocket", (ws) => requests.push(ws.url()));
  }
});
afterAll(async () => {
  await Promise.all([facilitator, secretary, display].map((b) => b?.close()));
  await server?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();
const forCount = (page: Page) =>
  page
    .locator("article.vote")
    .first()
    .getByLabel(/^For: \d+$/)
    .getAttribute("aria-label");

async function join(page: Page, role: "Secretary" | "Display", name: string) {
  await page.goto(`${server.url}/?lang=en#/join/${code}`);
  await page.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await page.getByLabel("Device name").fill(name);
  await page.getByRole("button", { name: "Join", exact: true }).click();
}

describe("tablets edit one session together", () => {
  it("the facilitator shares a session and gets a join code", async () => {
    const page = facilitator.page;
    await openSampleSession(page, server.url);
    await page.getByRole("button", { name: /Not shared/ }).click();
    await page.locator(".share-code").waitFor();
    code = (await page.locator(".share-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}-[0-9A-Z]{2}$/);
    const link = await page.locator(".share-link a").getAttribute("href");
    expect(link).toBe(`${server.url}/#/join/${code}`);
    await page.locator("img.qr").waitFor();
  });

  it("the secretary and the display join by the link", async () => {
    await join(secretary.page, "Secretary", "书记平板");
    await secretary.page.getByRole("heading", { name: "Agenda" }).waitFor({ timeout: 20_000 });
    await expect.poll(() => text(secretary.page, ".session-heading h1")).toContain(SAMPLE_TITLE_DAY);
    await join(display.page, "Display", "展示屏");
    await display.page.locator("main.display").waitFor({ timeout: 20_000 });
    await expect.poll(() => text(display.page, ".display-item h2")).toContain("大华商城停车位紧张");
    await expect.poll(() => text(facilitator.page, ".share-panel .presence")).toContain("书记平板");
    await expect.poll(() => text(facilitator.page, ".share-panel .presence")).toContain("展示屏");
    await expect.poll(() => text(facilitator.page, ".sync-badge")).toContain("Connected to 2");
  });

  it("edits on each editor appear on the others, and the display follows", async () => {
    const a = facilitator.page;
    const b = secretary.page;
    await a.getByLabel("New agenda item").fill("夜间施工噪音");
    await a.getByRole("button", { name: "Add", exact: true }).first().click();
    await expect.poll(() => text(b, ".agenda-list")).toContain("夜间施工噪音");

    await b.getByRole("button", { name: "Raise an issue" }).click();
    await b.getByLabel("The issue").fill("楼道灯坏了三个月");
    await b.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => text(a, ".tab-panel")).toContain("楼道灯坏了三个月");

    await a.getByRole("button", { name: "Make 夜间施工噪音 current" }).click();
    await expect.poll(() => text(display.page, ".display-item h2")).toBe("夜间施工噪音");
  });

  it("the display has no editable control", async () => {
    const page = display.page;
    expect(await page.getByRole("textbox").count()).toBe(0);
    expect(await page.getByRole("combobox").count()).toBe(0);
    expect(await page.getByRole("checkbox").count()).toBe(0);
    const buttons = await page.getByRole("button").allTextContents();
    expect(buttons.every((b) => /Connected|Looking|Offline|Full screen/.test(b))).toBe(true);
    const snapshot = await page.locator("body").ariaSnapshot();
    expect(snapshot).not.toMatch(/textbox|spinbutton|slider/);
  });

  it("an editor goes offline; both change the same tally and notes; all three converge", async () => {
    const a = facilitator.page;
    const b = secretary.page;
    await a.getByRole("tab", { name: /Votes/ }).click();
    await a.getByRole("form", { name: "New vote" }).getByLabel("Motion").fill("夜间22点后禁止施工");
    await a.getByRole("form", { name: "New vote" }).getByRole("button", { name: "New vote" }).click();
    await a.locator("article.vote").first().getByRole("button", { name: "Open show of hands" }).click();
    await b.getByRole("tab", { name: /Votes/ }).click();
    await b.locator("article.vote").first().getByRole("button", { name: "One more for For" }).waitFor();
    await a.getByRole("tab", { name: /Notes/ }).click();
    await b.getByRole("tab", { name: /Notes/ }).click();
    await a.getByRole("textbox", { name: "Session notes" }).fill("ABC");
    await expect.poll(() => b.getByRole("textbox", { name: "Session notes" }).inputValue()).toBe("ABC");

    await secretary.context.setOffline(true);
    await expect.poll(() => text(b, ".sync-badge")).toContain("Offline");
    // Same notes, different places: the facilitator appends, the secretary prepends.
    await a.getByRole("textbox", { name: "Session notes" }).fill("ABC 甲方补充");
    await b.getByRole("textbox", { name: "Session notes" }).fill("乙方开头 ABC");
    await a.getByRole("tab", { name: /Votes/ }).click();
    await b.getByRole("tab", { name: /Votes/ }).click();
    for (let i = 0; i < 3; i++)
      await a.locator("article.vote").first().getByRole("button", { name: "One more for For" }).click();
    for (let i = 0; i < 2; i++)
      await b.locator("article.vote").first().getByRole("button", { name: "One more for For" }).click();
    expect(await forCount(a)).toBe("For: 3");
    expect(await forCount(b)).toBe("For: 2");

    await secretary.context.setOffline(false);
    await expect.poll(() => forCount(a), { timeout: 30_000 }).toBe("For: 5");
    await expect.poll(() => forCount(b), { timeout: 30_000 }).toBe("For: 5");
    await expect
      .poll(() => text(display.page, ".display-vote"), { timeout: 30_000 })
      .toContain("夜间22点后禁止施工");
    await expect.poll(() => display.page.locator(".display-count").first().textContent()).toBe("5");
    await a.getByRole("tab", { name: /Notes/ }).click();
    await b.getByRole("tab", { name: /Notes/ }).click();
    const notesA = await a.getByRole("textbox", { name: "Session notes" }).inputValue();
    expect(notesA).toContain("甲方补充");
    expect(notesA).toContain("乙方开头");
    await expect.poll(() => b.getByRole("textbox", { name: "Session notes" }).inputValue()).toBe(notesA);
  });
});

describe("relaying in the mesh", () => {
  it("an edit reaches both other tablets, and no tablet sends an edit back where it came from", async () => {
    const pages = [facilitator.page, secretary.page, display.page];
    for (const page of pages.slice(0, 2)) await page.getByRole("tab", { name: /Votes/ }).click();
    await Promise.all(pages.map(clearChannelLog));
    await pages[0]!.locator("article.vote").first().getByRole("button", { name: "One more for For" }).click();
    await expect.poll(() => forCount(secretary.page)).toBe("For: 6");
    await expect.poll(() => display.page.locator(".display-count").first().textContent()).toBe("6");
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for an echo to arrive
    const [ours, ...others] = await Promise.all(pages.map(channelLog));
    const tap = ours!.filter((u) => u.dir === "out").flatMap((u) => u.structs);
    expect(tap.length).toBeGreaterThan(0);
    for (const log of others)
      expect(log.some((u) => u.dir === "in" && u.structs.includes(tap[0]!))).toBe(true);
    for (const log of [ours!, ...others]) expect(echoes(log)).toEqual([]);
  });
});

describe("a wrong room key", () => {
  it("does not join, and says so", async () => {
    // Same room part, different key: the room is found but nothing can be read.
    const wrong = code.slice(0, 10) + (code[10] === "A" ? "B" : "A") + code.slice(11);
    const stranger = await launchBrowser();
    try {
      await stranger.page.goto(`${server.url}/?lang=en#/join/${wrong}`);
      await stranger.page.getByRole("button", { name: "Join", exact: true }).click();
      await stranger.page
        .getByRole("alert")
        .filter({ hasText: "key does not match" })
        .waitFor({ timeout: 30_000 });
      expect(await stranger.page.locator(".agenda-list").count()).toBe(0);
    } finally {
      await stranger.close();
    }
  });
});

describe("the local network only", () => {
  it("no tablet made a request to any host but the local server", () => {
    expect(requests.length).toBeGreaterThan(20);
    const origin = new URL(server.url);
    const outside = requests.filter((url) => {
      if (url.startsWith("data:") || url.startsWith("blob:")) return false;
      const u = new URL(url);
      return u.hostname !== origin.hostname || u.port !== origin.port;
    });
    expect(outside).toEqual([]);
    expect(requests.some((url) => url.endsWith("/signal"))).toBe(true);
  });
});

describe("a large session", () => {
  it("reaches a fresh tablet whole: 2,000 items in one first sync (over 1 MB)", async () => {
    const Y = await import("yjs");
    const { buildLargeSession } = await import("../helpers/largeSession.ts");
    const { snapshot } = await import("../../src/doc/session/snapshot.ts");
    const { summarize } = await import("../../src/reactive/summary.ts");
    const doc = buildLargeSession(new Y.Doc());
    const update = Y.encodeStateAsUpdate(doc);
    expect(update.byteLength).toBeGreaterThan(1_000_000);
    const s = snapshot(doc);
    const [sender, receiver] = await Promise.all([launchBrowser(), launchBrowser()]);
    try {
      await sender.page.goto(`${server.url}/?lang=en`);
      await sender.page.getByRole("heading", { level: 1 }).waitFor();
      // Stored straight into the app's IndexedDB format, as if built at the table.
      await sender.page.evaluate(
        async ({ bytes, row }) => {
          const db: IDBDatabase = await new Promise((ok, fail) => {
            const req = indexedDB.open("yishi");
            req.onsuccess = () => ok(req.result);
            req.onerror = () => fail(req.error);
          });
          const tx = db.transaction(["updates", "sessions"], "readwrite");
          tx.objectStore("updates").add({
            sessionId: (row as { id: string }).id,
            update: new Uint8Array(bytes),
          });
          tx.objectStore("sessions").put(row);
          await new Promise((ok) => (tx.oncomplete = ok));
          db.close();
        },
        { bytes: Array.from(update), row: summarize(s) },
      );
      await sender.page.goto(`${server.url}/?lang=en#/session/${s.meta.id}`);
      await sender.page.getByRole("button", { name: /Not shared/ }).click();
      const bigCode = (await sender.page.locator(".share-code").textContent())!.trim();
      await receiver.page.goto(`${server.url}/?lang=en#/join/${bigCode}`);
      await receiver.page.getByRole("button", { name: "Join", exact: true }).click();
      await receiver.page.getByRole("heading", { name: "Agenda" }).waitFor({ timeout: 60_000 });
      await expect
        .poll(() => receiver.page.locator(".agenda-list > li").count(), { timeout: 30_000 })
        .toBe(s.agenda.length);
      await receiver.page.getByRole("tab", { name: /Follow-ups/ }).click();
      await expect
        .poll(() => receiver.page.locator(".follow-up").count(), { timeout: 30_000 })
        .toBe(s.followUps.length);
      await receiver.page.getByRole("tab", { name: /Issues/ }).click();
      await expect
        .poll(() => receiver.page.locator(".issue").count(), { timeout: 30_000 })
        .toBe(s.issues.length);
    } finally {
      await Promise.all([sender.close(), receiver.close()]);
    }
  });
});
