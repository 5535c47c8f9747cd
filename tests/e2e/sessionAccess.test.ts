// A session shared by its code, in three Chromium processes over real WebRTC: the share panel shows a staff
// code and a display code; a display joined by the display code, made an editor in its own page (its stored
// role rewritten, as anyone holding it could), changes nothing on the facilitator's tablet while it keeps
// receiving; a second staff tablet joined by the staff code edits and the facilitator sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { openSampleSession } from "../helpers/sample.ts";

let server: AppServer;
let facilitator: LaunchedBrowser;
let staff: LaunchedBrowser;
let display: LaunchedBrowser;
let staffCode = "";
let displayCode = "";
let sessionId = "";
const QUIET_MS = 6_000;

beforeAll(async () => {
  server = await startAppServer();
  [facilitator, staff, display] = await Promise.all([launchBrowser(), launchBrowser(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([facilitator, staff, display].map((b) => b?.close()));
  await server?.close();
});

const issues = async (page: Page) => (await page.locator(".tab-panel").first().textContent()) ?? "";

async function raiseIssue(page: Page, text: string) {
  await page.getByRole("button", { name: "Raise an issue" }).click();
  await page.getByLabel("The issue").fill(text);
  await page.getByRole("button", { name: "Record" }).click();
}

describe("a session shared by its code: staff code writes, display code only reads", () => {
  it("shows a staff code and a display code, each with its link and QR code", async () => {
    const page = facilitator.page;
    sessionId = await openSampleSession(page, server.url);
    await page.getByRole("button", { name: /Not shared/ }).click();
    await page.locator(".share-code").waitFor();
    staffCode = (await page.locator(".share-code").textContent())!.trim();
    displayCode = (await page.locator(".display-code").textContent())!.trim();
    expect(staffCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}-[0-9A-Z]{2}$/);
    expect(displayCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(staffCode.startsWith(displayCode)).toBe(true);
    await page.getByRole("heading", { name: "For another staff tablet" }).waitFor();
    await page.getByRole("heading", { name: "For the residents' screen" }).waitFor();
    await page.getByRole("img", { name: "QR code of the join link for another staff tablet" }).waitFor();
    await page.getByRole("img", { name: "QR code of the join link for the residents' screen" }).waitFor();
    const displayLink = page.getByRole("link", { name: /^Join link for the residents' screen/ });
    expect(await displayLink.getAttribute("href")).toBe(`${server.url}/#/join/${displayCode}`);
  });

  it("joins the residents' screen by the display code with no role to choose, a staff tablet by the staff code", async () => {
    await display.page.goto(`${server.url}/?lang=en#/join/${displayCode}`);
    await display.page.getByText("This is a display code").waitFor();
    expect(await display.page.getByRole("radio").count()).toBe(0);
    await display.page.getByLabel("Device name").fill("巷口展示屏");
    await display.page.getByRole("button", { name: "Join", exact: true }).click();
    await display.page.locator("main.display").waitFor({ timeout: 30_000 });

    await staff.page.goto(`${server.url}/?lang=en#/join/${staffCode}`);
    await staff.page.getByRole("radio", { name: /^Secretary/ }).check();
    await staff.page.getByLabel("Device name").fill("书记平板");
    await staff.page.getByRole("button", { name: "Join", exact: true }).click();
    await staff.page.getByRole("heading", { name: "Agenda" }).waitFor({ timeout: 30_000 });
  });

  it("the second staff tablet's edit reaches the facilitator", async () => {
    await raiseIssue(staff.page, "楼道灯坏了三个月");
    await expect.poll(() => issues(facilitator.page), { timeout: 30_000 }).toContain("楼道灯坏了三个月");
  });

  it("drops every edit of the display made an editor in its page, while the display keeps receiving", async () => {
    const page = display.page;
    await page.evaluate((id) => {
      const roles = JSON.parse(localStorage.getItem("yishi.roles") ?? "{}") as Record<string, string>;
      localStorage.setItem("yishi.roles", JSON.stringify({ ...roles, [id]: "facilitator" }));
    }, sessionId);
    await page.goto(`${server.url}/?lang=en#/session/${encodeURIComponent(sessionId)}`);
    await page.reload();
    await page.getByRole("heading", { name: "Agenda" }).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator(".sync-badge").textContent(), { timeout: 30_000 })
      .toContain("Connected");
    await raiseIssue(page, "伪造的问题");
    await expect.poll(() => issues(page)).toContain("伪造的问题");
    await raiseIssue(facilitator.page, "真实的问题");
    await expect.poll(() => issues(page), { timeout: 30_000 }).toContain("真实的问题");
    await expect.poll(() => issues(staff.page), { timeout: 30_000 }).toContain("真实的问题");
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(await issues(facilitator.page)).not.toContain("伪造的问题");
    expect(await issues(staff.page)).not.toContain("伪造的问题");
  });
});
