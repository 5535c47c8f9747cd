// The community report in real Chromium, from the sample data: the link on the home screen, the period and
// scope switched, a figure followed to its matters in the register, printed to a one-page PDF (read back with
// pdftotext and pdfinfo), both CSV files downloaded and parsed, screenshots in zh/zh-Hant/en/ug and axe.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seriousViolations } from "../helpers/axe.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { reportUg } from "../../src/i18n/report/ug.ts";
import { reportZh } from "../../src/i18n/report/zh.ts";
import { reportZhHant } from "../../src/i18n/report/zhHant.ts";
import { monthOf, periodOf } from "../../src/doc/civilTime.ts";
import { sampleDays } from "../../src/doc/sample/sampleCalendar.ts";

const SHOTS = join("tests", "e2e", "__screenshots__");
let server: AppServer;
let tablet: LaunchedBrowser;
let dir: string;
let reportHash = "";

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "yishi-report-"));
  server = await startAppServer();
  tablet = await launchBrowser();
});
afterAll(async () => {
  await tablet?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

// The sample's sittings, dated from today as the app dates them.
const days = sampleDays(Date.now(), "Asia/Shanghai");
const SITTINGS = [days.monthBefore, days.previous, days.last];
const sittingsIn = (p: { from: string; to: string }) =>
  SITTINGS.filter((d) => d >= p.from && d <= p.to).length;
const QUARTER = periodOf("quarter", days.last);
const QUARTER_ID = `${days.last.slice(0, 4)}-Q${Math.floor((Number(days.last.slice(5, 7)) - 1) / 3) + 1}`;
const QUARTER_MONTHS = [monthOf(QUARTER.from), monthOf(QUARTER.to)];

const figure = (page: Page, key: string) => page.locator(`[data-figure=${key}] .figure-value`);

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") [row, field] = [[...row, field], ""];
    else if (c === "\n") [rows[rows.length], row, field] = [[...row, field.replace(/\r$/, "")], [], ""];
    else field += c;
  }
  return rows;
}

async function downloadCsv(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  expect(file.endsWith(".csv")).toBe(true);
  return readFileSync(file, "utf8");
}

