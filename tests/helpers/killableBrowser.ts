// Starts Chromium as a child process and drives it over CDP, so a test can kill it like a crash (SIGKILL).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./browser.ts";

/** The real binary behind Debian's /usr/bin/chromium shell wrapper (spawning it spares the shell). */
const REAL_CHROMIUM = "/usr/lib/chromium/chromium";
const executable = () =>
  process.env.CHROMIUM_PATH === undefined && existsSync(REAL_CHROMIUM) ? REAL_CHROMIUM : CHROMIUM_PATH;

export interface KillableBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The browser process; it leads its own process group (renderers, storage service, GPU process). */
  pid: number;
  /** SIGKILLs the whole process group at once (no chance to flush anything) and waits for the exit. */
  kill(): Promise<void>;
  /** Closes the browser cleanly (falls back to kill). */
  close(): Promise<void>;
}

function waitForDevTools(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`no DevTools endpoint after ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) done(match[1]!);
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(new Error(`chromium exited (${code ?? signal}) before listening:\n${output}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      // Keep draining stderr so a chatty browser never blocks on a full pipe.
      child.stderr?.on("data", () => {});
    };
    const done = (url: string) => {
      cleanup();
      resolve(url);
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    child.stderr?.on("data", onData);
    child.on("exit", onExit);
  });
}

function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
  return exited;
}

/**
 * One "tablet" whose process can be killed: Chromium headless on `userDataDir` (reuse it to relaunch the
 * same profile after a kill), a CDP connection, and its first page.
 */
export async function launchKillable(
  userDataDir: string,
  options: { viewport?: { width: number; height: number }; timeoutMs?: number } = {},
): Promise<KillableBrowser> {
  const { width, height } = options.viewport ?? { width: 1280, height: 800 };
  const child = spawn(
    executable(),
    [
      ...CHROMIUM_ARGS,
      "--headless",
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-breakpad",
      "--no-default-browser-check",
      "--lang=en-US",
      `--window-size=${width},${height}`,
      "--remote-debugging-address=127.0.0.1",
      "--remote-debugging-port=0",
      `--user-data-dir=${userDataDir}`,
      "about:blank",
    ],
    // detached: its own process group, so one kill reaches every process of this browser.
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  try {
    const wsUrl = await waitForDevTools(child, options.timeoutMs ?? 30_000);
    const browser = await chromium.connectOverCDP(wsUrl);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width, height });
    page.setDefaultTimeout(10_000);
    return {
      browser,
      context,
      page,
      pid: child.pid!,
      kill: () => killGroup(child),
      close: async () => {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        if (child.exitCode === null && child.signalCode === null) {
          // Browser.close shuts the real browser down (browser.close() of a CDP connection may only detach).
          await browser
            .newBrowserCDPSession()
            .then((cdp) => cdp.send("Browser.close"))
            .catch(() => {});
          const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 5_000));
          if ((await Promise.race([exited, timeout])) === "timeout") await killGroup(child);
        }
      },
    };
  } catch (error) {
    await killGroup(child);
    throw error;
  }
}
