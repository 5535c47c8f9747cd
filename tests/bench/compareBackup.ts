// `npm run bench:backup`: session.save.2000 of this build, its backup copy on, against an earlier build
// (BENCH_BASE, a commit; default 14c1321, "today's build" before the copy) in one run, as issue 23 asks
// (at most +15 %): unthrottled and with Chromium's CPU throttled 4× (a slow tablet). Each build's own
// persistence layer saves, from tests/bench/backupPage built in its own checkout and served on its own
// origin, in two pages of one browser measured alternately (A B A B), so drift hits both alike. The
// earlier build is checked out with `git worktree` into a temporary folder beside node_modules of this one.
// sync.latency.ratio involves no storage (tests/bench/syncPage): run tests/bench/sync.ts in each checkout.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { serveBuiltPage, type ServedPage } from "../helpers/benchPage.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { alternate, reportRatio, reportTimes } from "./stats.ts";

const BASE = process.env.BENCH_BASE ?? "14c1321";
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15));
const ITEMS = 2000;
const PAGE_DIR = "tests/bench/backupPage";

/** The earlier build's sources checked out (this page copied in); `cleanup` removes it. */
function checkoutBase(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "yishi-base-"));
  rmSync(root, { recursive: true });
  execFileSync("git", ["worktree", "add", "--detach", root, BASE], { stdio: "ignore" });
  symlinkSync(resolve("node_modules"), join(root, "node_modules"));
  cpSync(resolve(PAGE_DIR), join(root, PAGE_DIR), { recursive: true });
  return {
    root,
    cleanup: () => execFileSync("git", ["worktree", "remove", "--force", root], { stdio: "ignore" }),
  };
}

interface SaveOnce {
  ms: number;
  copyBytes: number | null;
}

const bench = <T>(page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(
    ([fn, args]) =>
      (window as unknown as { yishiBackupBench: Record<string, (...a: unknown[]) => unknown> })
        .yishiBackupBench[fn]!(...args),
    [fn, args] as const,
  ) as Promise<T>;

async function openPage(page: Page, served: ServedPage, copy: boolean): Promise<void> {
  page.setDefaultTimeout(300_000);
  await page.goto(served.url);
  await page.waitForFunction(() => document.title === "ready");
  const has = await bench<boolean>(page, "hasBackup");
  if (has !== copy)
    throw new Error(`${served.url}: backup copy ${has ? "present" : "absent"}, expected otherwise`);
}

const t0 = performance.now();
const base = checkoutBase();
const served: ServedPage[] = [];
const browser = await launchBrowser({ locale: "en-US" });
try {
  served.push(await serveBuiltPage(resolve(PAGE_DIR)), await serveBuiltPage(join(base.root, PAGE_DIR)));
  const ours = browser.page;
  const theirs = await browser.context.newPage();
  await openPage(ours, served[0]!, true);
  await openPage(theirs, served[1]!, false);
  let copyBytes: number | null = null;
  const save = (page: Page) => async () => {
    const r = await bench<SaveOnce>(page, "saveOnce", ITEMS);
    if (r.copyBytes !== null) copyBytes = r.copyBytes;
    return r.ms;
  };
  for (const rate of [1, 4]) {
    const sessions = await Promise.all([ours, theirs].map((p) => p.context().newCDPSession(p)));
    for (const cdp of sessions) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    const t = await alternate(RUNS, save(ours), save(theirs));
    const name = `session.save.${ITEMS}${rate === 1 ? "" : `.cpu${rate}x`}`;
    const extra = { cpu_throttling: rate, backup_copy: true, copy_bytes: copyBytes };
    reportTimes(`${name}.backup`, t.ours, extra);
    reportTimes(`${name}.base`, t.peer, { cpu_throttling: rate, commit: BASE });
    reportRatio(`${name}.backup.vsBase`, t.ours, t.peer);
    for (const cdp of sessions) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
} finally {
  await browser.close();
  for (const s of served) await s.close();
  base.cleanup();
}
console.error(`[bench:backup] done in ${Math.round((performance.now() - t0) / 1000)} s`);
