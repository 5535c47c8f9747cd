// The secretary's minutes in real Chromium: PDF printed and read back with pdftotext, the Word file unzipped,
// lock/reopen, and an archive carried to a fresh tablet (and bad archives refused).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { MINUTES_STRINGS } from "../../src/export/minutesStrings.ts";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { openSampleSession } from "../helpers/sample.ts";

let server: AppServer;
let secretary: LaunchedBrowser;
let other: LaunchedBrowser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "yishi-minutes-"));
  server = await startAppServer();
  [secretary, other] = await Promise.all([launchBrowser(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([secretary?.close(), other?.close()]);
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function downloadFrom(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  return file;
}

describe("minutes", () => {
  it("open as a live draft from the session", async () => {
    const page = secretary.page;
    await openSampleSession(page, server.url);
    await page.getByRole("button", { name: "Minutes" }).click();
    await page.locator("article.minutes").waitFor();
    await page.getByLabel("Language of the minutes").selectOption("zh");
    await expect.poll(() => page.locator("article.minutes h1").textContent()).toContain("会议纪要");
    expect(await page.locator("article.minutes").textContent()).toContain("草稿");
  });

  it("print to a PDF whose text (Chinese included) is the minutes", async () => {
    const page = secretary.page;
    await page.emulateMedia({ media: "print" });
    const pdf = join(dir, "minutes.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("会议纪要");
    expect(text).toContain("鸿雁小区");
    expect(text).toContain("广场舞场地定在社区院内");
    expect(text).toMatch(/结果\s*:\s*通过/);
    expect(text).toContain("电力局");
    expect(text).not.toContain("Print / save as PDF");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    // Page numbers from the print stylesheet's @page footer: "1 / 3" … "3 / 3".
    expect(text).toMatch(new RegExp(`\\b1\\s*/\\s*${pages}\\b`));
    expect(text).toMatch(new RegExp(`\\b${pages}\\s*/\\s*${pages}\\b`));
  });

  it("export a real Word document", async () => {
    const file = await downloadFrom(secretary.page, "Word document");
    expect(file.endsWith(".docx")).toBe(true);
    const xml = strFromU8(unzipSync(readFileSync(file))["word/document.xml"]!);
    expect(xml).toContain("会议纪要");
    expect(xml).toContain("结果: 通过");
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it("Uyghur minutes print right to left, in an Arabic-script font the set-up installed", async () => {
    const page = secretary.page;
    await page.getByLabel("Language of the minutes").selectOption("ug");
    await page.locator("article.minutes[dir=rtl]").waitFor();
    await page.emulateMedia({ media: "print" });
    const pdf = join(dir, "minutes-ug.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    // pdftotext marks direction with embedding controls; the words themselves come back in reading order.
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(
      /[\u202a-\u202e]/g,
      "",
    );
    expect(text).toContain(MINUTES_STRINGS.ug.title);
    expect(text).toContain(MINUTES_STRINGS.ug.votes);
    expect(text).toContain("广场舞场地定在社区院内"); // data as typed
    expect(execFileSync("pdffonts", [pdf], { encoding: "utf8" })).toMatch(/NotoSansArabic/);
    await page.getByLabel("Language of the minutes").selectOption("zh");
    await page.locator("article.minutes[dir=ltr]").waitFor();
  });

  it("print each vote whole: motion, For, Against, Abstain and result on one page", async () => {
    const page = secretary.page;
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("tab", { name: /Votes/ }).click();
    const motions = Array.from(
      { length: 7 },
      (_, i) => `第${i + 1}号表决：${"小区公共区域改造方案，需要居民共同决定是否实施。".repeat(1 + (i % 3))}`,
    );
    const form = page.getByRole("form", { name: "New vote" });
    for (const motion of motions) {
      await form.getByLabel("Motion").fill(motion);
      await form.getByRole("button", { name: "New vote" }).click();
      await expect.poll(() => form.getByLabel("Motion").inputValue()).toBe("");
    }
    await page.getByRole("button", { name: "Minutes" }).click();
    await page.getByLabel("Language of the minutes").selectOption("zh");
    await expect.poll(() => page.locator("article.minutes h1").textContent()).toContain("会议纪要");
    await expect.poll(() => page.locator("article.minutes").textContent()).toContain(motions[6]!);
    await page.emulateMedia({ media: "print" });
    const pdf = join(dir, "votes.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    const pageText = Array.from({ length: pages }, (_, i) =>
      execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
        encoding: "utf8",
      }).replace(/\s+/g, ""),
    );
    for (const motion of ["广场舞场地定在社区院内", ...motions.map((m) => m.slice(0, 6))]) {
      const on = pageText.findIndex((text) => text.includes(motion));
      expect(on, motion).toBeGreaterThanOrEqual(0);
      const rest = pageText[on]!.slice(pageText[on]!.indexOf(motion));
      const vote = rest.slice(0, rest.slice(1).search(/第\d+号表决：|决定事项/) + 1 || undefined);
      for (const word of ["赞成", "反对", "弃权", "结果"]) expect(vote, `${motion}: ${word}`).toContain(word);
    }
  });

  it("copy as text for a chat: plain text on the clipboard, or shown to copy by hand", async () => {
    const page = secretary.page;
    await secretary.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await page.getByRole("button", { name: "Copy as text" }).click();
    await page.locator(".notice").filter({ hasText: "copied as text" }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain("【基本信息】");
    expect(text).toContain("广场舞场地定在社区院内");
    expect(text).not.toMatch(/\*\*|^#|\| --- \|/m);
    // Without the Clipboard API (plain http on a LAN), the older copy command is used, or the text is shown.
    await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
    await page.getByRole("button", { name: "Copy as text" }).click();
    await expect
      .poll(
        async () =>
          (await page.locator(".notice").filter({ hasText: "copied as text" }).count()) > 0 ||
          (await page.getByLabel("The minutes as text (select to copy)").count()) > 0,
      )
      .toBe(true);
  });

  it("lock: every edit is refused with who locked it; exports say final; reopen is recorded", async () => {
    const page = secretary.page;
    await page.getByRole("button", { name: "Finalise and lock" }).click();
    await expect.poll(() => page.locator("article.minutes .minutes-status").textContent()).toContain("定稿");
    const md = readFileSync(await downloadFrom(page, "Markdown"), "utf8");
    expect(md).toContain("**定稿**");
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByLabel("New agenda item").fill("锁定后加的议题");
    await page.getByRole("button", { name: "Add", exact: true }).first().click();
    await page.getByRole("alert").filter({ hasText: "finalised" }).waitFor();
    expect(await page.locator(".agenda-list").textContent()).not.toContain("锁定后加的议题");
    await page.getByRole("button", { name: "Minutes" }).click();
    await page.getByRole("button", { name: "Reopen for edits" }).click();
    await page.getByRole("button", { name: "Finalise and lock" }).waitFor();
  });
});

/** The home screen's button that opens joining, importing and this tablet's settings. */
const MORE = "More: join a session, import, this tablet";

describe("archive", () => {
  it("carries the whole session to a fresh tablet", async () => {
    const file = await downloadFrom(secretary.page, "Archive (JSON)");
    const original = await secretary.page.locator("article.minutes").textContent();
    const page = other.page;
    await page.goto(`${server.url}/?lang=en`);
    await page.getByText(MORE, { exact: true }).click(); // the rarer things wait behind "More"
    await page.getByLabel("Import an archive (.json)").setInputFiles(file);
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
    await page.getByRole("button", { name: "Minutes" }).click();
    await expect.poll(() => page.locator("article.minutes").textContent()).toBe(original);
  });

  it.each([
    ["random bytes", Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256))],
    ["truncated JSON", Buffer.from('{"type":"yishi-session","version":1,"data":{"id":"x","upd')],
    ["a wrong type", Buffer.from('{"type":"other","version":1,"data":{}}')],
    ["a newer version", Buffer.from('{"type":"yishi-session","version":9,"data":{}}')],
    [
      "an update Yjs rejects",
      Buffer.from(
        `{"type":"yishi-session","version":1,"source":"x","data":{"id":"x","update":"${Buffer.from("garbage!").toString("base64")}"}}`,
      ),
    ],
  ])("refuses %s with a message and changes nothing", async (_name, bytes) => {
    const page = other.page;
    await page.goto(`${server.url}/?lang=en`);
    await page.locator(".session-link").first().waitFor();
    const before = await page.locator(".session-link").count();
    const file = join(dir, "bad.json");
    writeFileSync(file, bytes);
    await page.getByText(MORE, { exact: true }).click(); // the rarer things wait behind "More"
    await page.getByLabel("Import an archive (.json)").setInputFiles(file);
    await page.getByRole("alert").filter({ hasText: "Nothing was imported" }).waitFor();
    await page.reload();
    await page.locator(".session-link").first().waitFor();
    expect(await page.locator(".session-link").count()).toBe(before);
  });
});
