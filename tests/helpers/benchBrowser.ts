// A benchmark "tablet" whose pages are cross-origin isolated, so performance.now() is fine-grained (5 µs in
// Chromium instead of 100 µs): the bench adds COOP + COEP to every page load (src/server is left as it is).
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "./browser.ts";

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

/**
 * Like launchBrowser (its own process and fresh profile), its page cross-origin isolated. A page load
 * fulfilled by Playwright counts as coming from a public address, and Chromium's local network access
 * checks would then block its WebSocket to 127.0.0.1: they are off in this browser.
 */
export async function launchIsolatedBrowser(): Promise<LaunchedBrowser> {
  const browser = await launchBrowser({ extraArgs: ["--disable-features=LocalNetworkAccessChecks"] });
  await isolate(browser.page);
  return browser;
}