describe("community report", () => {
  it("opens from the home screen for every community and switches period and scope", async () => {
    const page = tablet.page;
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole("button", { name: "Try with sample data" }).click();
    await page.locator(".community-card").first().waitFor();
    await page.getByRole("link", { name: "Report of every community" }).click();
    await page.getByRole("heading", { name: "Community report" }).waitFor();
    await expect.poll(() => page.locator(".report-scope").textContent()).toMatch(/^Every community/);
    // The sample is dated from today: this month shows its sittings of this month, the quarter of its last
    // sitting shows that sitting's matters.
    await expect
      .poll(() => figure(page, "sessions").textContent())
      .toBe(String(sittingsIn(periodOf("month", days.today))));
    await page.getByLabel("Report period").selectOption("quarter");
    await page.getByLabel("Quarter of the report").selectOption(QUARTER_ID);
    await expect.poll(() => figure(page, "sessions").textContent()).toBe(String(sittingsIn(QUARTER)));
    expect(new URL(page.url()).hash).toContain(`quarter=${QUARTER_ID}`);
    expect(await page.locator(".report-period").textContent()).toMatch(/\d{4}.*to.*\d{4}/);
    expect(Number(await figure(page, "raised").textContent())).toBeGreaterThanOrEqual(4);
    expect(Number(await figure(page, "urgent").textContent())).toBeGreaterThanOrEqual(2);
    expect(await figure(page, "resolutionRate").textContent()).toMatch(/^\d+(\.\d)?%$/);
    // Charts: one group of bars per month of the quarter, with an accessible name.
    expect(await page.locator("#chart-trend-caption + ul + svg .chart-month").count()).toBe(3);
    expect(await page.locator("svg.chart[role=img]").count()).toBe(4);

    // A custom range holding the session, then the scope of one community, then of another (empty).
    await page.getByLabel("Report period").selectOption("range");
    await page.getByLabel("Report from").fill(days.last);
    await page.getByLabel("Report to").fill(days.today);
    await page.getByLabel("Report to").blur();
    await expect.poll(() => new URL(page.url()).hash).toContain(`from=${days.last}`);
    await expect.poll(() => figure(page, "sessions").textContent()).toBe("1");
    await page.getByLabel("Report scope").selectOption({ label: "老城路社区" });
    await expect.poll(() => page.locator(".report-scope").textContent()).toBe("老城路社区");
    expect(await figure(page, "sessions").textContent()).toBe("1");
    await page.getByLabel("Report scope").selectOption({ label: "新城社区" });
    await expect.poll(() => figure(page, "raised").textContent()).toBe("0");
    await page.getByLabel("Report scope").selectOption({ index: 0 });
    await page.getByLabel("Report period").selectOption("quarter");
    await page.getByLabel("Quarter of the report").selectOption(QUARTER_ID);
    await expect.poll(() => figure(page, "sessions").textContent()).toBe(String(sittingsIn(QUARTER)));
    reportHash = new URL(page.url()).hash;
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("follows a figure to exactly its matters in the register", async () => {
    const page = tablet.page;
    const urgent = Number(await figure(page, "urgent").textContent());
    const link = page.locator("[data-figure=urgent] a");
    expect(await link.getAttribute("aria-label")).toBe(
      `Urgent-hard: ${urgent}. Show the ${urgent} ${urgent === 1 ? "matter" : "matters"}`,
    );
    await link.click();
    await page.locator(".register-count").waitFor();
    expect(await page.locator(".register-count").textContent()).toMatch(
      new RegExp(`^Showing ${urgent} matters? of \\d+$`),
    );
    expect(await page.locator(".register-list [role=listitem]").count()).toBe(urgent);
    await page.goBack();
    await page.getByRole("heading", { name: "Community report" }).waitFor();
    await expect.poll(() => figure(page, "urgent").textContent()).toBe(String(urgent));
  });

  it("prints the figures and charts on one A4 page", async () => {
    const page = tablet.page;
    await page.emulateMedia({ media: "print" });
    const pdf = join(process.env.REPORT_PDF_DIR ?? dir, "report.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const words of [
      "Community report",
      "Every community",
      "Matters raised",
      "Urgent-hard",
      "Resolution rate",
    ])
      expect(text).toContain(words);
    expect(text).toContain("Raised and resolved, month by month");
    expect(text).toContain("Resolution rate by community");
    expect(text).toContain("老城路社区");
    expect(text).not.toContain("Print / save as PDF");
    expect(text).not.toContain("Breakdowns");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(1);
    expect(info).toMatch(/Page size:.*\(A4\)/);
  });

  it("downloads the figures and the matters as CSV, Chinese intact, no anonymous raiser named", async () => {
    const page = tablet.page;
    const figures = await downloadCsv(page, "Download figures (CSV)");
    expect(figures.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(figures.slice(1));
    expect(rows[0]).toEqual(["Figure", "Value"]);
    const raised = rows.find((r) => r[0] === "Matters raised");
    expect(raised?.[1]).toBe(await figure(page, "raised").textContent());
    expect(rows.some((r) => r[0] === "老城路社区")).toBe(true);

    const matters = await downloadCsv(page, "Download matters (CSV)");
    expect(matters.startsWith("\uFEFF")).toBe(true);
    const list = parseCsv(matters.slice(1));
    const head = list[0]!;
    expect(head.slice(0, 4)).toEqual(["ID", "Raised on", "Community", "Talk point"]);
    const body = list.slice(1);
    expect(body.length).toBe(Number(raised?.[1]));
    const col = (name: string) => head.indexOf(name);
    expect(body.some((r) => r[col("Matter")]!.includes("鸿雁小区"))).toBe(true);
    expect(body.every((r) => r[col("Community")] === "老城路社区")).toBe(true);
    // The wiring issue was raised anonymously: its row says so and names nobody.
    const wiring = body.filter((r) => r[col("Matter")]!.includes("电表"));
    expect(wiring.length).toBeGreaterThan(0);
    for (const r of wiring) expect(r[col("Raised by")]).toBe("Anonymous");
  });

  it("reads in Chinese (Simplified and Traditional), English and Uyghur (right to left), with screenshots and no serious violations", async () => {
    const page = tablet.page;
    for (const lang of ["zh", "zh-Hant", "en", "ug"] as const) {
      await page.goto(`${server.url}/?lang=${lang}${reportHash}`);
      const title = {
        zh: reportZh,
        "zh-Hant": reportZhHant,
        ug: reportUg,
        en: { "report.title": "Community report" },
      }[lang]["report.title"];
      await page.getByRole("heading", { name: title }).waitFor();
      await expect.poll(() => figure(page, "sessions").textContent()).toBe(String(sittingsIn(QUARTER)));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === "ug" ? "rtl" : "ltr");
      // The controls show the address's period (options are in place before their value is chosen).
      expect(await page.locator(".report-controls select").nth(2).inputValue()).toBe(QUARTER_ID);
      if (lang === "ug") {
        // The charts mirror: the quarter's first month's bars on the right of its last's.
        const x = (m: string) =>
          page
            .locator(`#chart-trend-caption ~ svg [data-month="${m}"] rect`)
            .first()
            .evaluate((r) => r.getBoundingClientRect().x);
        expect(await x(QUARTER_MONTHS[0]!)).toBeGreaterThan(await x(QUARTER_MONTHS[1]!));
      }
      expect(await seriousViolations(page), lang).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `report-${lang}-landscape.png`), fullPage: true });
    }
    await page.goto(`${server.url}/?lang=en`);
  });
});
