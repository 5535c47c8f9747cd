// A new version deployed while a tablet is in use: announced, applied only on the user's word, nothing lost.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, waitForServiceWorker, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";

let dist: string;
let server: AppServer;
let tablet: LaunchedBrowser;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "yishi-deploy-"));
  cpSync(resolve("dist"), dist, { recursive: true });
  server = await startAppServer(dist);
  tablet = await launchBrowser();
});
afterAll(async () => {
  await tablet?.close();
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

it("announces a new build, and work typed before accepting it survives the reload", async () => {
  const page = tablet.page;
  await page.goto(`${server.url}/?lang=en`);
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await waitForServiceWorker(page);
  await page.locator(".session-link").first().click();
  await page.getByRole("tab", { name: /Notes/ }).click();

  // Deploy: any change to the service worker file is a new version for the browser.
  appendFileSync(join(dist, "sw.js"), "\n// build 2\n");
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const prompt = page.getByText("A new version is ready.");
  await prompt.waitFor({ timeout: 20_000 });

  // Typing goes on while the prompt waits; the reload happens only when the user taps it.
  await page.getByRole("textbox", { name: "Session notes" }).fill("更新前写下的记录");
  await page.waitForTimeout(500);
  expect(await prompt.isVisible()).toBe(true);
  const reloaded = page.waitForEvent("load");
  await page.getByRole("button", { name: "Reload" }).click();
  await reloaded;
  await page.getByRole("tab", { name: /Notes/ }).click();
  await expect
    .poll(() => page.getByRole("textbox", { name: "Session notes" }).inputValue())
    .toBe("更新前写下的记录");
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptURL).toContain("sw.js");
});
