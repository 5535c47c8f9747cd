// The admin's commands against a running relay process: --add-community prints two tokens once, and
// --rotate-token (another process on the same file) gets the old tokens' sockets closed within seconds.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  killAllRelays,
  relayClient,
  runRelayCommand,
  spawnRelay,
  until,
  type RelayClient,
} from "../helpers/relayProcess.ts";
import { addCommunityTokens, rotateTokens } from "./relayCommands.ts";

const ID = "rotate-community";
const LIVE = "rotate-live";
const NAME = `${LIVE}/workspace`;

let dir: string;
let db: string;
const clients: RelayClient[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "yishi-relay-rotate-"));
  db = join(dir, "relay.sqlite");
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await killAllRelays();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe("the relay's admin commands", () => {
  it("--add-community prints a staff and a display token once; again, it says to use --rotate-token", async () => {
    const added = await addCommunityTokens(db, ID);
    expect(added.staff.split(".")[1]).toBe(added.display);
    expect(added.output).toMatch(/facilitator/);
    const again = await runRelayCommand(["--db", db, "--add-community", ID]);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/already exists/);
    expect(again.output).toContain(`--rotate-token ${ID}`);
    expect(again.output).not.toContain(added.staff.split(".")[0]);
    expect(again.output).not.toContain(added.display);
    const unknown = await runRelayCommand(["--db", db, "--rotate-token", "no-such-community"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toContain("--add-community");
    const bad = await runRelayCommand(["--db", db, "--rotate-token", "no/slashes"]);
    expect(bad.code).not.toBe(0);
  }, 60_000);

  it("--rotate-token on a running relay closes the old token's socket within seconds; old refused, new works", async () => {
    const relay = await spawnRelay({ db, port: 0 });
    const staffNow = await addCommunityTokens(db, LIVE); // added while the relay runs: it works at once
    const open = (token: string) => {
      const client = relayClient(relay.url, NAME, token);
      clients.push(client);
      return client;
    };
    const staff = open(staffNow.staff);
    const display = open(staffNow.display);
    await until(() => staff.syncs() > 0 && display.syncs() > 0, "both to sync", 10_000);
    let closedAt = 0;
    staff.socket.on("close", () => (closedAt ||= Date.now()));
    let displayClosed = false;
    display.socket.on("close", () => (displayClosed = true));

    const rotated = await rotateTokens(db, LIVE);
    const rotatedAt = Date.now();
    expect(rotated.staff).not.toBe(staffNow.staff);
    expect(rotated.display).not.toBe(staffNow.display);
    await until(() => closedAt > 0 && displayClosed, "the old tokens' sockets to close", 5000);
    expect(closedAt - rotatedAt).toBeLessThan(4000);
    // Both providers reconnect by themselves with their old tokens, and are refused.
    await until(
      () => staff.failures.length > 0 && display.failures.length > 0,
      "the old tokens refused",
      5000,
    );
    expect(staff.failures).toEqual(["permission-denied"]);

    const fresh = open(rotated.staff);
    const freshDisplay = open(rotated.display);
    await until(() => fresh.syncs() > 0 && freshDisplay.syncs() > 0, "the new tokens to sync", 10_000);
    expect(fresh.scope()).toBe("read-write");
    expect(freshDisplay.scope()).toBe("readonly");
    expect(relay.output()).toMatch(/closed sockets of rotated tokens/);
    expect(relay.output()).not.toContain(rotated.staff.split(".")[0]);
  }, 60_000);
});
