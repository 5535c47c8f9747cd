// Sync cases: two separate Chromium processes (separate profiles, so only WebRTC can carry the edits)
// on one local server that serves the sync bench page and the signalling endpoint at /signal.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import type { Page } from "playwright-core";
import { startServer } from "../../src/server/start.ts";
import { newShareCode, type ShareCode } from "../../src/sync/shareCode.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { median, percentile, reportTimes, reportValue } from "./stats.ts";
import type { Diag, FirstSyncResult } from "./syncPage/main.ts";

const EDITS = Number(process.env.BENCH_SYNC_EDITS ?? 200);
const FIRST_SYNC_RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const ITEMS = 2000;
const FIRST_SYNC_TIMEOUT_MS = Number(process.env.BENCH_SYNC_TIMEOUT_MS ?? 30_000);

interface SyncBench {
  startBare(room: string, password: string, signalingUrl: string): Promise<void>;
  startApp(code: ShareCode, signalingUrl: string, creator: boolean): Promise<void>;
  waitPeers(timeoutMs?: number): Promise<boolean>;
  edit(i: number): number;
  received(i: number, timeoutMs?: number): Promise<number | null>;
  buildLarge(): number;
  serveLarge(code: ShareCode, signalingUrl: string): Promise<void>;
  firstSync(code: ShareCode, url: string, expected: number, timeoutMs: number): Promise<FirstSyncResult>;
  stop(): Promise<void>;
  diag(): Diag;
}

/** Calls one method of the page's `window.yishiSyncBench`. */
function call<K extends keyof SyncBench>(
  page: Page,
  method: K,
  ...args: Parameters<SyncBench[K]>
): Promise<Awaited<ReturnType<SyncBench[K]>>> {
  return page.evaluate(
    ([m, a]) => {
      const b = (window as unknown as { yishiSyncBench: Record<string, (...x: unknown[]) => unknown> })
        .yishiSyncBench;
      return b[m]!(...a);
    },
    [method, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<SyncBench[K]>>>;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function serveSyncPage() {
  const outDir = mkdtempSync(join(tmpdir(), "yishi-sync-bench-"));
  await build({
    root: join(import.meta.dirname, "syncPage"),
    configFile: false,
    logLevel: "silent",
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

async function reload(pages: Page[], url: string): Promise<void> {
  for (const p of pages) {
    await p.goto(url);
    await p.waitForFunction(() => document.title === "ready");
  }
}

/** Sequential edits on A, each timed until B sees it; returns latencies in ms. */
async function measureLatency(a: Page, b: Page, name: string): Promise<number[]> {
  const connected = (await call(a, "waitPeers")) && (await call(b, "waitPeers"));
  if (!connected) throw new Error(`${name}: the two browsers never connected`);
  const out: number[] = [];
  for (let i = 0; i < EDITS + 10; i++) {
    const sent = await call(a, "edit", i);
    const got = await call(b, "received", i);
    if (got === null) throw new Error(`${name}: edit ${i} did not arrive within 5 s`);
    if (i >= 10) out.push(got - sent); // the first 10 warm up
  }
  const min = Math.min(...out);
  if (min < 0) console.error(`[${name}] a negative latency (${min} ms): the two processes' clocks disagree`);
  return out;
}

export async function syncCases(): Promise<void> {
  const server = await serveSyncPage();
  const browserA = await launchBrowser();
  const browserB = await launchBrowser();
  const a = browserA.page;
  const b = browserB.page;
  a.setDefaultTimeout(60_000);
  b.setDefaultTimeout(60_000);
  const url = `${server.url}/`;
  const sig = server.signalingUrl;
  try {
    // Bare: Y.Doc + WebrtcProvider with the same options as the app.
    await reload([a, b], url);
    const bareCode = newShareCode();
    const bareRoom = `bench-bare-${bareCode.room}`;
    await call(a, "startBare", bareRoom, bareCode.key, sig);
    await call(b, "startBare", bareRoom, bareCode.key, sig);
    const bare = await measureLatency(a, b, "sync.latency.bare");
    reportTimes("sync.latency.bare", bare);

    // App: PeerSync (chunking, presence, status), a session doc and tapVote; B reads through createYStore.
    await reload([a, b], url);
    const appCode = newShareCode();
    await call(a, "startApp", appCode, sig, true);
    await call(b, "startApp", appCode, sig, false);
    const app = await measureLatency(a, b, "sync.latency.app");
    reportTimes("sync.latency.app", app);
    reportValue("sync.latency.ratio", "ratio", median(app) / median(bare));

    // First sync of a 2,000-item session to a fresh tablet, a new room each run.
    await reload([a, b], url);
    const bytes = await call(a, "buildLarge");
    const times: number[] = [];
    const failures: FirstSyncResult[] = [];
    for (let run = 0; run < FIRST_SYNC_RUNS; run++) {
      const code = newShareCode();
      await call(a, "serveLarge", code, sig);
      const r = await call(b, "firstSync", code, sig, ITEMS, FIRST_SYNC_TIMEOUT_MS);
      if (r.ok) times.push(r.ms);
      else failures.push({ ...r, run, senderDiag: await call(a, "diag") } as FirstSyncResult);
    }
    if (failures.length) {
      console.error(`[sync.firstSync.${ITEMS}] ${failures.length} run(s) failed:`, JSON.stringify(failures));
    }
    // reportTimes' format plus the session's encoded size and any failed runs.
    console.log(
      JSON.stringify({
        case: `sync.firstSync.${ITEMS}`,
        median_ms: times.length ? round(median(times)) : null,
        p95_ms: times.length ? round(percentile(times, 95)) : null,
        n: times.length,
        bytes,
        ...(failures.length ? { failed_runs: failures.length, observed: failures } : {}),
      }),
    );
    await call(a, "stop");
    await call(b, "stop");
  } finally {
    await browserA.close();
    await browserB.close();
    await server.close();
  }
}
