// Traditional Chinese in real Chromium: a tablet set to zh-TW whose clock is in UTC opens in zh-Hant, shows the
// sample at the community's local times, runs a session and its minutes in zh-Hant, and switches language.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { zhHant as T } from "../../src/i18n/zhHant.ts";
import { zh } from "../../src/i18n/zh.ts";
import { sampleDays } from "../../src/doc/sample/sampleCalendar.ts";

let server: AppServer;
let context: BrowserContext;
let page: Page;
const profile = mkdtempSync(join(tmpdir(), "yishi-zhhant-"));

beforeAll(async () => {
  server = await startAppServer();
  // A tablet bought in Taiwan and left on UTC: language and zone both differ from the community's.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "zh-TW",
    timezoneId: "UTC",
    viewport: { width: 1280, height: 800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => console.error("[page error]", error.message));
});
afterAll(async () => {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

const htmlLang = () => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const langButton = (name: string) =>
  page.getByRole("group", { name: T["lang.choose"] }).getByRole("button", { name });

describe("Traditional Chinese", () => {
  it("opens in zh-Hant on a zh-TW browser, with no ?lang=", async () => {
    await page.goto(server.url);
    await page.getByRole("button", { name: "用範例資料試試看" }).waitFor();
    expect(await htmlLang()).toEqual(["zh-TW", "ltr"]);
    expect(await langButton("繁體中文").getAttribute("aria-pressed")).toBe("true");
    expect(await langButton("简体中文").getAttribute("aria-pressed")).toBe("false");
    // Each language is named in itself, and read in it.
    expect(await langButton("繁體中文").getAttribute("lang")).toBe("zh-TW");
    expect(await langButton("简体中文").getAttribute("lang")).toBe("zh-CN");
  });

  it("shows the sample at the community's local times on a tablet whose clock is in UTC", async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("UTC");
    await page.getByRole("button", { name: T["home.sample"] }).click();
    const listed = page.locator(".session-link").first();
    // The sample's last sitting, dated from today as the app dates it (a date without leading zeros).
    const [y, m, d] = sampleDays(Date.now(), "Asia/Shanghai").last.split("-").map(Number);
    const day = `${y}年${m}月${d}日`;
    await expect.poll(() => listed.textContent()).toContain(day);
    // 有一说一 meets on the 1st, 11th and 21st at 10:00, Beijing time: its next date says 10:00, not 02:00.
    const card = page.getByRole("listitem").filter({ hasText: "有一说一说事点" }).first();
    await expect.poll(() => card.textContent()).toContain("上午10:00");
    await listed.click();
    await page.getByRole("heading", { name: T["agenda.heading"] }).waitFor();
    const meta = page.locator(".session-heading p").first();
    await expect.poll(() => meta.textContent()).toContain(`${day} 上午10:00`);
    expect(await meta.textContent()).not.toMatch(/2:00/);
    // The issues were raised during the morning sitting: the follow-ups' history says so.
    await page.getByRole("tab", { name: new RegExp(T["tab.followUps"]) }).click();
    await page.locator(".follow-up").first().waitFor();
    expect(await page.locator(".tab-panel").textContent()).not.toMatch(/凌晨/);
    await page.getByRole("button", { name: T["action.home"] }).click();
  });

  it("runs a session: agenda, an urgent issue, a show of hands and a follow-up", async () => {
    await page.getByRole("button", { name: T["session.start"] }).first().click();
    await page
      .getByRole("form", { name: T["session.start"] })
      .getByRole("button", { name: T["session.start"] })
      .click();
    await page.getByRole("heading", { name: "議程" }).waitFor();
    await page.getByLabel(T["agenda.newItem"]).fill("鸿雁小区电表改造");
    await page.getByRole("button", { name: T["action.add"], exact: true }).first().click();
    await page.getByRole("button", { name: "把「鸿雁小区电表改造」設為目前議題" }).click();
    await expect.poll(() => page.locator(".current-item").textContent()).toContain("鸿雁小区电表改造");

    await page.getByRole("tab", { name: /說事/ }).click();
    await page.getByRole("button", { name: "登記問題" }).click();
    await page.getByLabel(T["field.issueText"]).fill("小区线路老化，电表需要改造");
    await page.getByLabel(T["field.raisedBy"]).fill("业委会");
    await page.getByRole("combobox", { name: /^類別/ }).selectOption({ label: "線路與水電" });
    await page.getByLabel(/急難愁盼/).check();
    await page.getByRole("button", { name: T["issue.record"], exact: true }).click();
    const issue = page.locator(".issue").filter({ hasText: "小区线路老化" });
    await issue.getByText("急難愁盼").waitFor();

    await issue.getByRole("button", { name: /^發起表決/ }).click();
    const vote = page.locator("article.vote").first();
    await vote.getByRole("button", { name: /^開始舉手表決/ }).click();
    for (let i = 0; i < 5; i++) await vote.getByRole("button", { name: "贊成 加一" }).click();
    await vote.getByRole("button", { name: "反對 加一" }).click();
    await vote.getByLabel("贊成：5 票").waitFor();
    await vote.getByRole("button", { name: /^結束表決/ }).click();
    await expect.poll(() => vote.locator(".verdict").textContent()).toContain("通過");

    await page.getByRole("tab", { name: /說事/ }).click();
    await issue.getByRole("button", { name: /^轉為追蹤事項/ }).click();
    const followUp = page.locator(".follow-up").filter({ hasText: "小区线路老化" }).first();
    await expect.poll(() => followUp.textContent()).toContain("待辦");
    await page.getByRole("status").filter({ hasText: "已儲存在本機" }).waitFor();
    // No Simplified word of the UI is left on the page (what people typed stays as they typed it).
    const chrome = await page.locator(".session-header button, [role=tab]").allTextContents();
    expect(chrome.join(" ")).toMatch(/紀要.*說事.*追蹤.*記錄/s);
    expect(chrome.join(" ")).not.toMatch(/纪要|说事|跟进|记录|保存/);
  });

  it("writes the minutes in zh-Hant, and in Simplified when the secretary chooses it", async () => {
    await page.getByRole("button", { name: T["minutes.open"], exact: true }).click();
    const article = page.locator("article.minutes");
    await article.waitFor();
    expect(await article.getAttribute("lang")).toBe("zh-TW");
    await expect.poll(() => article.textContent()).toContain("會議紀要");
    expect(await article.textContent()).toContain("追蹤事項");
    const chooser = page.getByLabel(T["minutes.language"]);
    expect(await chooser.inputValue()).toBe("zh-Hant");
    await chooser.selectOption("zh");
    await expect.poll(() => article.textContent()).toContain("会议纪要");
    expect(await article.getAttribute("lang")).toBe("zh-CN");
    await page.getByRole("button", { name: T["action.back"] }).click();
    await page.getByRole("heading", { name: "議程" }).waitFor();
  });

  it("switches to Simplified and back; the choice is kept, and ?lang=zh-Hant wins over it", async () => {
    await page.getByRole("button", { name: T["action.home"] }).click();
    await langButton("简体中文").click();
    await page.getByRole("heading", { name: zh["home.next.heading"], exact: true }).waitFor();
    expect(await htmlLang()).toEqual(["zh-CN", "ltr"]);
    await page.reload();
    await page.getByRole("heading", { name: zh["home.next.heading"], exact: true }).waitFor();
    expect(await htmlLang()).toEqual(["zh-CN", "ltr"]);
    await page.goto(`${server.url}/?lang=zh-Hant`);
    await page.getByRole("heading", { name: T["home.next.heading"], exact: true }).waitFor();
    expect(await htmlLang()).toEqual(["zh-TW", "ltr"]);
    expect(await langButton("繁體中文").getAttribute("aria-pressed")).toBe("true");
  });
});
