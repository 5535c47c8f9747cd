// Community tokens on the relay: stored as hashes only, a display's token independent of the staff token
// and read-only, a legacy file (plain token) migrated and still open to its old tokens, rotation in-process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRelay, type RunningRelay } from "../../src/server/relay.ts";
import { openRelayStore, openSqlite } from "../../src/server/relay/store.ts";
import { legacyReadOnlyToken } from "../../src/server/relay/tokens.ts";
import { readOnlyToken } from "../../src/sync/relayNames.ts";
import { relayClient, storedDoc, until, type RelayClient } from "../helpers/relayProcess.ts";

const NEW = "new-community";
const LEGACY = "legacy-community";
const LEGACY_TOKEN = "L".repeat(20) + "legacy-plain-token_0123";
const items = (name: string) => storedDoc(db, name).getArray<string>("items").toArray();

let dir: string;
let db: string;
let relay: RunningRelay;
let staff: string;
let display: string;
const events: string[] = [];
const clients: RelayClient[] = [];
const open = (name: string, token: string) => {
  const client = relayClient(relay.url, name, token);
  clients.push(client);
  return client;
};
const synced = (client: RelayClient) => until(() => client.syncs() > 0, "the first sync");
const refused = (client: RelayClient) => until(() => client.failures.length > 0, "authenticationFailed");

/** Every value stored in the communities table, as text. */
function communityRows(): string {
  const sqlite = openSqlite(db, { readonly: true });
  try {
    return JSON.stringify(sqlite.prepare("SELECT * FROM communities").all());
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "yishi-relay-tokens-"));
  db = join(dir, "relay.sqlite");
  // A file as the relay before hashed tokens left it: one community with its plain token.
  const legacy = openSqlite(db);
  legacy.exec(
    "CREATE TABLE documents (name TEXT PRIMARY KEY, data BLOB);" +
      "CREATE TABLE communities (id TEXT PRIMARY KEY, token TEXT, created INTEGER);",
  );
  legacy
    .prepare("INSERT INTO communities (id, token, created) VALUES (?, ?, ?)")
    .run(LEGACY, LEGACY_TOKEN, 1);
  legacy.close();
  const store = openRelayStore(db);
  ({ token: staff, displayToken: display } = store.addCommunity(NEW));
  store.close();
  relay = await startRelay({
    db,
    host: "127.0.0.1",
    port: 0,
    debounce: 50,
    maxDebounce: 200,
    tokenCheckMs: 200,
    log: (event) => events.push(event),
  });
}, 30_000);
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("stored tokens", () => {
  it("hold no plain token: neither the legacy one, nor any part of a new one", () => {
    const rows = communityRows();
    expect(rows).toContain(NEW);
    expect(rows).toContain(LEGACY);
    const [write, read] = staff.split(".");
    for (const secret of [LEGACY_TOKEN, legacyReadOnlyToken(LEGACY_TOKEN), staff, write!, read!, display])
      expect(rows).not.toContain(secret);
  });

  it("adding a community again issues nothing; it is an error naming --rotate-token", () => {
    const store = openRelayStore(db);
    try {
      expect(() => store.addCommunity(NEW)).toThrow(/--rotate-token/);
      expect(() => store.addCommunity(LEGACY)).toThrow(/exists/);
    } finally {
      store.close();
    }
  });
});

describe("a new community's tokens", () => {
  it("a staff token <write>.<read> and a display token <read> that nothing derives from <write>", () => {
    const [write, read] = staff.split(".");
    expect(staff).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    expect(display).toBe(read);
    expect(readOnlyToken(staff)).toBe(display);
    expect(display).not.toBe(legacyReadOnlyToken(staff));
    expect(display).not.toBe(legacyReadOnlyToken(write!));
  });

  it("the staff token writes; the display token reads and writes nothing; a legacy derivation is refused", async () => {
    const name = `${NEW}/workspace`;
    const writer = open(name, staff);
    const viewer = open(name, display);
    await Promise.all([synced(writer), synced(viewer)]);
    expect(writer.scope()).toBe("read-write");
    expect(viewer.scope()).toBe("readonly");
    writer.doc.getArray<string>("items").push(["agenda"]);
    await until(() => viewer.doc.getArray("items").length === 1, "the display to receive the update");
    viewer.doc.getArray<string>("items").push(["forged"]);
    await until(() => items(name).length === 1, "the writer's edit stored");
    await new Promise((r) => setTimeout(r, 400));
    expect(items(name)).toEqual(["agenda"]);
    const [write] = staff.split(".");
    for (const token of [
      legacyReadOnlyToken(staff),
      legacyReadOnlyToken(write!),
      `${write}.${"x".repeat(43)}`,
    ]) {
      const other = open(`${NEW}/session/s1`, token);
      await refused(other);
      expect(other.failures).toEqual(["permission-denied"]);
    }
  }, 20_000);
});

describe("a legacy file, migrated", () => {
  it("still opens to the old token (read-write) and its derived read-only token (read-only)", async () => {
    const name = `${LEGACY}/session/s1`;
    const writer = open(name, LEGACY_TOKEN);
    const viewer = open(name, readOnlyToken(LEGACY_TOKEN));
    await Promise.all([synced(writer), synced(viewer)]);
    expect(writer.scope()).toBe("read-write");
    expect(viewer.scope()).toBe("readonly");
    writer.doc.getArray<string>("items").push(["kept"]);
    await until(() => items(name).length === 1, "the legacy writer's edit stored");
    const wrong = open(name, readOnlyToken(readOnlyToken(LEGACY_TOKEN)));
    await refused(wrong);
  }, 20_000);
});

describe("rotating in another handle on the file", () => {
  it("closes the sockets of the old tokens; they are refused after, and the new ones work", async () => {
    const name = `${LEGACY}/workspace`;
    const writer = open(name, LEGACY_TOKEN);
    await synced(writer);
    let closed = 0;
    writer.socket.on("close", () => closed++);
    const store = openRelayStore(db);
    const rotated = (() => {
      try {
        return store.rotateTokens(LEGACY);
      } finally {
        store.close();
      }
    })();
    expect(rotated).not.toBeNull();
    await until(() => closed > 0, "the old token's socket to be closed", 5000);
    await refused(writer);
    expect(events).toContain("closed sockets of rotated tokens");
    const again = open(name, rotated!.token);
    const viewer = open(name, rotated!.displayToken);
    await Promise.all([synced(again), synced(viewer)]);
    expect(viewer.scope()).toBe("readonly");
    expect(communityRows()).not.toContain(rotated!.token.split(".")[0]);
  }, 20_000);

  it("of an unknown community gives null", () => {
    const store = openRelayStore(db);
    try {
      expect(store.rotateTokens("nobody")).toBeNull();
    } finally {
      store.close();
    }
  });
});
