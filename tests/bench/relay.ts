// Relay cases: 7 communities × 50 sessions of ~200 items pushed through one relay process (a real one, on a
// temporary SQLite file); a fresh tablet's first full sync of one community with the app's RelaySync against
// bare Hocuspocus providers opening the same 51 documents at once on one socket; the relay's memory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { killAllRelays, relaySocket, spawnRelay } from "../helpers/relayProcess.ts";
import {
  addLoadCommunities,
  buildSessionUpdates,
  firstSync,
  itemsOf,
  LOAD,
  loadCommunityId,
  loadSessionId,
  pushCommunities,
  rssOf,
} from "../helpers/relayLoad.ts";
import { median, reportTimes, reportValue } from "./stats.ts";

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const TIMEOUT_MS = 120_000;

/** Bare providers: the community's workspace and every session opened at once on one socket. */
async function bareFirstSync(url: string, token: string, k: number): Promise<number> {
  const t0 = performance.now();
  const socket = relaySocket(url);
  const names = [
    `${loadCommunityId(k)}/workspace`,
    ...Array.from(
      { length: LOAD.sessions },
      (_, s) => `${loadCommunityId(k)}/session/${loadSessionId(k, s)}`,
    ),
  ];
  const providers = names.map(
    (name) => new HocuspocusProvider({ websocketProvider: socket, name, document: new Y.Doc(), token }),
  );
  for (const p of providers) p.attach();
  const whole = () =>
    providers.every((p, i) =>
      i === 0 ? p.document.getMap("sessions").size === LOAD.sessions : itemsOf(p.document) >= LOAD.items,
    );
  while (!whole()) {
    if (performance.now() - t0 > TIMEOUT_MS) throw new Error("bare first sync timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = performance.now() - t0;
  for (const p of providers) p.destroy();
  socket.destroy();
  return ms;
}

export async function relayCases(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "yishi-relay-bench-"));
  const db = join(dir, "relay.sqlite");
  const relay = await spawnRelay({ db });
  try {
    const tokens = addLoadCommunities(db, LOAD);
    const updates = buildSessionUpdates(LOAD);
    const idle = rssOf(relay.child.pid!);
    const pushers = await pushCommunities(relay.url, tokens, updates, LOAD, TIMEOUT_MS);
    const loaded = rssOf(relay.child.pid!);
    reportValue("relay.rss.350docs", "bytes", loaded, {
      idle_bytes: idle,
      documents: LOAD.communities * (LOAD.sessions + 1),
      per_document_bytes: Math.round((loaded - idle) / (LOAD.communities * (LOAD.sessions + 1))),
    });
    for (const p of pushers) p.destroy();

    const app: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const k = run % LOAD.communities;
      const { ms, tablet } = await firstSync(relay.url, tokens[k]!, k, LOAD, TIMEOUT_MS);
      tablet.destroy();
      app.push(ms);
      bare.push(await bareFirstSync(relay.url, tokens[k]!, k));
    }
    reportTimes("relay.firstSync.community", app);
    reportTimes("relay.firstSync.bare", bare);
    reportValue("relay.firstSync.ratio", "ratio", median(app) / median(bare));
  } finally {
    await killAllRelays();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await relayCases();
