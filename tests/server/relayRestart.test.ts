// A real relay process killed (SIGKILL) in the middle of a burst of edits, restarted on its SQLite file: nothing lost.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  freePort,
  killAllRelays,
  relayClient,
  runRelayCommand,
  sameState,
  spawnRelay,
  storedDoc,
  until,
  type RelayClient,
} from "../helpers/relayProcess.ts";
import { addCommunityTokens } from "./relayCommands.ts";

const NAME = "restart-community/session/s1";
const items = (doc: Y.Doc) => doc.getArray<string>("items").toArray();

let dir: string;
let db: string;
let client: RelayClient | undefined;
let token: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "yishi-relay-restart-"));
  db = join(dir, "relay.sqlite");
});
afterAll(async () => {
  client?.destroy();
  await killAllRelays();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** Pushes `count` edits, one every `everyMs`, numbered from `from`. */
async function burst(doc: Y.Doc, from: number, count: number, everyMs: number, onEach?: (i: number) => void) {
  for (let i = from; i < from + count; i++) {
    doc.getArray<string>("items").push([`edit-${i}`]);
    onEach?.(i);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe("the relay process", () => {
  it("--add-community prints the tokens once and tells the admin whom to give them to", async () => {
    const first = await addCommunityTokens(db, "restart-community");
    expect(first.output).toMatch(/Give the staff token to the community's facilitator/);
    token = first.staff;
    const again = await runRelayCommand(["--db", db, "--add-community", "restart-community"]);
    expect(again.output).toMatch(/already exists/);
    const bad = await runRelayCommand(["--db", db, "--add-community", "no/slashes"]);
    expect(bad.code).not.toBe(0);
  }, 60_000);

  it("on a busy port exits non-zero with one clear line and no stack trace", async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", () => done()));
    const { port } = taken.address() as AddressInfo;
    try {
      const args = ["--db", db, "--host", "127.0.0.1", "--port", String(port)];
      const { code, output } = await runRelayCommand(args);
      expect(code).toBe(1);
      expect(output.trim().split("\n")).toEqual([expect.stringContaining(`port ${port} is already in use`)]);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      await new Promise<void>((done) => taken.close(() => done()));
    }
  }, 60_000);

  it("keeps every edit across a SIGKILL mid-burst; the client reconnects by itself and the store catches up", async () => {
    token ||= (await addCommunityTokens(db, "restart-community")).staff; // run alone (-t), the first test did not
    const port = await freePort();
    const first = await spawnRelay({ db, port });
    expect(first.port).toBe(port);
    client = relayClient(first.url, NAME, token);
    await until(() => client!.syncs() === 1, "the first sync", 10_000);

    // A first burst, then a pause longer than the relay's debounce (2 s) so it is stored.
    await burst(client.doc, 0, 50, 5);
    await until(() => items(storedDoc(db, NAME)).length === 50, "the first burst stored", 15_000);

    // A second burst, killed in the middle: the relay has no time to store what it received.
    let killed: Promise<void> | undefined;
    await burst(client.doc, 50, 100, 5, (i) => {
      if (i === 100) killed = first.kill("SIGKILL");
    });
    await killed;
    const afterKill = items(storedDoc(db, NAME));
    expect(afterKill.slice(0, 50)).toEqual(items(client.doc).slice(0, 50)); // what was stored survived
    expect(afterKill.length).toBeLessThan(100); // ...and the rest of the burst never reached the file

    // Restarted on the same file and port: the provider finds it again without being told.
    const second = await spawnRelay({ db, port });
    await until(() => client!.syncs() >= 2, "the client to reconnect and sync", 20_000);
    await burst(client.doc, 150, 50, 5);
    await until(
      () => sameState(storedDoc(db, NAME), client!.doc, items),
      "the relay to store everything",
      20_000,
    );

    const stored = items(storedDoc(db, NAME));
    expect(stored).toHaveLength(200);
    expect(stored).toEqual(Array.from({ length: 200 }, (_, i) => `edit-${i}`));
    expect(second.output()).not.toMatch(/already imported|Error/);

    // And after a clean stop (SIGTERM stores what is pending) a third start serves it all to a new client.
    await second.kill("SIGTERM");
    const third = await spawnRelay({ db, port: 0 });
    const reader = relayClient(third.url, NAME, token);
    try {
      await until(() => items(reader.doc).length === 200, "a new client to receive everything", 10_000);
      expect(sameState(reader.doc, client.doc, items)).toBe(true);
    } finally {
      reader.destroy();
    }
  }, 90_000);
});
