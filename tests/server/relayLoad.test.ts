// Load: 7 communities × 50 sessions of ~200 items pushed through one relay process; every document reaches a
// fresh tablet whole, and the relay's memory with all 350 loaded and a fresh tablet's first full sync of one
// community are reported (the medians over several runs are in `npm run bench`: relay.*).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { killAllRelays, spawnRelay, storedDoc, type RelayProcess } from "../helpers/relayProcess.ts";
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
import type { RelayTablet } from "../helpers/relayTablet.ts";

const TIMEOUT = 300_000;

describe("one relay under 7 communities × 50 sessions", () => {
  let dir: string;
  let db: string;
  let relay: RelayProcess;
  let pushers: RelayTablet[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "yishi-relay-load-"));
    db = join(dir, "relay.sqlite");
    relay = await spawnRelay({ db });
  }, TIMEOUT);
  afterAll(async () => {
    for (const p of pushers) p.destroy();
    await killAllRelays();
    rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    "carries every document whole to a fresh tablet and keeps them after a restart",
    async () => {
      const tokens = addLoadCommunities(db, LOAD);
      const updates = buildSessionUpdates(LOAD);
      const idle = rssOf(relay.child.pid!);
      pushers = await pushCommunities(relay.url, tokens, updates, LOAD, TIMEOUT);
      const loaded = rssOf(relay.child.pid!);

      const { ms, tablet } = await firstSync(relay.url, tokens[3]!, 3, LOAD, TIMEOUT);
      for (let s = 0; s < LOAD.sessions; s++) {
        const expected = new Y.Doc();
        Y.applyUpdate(expected, updates[s]!);
        const got = tablet.stored.get(loadSessionId(3, s))!;
        expect(itemsOf(got)).toBe(itemsOf(expected));
        expect(readTexts(got)).toEqual(readTexts(expected));
      }
      tablet.destroy();
      console.log(
        JSON.stringify({
          case: "relay.load",
          documents: LOAD.communities * (LOAD.sessions + 1),
          rss_idle_bytes: idle,
          rss_loaded_bytes: loaded,
          first_sync_one_community_ms: Math.round(ms),
        }),
      );

      // Everything is in SQLite once the relay stops (SIGTERM stores what is pending).
      for (const p of pushers) p.destroy();
      pushers = [];
      await relay.kill("SIGTERM");
      for (const k of [0, LOAD.communities - 1]) {
        expect(storedDoc(db, `${loadCommunityId(k)}/workspace`).getMap("sessions").size).toBe(LOAD.sessions);
        expect(itemsOf(storedDoc(db, `${loadCommunityId(k)}/session/${loadSessionId(k, 7)}`))).toBe(
          LOAD.items,
        );
      }
    },
    TIMEOUT,
  );
});

function readTexts(doc: Y.Doc): string[] {
  return [...doc.getMap("issues").values()].map((v) => JSON.stringify(v)).sort();
}
