// Launches Debian's Chromium through playwright-core with a fresh profile that is removed on close.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that work on these machines: no GPU, no QUIC, no background traffic to outside hosts. */
export const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  /** Keep the profile directory (to restart the same "tablet" later); the caller removes it. */
  userDataDir?: string;
  /** Accept the self-signed certificate of the local HTTPS server. */
  ignoreHTTPSErrors?: boolean;
  /** Chromium flags beyond CHROMIUM_ARGS. */
  extraArgs?: string[];
}

/** One "tablet": its own Chromium process and profile (so IndexedDB and BroadcastChannel are its own). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const ownDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), "yishi-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Chromium refuses service workers on a certificate error unless told to ignore such errors outright.
    args: [
      ...CHROMIUM_ARGS,
      ...(options.ignoreHTTPSErrors ? ["--ignore-certificate-errors"] : []),
      ...(options.extraArgs ?? []),
    ],
    locale: options.locale ?? "zh-CN",
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => console.error("[page error]", error.message));
  return {
    context,
    page,
    userDataDir,
    close: async () => {
      await context.close().catch(() => {});
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the page's service worker is activated (`ready` already resolves while it is activating). */
export async function waitForServiceWorker(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    async () => (await navigator.serviceWorker.getRegistration())?.active?.state === "activated",
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}
