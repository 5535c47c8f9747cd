// A benchmark "tablet" whose pages are cross-origin isolated, so performance.now() is fine-grained (5 µs in
// Chromium instead of 100 µs): the bench adds COOP + COEP to every page load (src/server is left as it is).
import { chromium, type Page } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH, type LaunchedBrowser } from "./browser.ts";

/**
 * A page load fulfilled by Playwright counts as coming from a public address, and Chromium's local network
 * access checks would then block its WebSocket to 127.0.0.1: they are off in this browser.
 */
const ARGS = [...CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"];

async function isolate(page: Page): Promise<void> {
  await page.route("**/*", async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      },
    });
  });
}

/** Like launchBrowser (its own process and fresh profile), its page cross-origin isolated. */
export async function launchIsolatedBrowser(): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "yishi-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    locale: "zh-CN",
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => console.error("[page error]", error.message));
  await isolate(page);
  return {
    context,
    page,
    userDataDir,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
