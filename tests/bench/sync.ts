// Sync cases: two separate Chromium processes (separate profiles, so only the network can carry the edits)
// on one local server that serves the sync bench page and the signalling endpoint at /signal, and a relay
// process on a temporary SQLite file. Latency over WebRTC and through the relay, each against its bare
// provider, measured in alternate blocks of round trips (syncPage/latency.ts says why round trips); first
// sync over WebRTC against the session's size.
import { serveBuiltPage } from "../helpers/benchPage.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { newShareCode, type ShareCode } from "../../src/sync/shareCode.ts";
import { launchIsolatedBrowser } from "../helpers/benchBrowser.ts";
import { addCommunity, spawnRelay } from "../helpers/relayProcess.ts";
import { SIZES, runsAt } from "../helpers/benchSizes.ts";
import { median, percentile, reportRatio, reportSeries, reportTimes } from "./stats.ts";
import type { Diag, FirstSyncResult } from "./syncPage/main.ts";
import type { ChannelSpec } from "./syncPage/latency.ts";

/** Round trips per latency case (each gives one one-way sample: half of it). */
const EDITS = Number(process.env.BENCH_SYNC_EDITS ?? 300);
/** Round trips per block: the channels take turns block by block. */
const BLOCK = 10;
const WARMUP = 10;
const FIRST_SYNC_RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const ITEMS = 2000;
const FIRST_SYNC_TIMEOUT_MS = Number(process.env.BENCH_SYNC_TIMEOUT_MS ?? 30_000);

