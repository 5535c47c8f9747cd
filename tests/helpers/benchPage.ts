// A benchmark page built with Vite into a temporary directory and served on 127.0.0.1 (with the signalling
// endpoint at /signal, as `npm start` serves the app) until closed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type PluginOption } from "vite";
import type { BrowserContext, Page } from "playwright-core";
import { startServer } from "../../src/server/start.ts";

export interface ServedPage {
  url: string;
  signalingUrl: string;
  close(): Promise<void>;
}

/** Builds the page whose index.html is in `root` (with `plugins`, none by default) and serves it. */
export async function serveBuiltPage(root: string, plugins: PluginOption[] = []): Promise<ServedPage> {
  const outDir = mkdtempSync(join(tmpdir(), "yishi-bench-page-"));
  await build({
    root,
    configFile: false,
    logLevel: "silent",
    plugins,
    build: { outDir, emptyOutDir: true, target: "es2022" },
  });
  const server = await startServer({ host: "127.0.0.1", port: 0, distDir: outDir, log: () => {} });
  return {
    url: server.url,
    signalingUrl: `${server.url.replace(/^http/, "ws")}/signal`,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves `window.yishiShown` at the first frame (a frame callback, before its paint) in which a register
 * (one community's or the combined one) lists its rows. A string, installed before the page's scripts: a
 * named inner function would get a helper tsx adds.
 */
const REGISTER_ROWS_SHOWN = `window.yishiShown = new Promise((resolve) => {
  const check = () =>
    document.querySelector(".register-list [role=listitem]")
      ? resolve(performance.now())
      : requestAnimationFrame(check);
  requestAnimationFrame(check);
});`;

/** A new page of `context` opened at `url` with REGISTER_ROWS_SHOWN installed; when its rows were painted. */
export async function openRegisterCold(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; shown: number }> {
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("[page error]", error.message));
  await page.addInitScript(REGISTER_ROWS_SHOWN);
  await page.goto(url);
  return { page, shown: (await page.evaluate("window.yishiShown")) as number };
}
