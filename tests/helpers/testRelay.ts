// A relay in the test process on 127.0.0.1 (a free port, a temporary SQLite file) with community "c1", and
// the tablets made against it: what the relay sync tests share. `stop` destroys the tablets, closes the
// relay and removes its files.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRelay, type RunningRelay } from "../../src/server/relay.ts";
import { openRelayStore } from "../../src/server/relay/store.ts";
import { RelayTablet } from "./relayTablet.ts";

export interface TestRelay {
  relay: RunningRelay;
  /** Community c1's staff token. */
  token: string;
  dbPath: string;
  /** A tablet on this relay (destroyed by `stop`). */
  tablet(
    token: string,
    communityId?: string,
    options?: ConstructorParameters<typeof RelayTablet>[3],
  ): RelayTablet;
  stop(): Promise<void>;
}

export async function startTestRelay(prefix: string): Promise<TestRelay> {
  const dir = mkdtempSync(join(tmpdir(), `yishi-${prefix}-`));
  const dbPath = join(dir, "relay.sqlite");
  const store = openRelayStore(dbPath);
  const token = store.addCommunity("c1").token;
  store.close();
  const relay = await startRelay({
    db: dbPath,
    host: "127.0.0.1",
    port: 0,
    debounce: 50,
    maxDebounce: 200,
    log: () => {},
  });
  const tablets: RelayTablet[] = [];
  return {
    relay,
    token,
    dbPath,
    tablet(t, communityId, options) {
      const made = new RelayTablet(relay.url, t, communityId, options);
      tablets.push(made);
      return made;
    },
    async stop() {
      for (const t of tablets) t.destroy();
      await relay.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` holds, polling; throws with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