interface SyncBench {
  openChannel(key: string, spec: ChannelSpec, pinger: boolean): Promise<void>;
  closeChannel(key: string): Promise<void>;
  deviceKey(): Promise<string>;
  roundTrips(key: string, from: number, count: number, timeoutMs?: number): Promise<number[]>;
  buildLarge(items?: number): number;
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

/** The smallest step of performance.now() seen in the page (its clock's resolution), in µs. */
const clockStepUs = (page: Page) =>
  page.evaluate(() => {
    let step = Infinity;
    for (let i = 0, t = performance.now(); i < 100_000; i++) {
      const u = performance.now();
      if (u > t) step = Math.min(step, u - t);
      t = u;
    }
    return Math.round(step * 1000 * 100) / 100;
  });

async function reload(pages: Page[], url: string): Promise<void> {
  for (const p of pages) {
    await p.goto(url);
    await p.waitForFunction(() => document.title === "ready");
  }
}

const CHANNELS = [
  "sync.latency.app",
  "sync.latency.gated",
  "sync.latency.bare",
  "relay.latency",
  "relay.latency.bare",
] as const;

/**
 * Opens the five latency channels (A edits, B answers), warms each up, then runs EDITS round trips on each,
 * BLOCK at a time in turn (app, gated, bare, …) so drift hits all alike; one-way samples (halves).
 * "gated" is the app's path as a community room runs it: both tablets' HELLOs signed and verified, every
 * message through the PeerGate's filter; "app" is the same without the gate (a session's share code).
 */
async function latencyCases(a: Page, b: Page, sig: string, relayUrl: string, token: string): Promise<void> {
  const bare = newShareCode();
  const app = newShareCode();
  const gated = newShareCode();
  const members = [await call(a, "deviceKey"), await call(b, "deviceKey")];
  const specs: Record<(typeof CHANNELS)[number], ChannelSpec> = {
    "sync.latency.app": { kind: "webrtcApp", code: app, signalingUrl: sig },
    "sync.latency.gated": { kind: "webrtcGated", code: gated, signalingUrl: sig, members },
    "sync.latency.bare": {
      kind: "webrtcBare",
      room: `bench-bare-${bare.room}`,
      password: bare.key,
      signalingUrl: sig,
    },
    "relay.latency": { kind: "relayApp", url: relayUrl, token, communityId: COMMUNITY, sessionId: "latency" },
    "relay.latency.bare": { kind: "relayBare", url: relayUrl, token, name: `${COMMUNITY}/session/bare` },
  };
  const next = new Map<string, number>();
  const trips = async (key: string, count: number, timeoutMs?: number) => {
    const from = next.get(key) ?? 0;
    next.set(key, from + count);
    return call(a, "roundTrips", key, from, count, timeoutMs);
  };
  for (const key of CHANNELS) {
    await call(a, "openChannel", key, specs[key], true);
    await call(b, "openChannel", key, specs[key], false);
    await trips(key, 1, 30_000); // connected, the first answer back
    await trips(key, WARMUP);
  }
  const oneWay = new Map<string, number[]>(CHANNELS.map((k) => [k, []]));
  for (let done = 0; done < EDITS; done += BLOCK) {
    for (const key of CHANNELS) oneWay.get(key)!.push(...(await trips(key, BLOCK)).map((ms) => ms / 2));
  }
  for (const key of CHANNELS) {
    await call(a, "closeChannel", key);
    await call(b, "closeChannel", key);
  }
  const method = { method: "round trip A→B→A / 2", clock_us: await clockStepUs(a) };
  for (const key of CHANNELS) reportTimes(key, oneWay.get(key)!, method);
  const bareTimes = oneWay.get("sync.latency.bare")!;
  reportRatio("sync.latency.ratio", oneWay.get("sync.latency.app")!, bareTimes);
  reportRatio("sync.latency.gated.ratio", oneWay.get("sync.latency.gated")!, bareTimes);
  // What the gate adds, in the ratio's own units (issue 22: at most 0.15).
  const rise =
    (median(oneWay.get("sync.latency.gated")!) - median(oneWay.get("sync.latency.app")!)) / median(bareTimes);
  console.log(JSON.stringify({ case: "sync.latency.gate.rise", ratio: round(rise), n: bareTimes.length }));
  reportRatio("relay.latency.ratio", oneWay.get("relay.latency")!, oneWay.get("relay.latency.bare")!);
}

const COMMUNITY = "bench-latency";

/** First syncs of a session of `items` items to a fresh tablet, a new room each run. */
async function firstSyncs(a: Page, b: Page, sig: string, items: number, runs: number) {
  const bytes = await call(a, "buildLarge", items);
  const times: number[] = [];
  const failures: FirstSyncResult[] = [];
  for (let run = 0; run < runs; run++) {
    const code = newShareCode();
    await call(a, "serveLarge", code, sig);
    const r = await call(b, "firstSync", code, sig, items, FIRST_SYNC_TIMEOUT_MS);
    if (r.ok) times.push(r.ms);
    else failures.push({ ...r, run, senderDiag: await call(a, "diag") } as FirstSyncResult);
  }
  if (failures.length) {
    console.error(`[sync.firstSync.${items}] ${failures.length} run(s) failed:`, JSON.stringify(failures));
  }
  return { bytes, times, failures };
}

export async function syncCases(): Promise<void> {
  const server = await serveBuiltPage(join(import.meta.dirname, "syncPage"));
  const browserA = await launchIsolatedBrowser();
  const browserB = await launchIsolatedBrowser();
  const a = browserA.page;
  const b = browserB.page;
  a.setDefaultTimeout(60_000);
  b.setDefaultTimeout(60_000);
  const url = `${server.url}/`;
  const sig = server.signalingUrl;
  const relayDir = mkdtempSync(join(tmpdir(), "yishi-relay-latency-"));
  const relayDb = join(relayDir, "relay.sqlite");
  const relay = await spawnRelay({ db: relayDb });
  try {
    const token = await addCommunity(relayDb, COMMUNITY);
    await reload([a, b], url);
    await latencyCases(a, b, sig, relay.url, token);

    // First sync of a 2,000-item session to a fresh tablet, a new room each run; then against size.
    await reload([a, b], url);
    const points: [number, number[]][] = [];
    for (const n of SIZES) {
      const { bytes, times, failures } = await firstSyncs(
        a,
        b,
        sig,
        n,
        n === ITEMS ? FIRST_SYNC_RUNS : runsAt(n, 5),
      );
      points.push([n, times]);
      if (n !== ITEMS) continue;
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
    }
    reportSeries(
      "sync.firstSync.series",
      points.filter(([, t]) => t.length > 0),
    );
    await call(a, "stop");
    await call(b, "stop");
  } finally {
    await browserA.close();
    await browserB.close();
    await server.close();
    await relay.kill();
    rmSync(relayDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await syncCases();
