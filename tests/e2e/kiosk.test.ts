// The residents' screen as a kiosk: it holds a screen wake lock and takes it again when the page becomes
// visible, hides the cursor after a few idle seconds, and goes fullscreen. The wake lock is a recording fake
// (headless Chromium has no screen to keep awake); everything else is the real page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { openSampleSession } from "../helpers/sample.ts";

let server: AppServer;
let tablet: LaunchedBrowser;

beforeAll(async () => {
  server = await startAppServer();
  tablet = await launchBrowser();
  await tablet.context.addInitScript(() => {
    const log = { requests: 0, releases: 0 };
    Object.assign(window, { wakeLog: log });
    const wakeLock = {
      request: async () => {
        log.requests++;
        return { released: false, release: async () => void log.releases++, addEventListener() {} };
      },
    };
    Object.defineProperty(Navigator.prototype, "wakeLock", { get: () => wakeLock, configurable: true });
    // Lets the test hide and show the page.
    let visibility: DocumentVisibilityState = "visible";
    Object.defineProperty(Document.prototype, "visibilityState", {
      get: () => visibility,
      configurable: true,
    });
    Object.assign(window, {
      setVisibility(state: DocumentVisibilityState) {
        visibility = state;
        document.dispatchEvent(new Event("visibilitychange"));
      },
    });
  });
});
afterAll(async () => {
  await tablet?.close();
  await server?.close();
});

const wakeLog = () =>
  tablet.page.evaluate(() => (window as unknown as { wakeLog: { requests: number } }).wakeLog.requests);
const setVisibility = (state: "visible" | "hidden") =>
  tablet.page.evaluate(
    (s) => (window as unknown as { setVisibility(v: string): void }).setVisibility(s),
    state,
  );

describe("the residents' screen as a kiosk", () => {
  it("opens as display on a device whose role in the session is display", async () => {
    const page = tablet.page;
    const id = await openSampleSession(page, server.url);
    await page.evaluate((sessionId) => {
      localStorage.setItem("yishi.roles", JSON.stringify({ [sessionId]: "display" }));
    }, id);
    await page.reload();
    await page.locator("main.display").waitFor();
  });

  it("holds a wake lock, and takes it again each time the page becomes visible", async () => {
    await expect.poll(wakeLog).toBe(1);
    await setVisibility("hidden"); // the browser drops the lock while hidden; nothing is asked for
    expect(await wakeLog()).toBe(1);
    await setVisibility("visible");
    await expect.poll(wakeLog).toBe(2);
  });

  it("hides the cursor after a few idle seconds and shows it again on movement", async () => {
    const page = tablet.page;
    const display = page.locator("main.display");
    await page.mouse.move(100, 100);
    expect(await display.evaluate((el) => el.classList.contains("idle"))).toBe(false);
    await expect
      .poll(() => display.evaluate((el) => getComputedStyle(el).cursor), { timeout: 6000 })
      .toBe("none");
    await page.mouse.move(200, 200);
    expect(await display.evaluate((el) => getComputedStyle(el).cursor)).not.toBe("none");
  });

  it("goes fullscreen and back", async () => {
    const page = tablet.page;
    await page.getByRole("button", { name: "Full screen" }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.getByRole("button", { name: "Full screen" }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  });
});
