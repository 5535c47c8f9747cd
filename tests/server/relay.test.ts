// The relay in-process on 127.0.0.1: sync and storage, tokens per community, read-only displays, names, logs.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readOnlyToken, startRelay, type RunningRelay } from "../../src/server/relay.ts";
import { openRelayStore } from "../../src/server/relay/store.ts";
import { PortBusyError } from "../../src/server/start.ts";
import { accessFor, communityOf, hashesOf, legacyReadOnlyToken } from "../../src/server/relay/tokens.ts";
import { communityOfDocName, readOnlyToken as clientReadOnlyToken } from "../../src/sync/relayNames.ts";
import {
  relayClient,
  relaySocket,
  sameState,
  storedBytes,
  storedDoc,
  until,
  type RelayClient,
} from "../helpers/relayProcess.ts";

const ALPHA = "alpha-community";
const BETA = "beta-community";
const items = (doc: Y.Doc) => doc.getArray<string>("items").toArray();

let dir: string;
let db: string;
let relay: RunningRelay;
let alphaToken: string;
let betaToken: string;
const events: { event: string; detail?: Record<string, string | number> }[] = [];
const clients: RelayClient[] = [];

/** A client that afterEach destroys. */
const open = (name: string, token: string | null, socket = relaySocket(relay.url)) => {
  const client = relayClient(relay.url, name, token, socket);
  clients.push(client);
  return client;
};
const synced = (client: RelayClient) => until(() => client.syncs() > 0, "the first sync");
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "yishi-relay-"));
  db = join(dir, "relay.sqlite");
  const store = openRelayStore(db);
  alphaToken = store.addCommunity(ALPHA).token;
  betaToken = store.addCommunity(BETA).token;
  store.close();
  relay = await startRelay({
    db,
    host: "127.0.0.1",
    port: 0,
    debounce: 50,
    maxDebounce: 200,
    log: (event, detail) => events.push({ event, detail }),
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

describe("tokens and names", () => {
  it("takes the read-only token as the tablets do: after the dot, or legacy base64url(sha256('yishi-relay-ro:' + token))", () => {
    const expected = createHash("sha256").update("yishi-relay-ro:abc").digest("base64url");
    expect(readOnlyToken("abc")).toBe(expected);
    expect(legacyReadOnlyToken("abc")).toBe(expected);
    expect(readOnlyToken(alphaToken)).toBe(clientReadOnlyToken(alphaToken));
    expect(readOnlyToken(alphaToken)).toBe(alphaToken.split(".")[1]);
    expect(readOnlyToken(alphaToken)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(alphaToken).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    const alpha = hashesOf(alphaToken);
    expect(accessFor(alpha, alphaToken)).toBe("read-write");
    expect(accessFor(alpha, readOnlyToken(alphaToken))).toBe("read-only");
    expect(accessFor(alpha, betaToken)).toBeNull();
    expect(accessFor(alpha, "")).toBeNull();
    expect(accessFor(alpha, readOnlyToken(readOnlyToken(alphaToken)))).toBeNull();
    expect(accessFor(alpha, legacyReadOnlyToken(alphaToken))).toBeNull();
    expect(accessFor(alpha, `${alphaToken.split(".")[0]}.${readOnlyToken(betaToken)}`)).toBeNull();
    const legacy = hashesOf("L".repeat(43));
    expect(accessFor(legacy, "L".repeat(43))).toBe("read-write");
    expect(accessFor(legacy, readOnlyToken("L".repeat(43)))).toBe("read-only");
    expect(accessFor(legacy, alphaToken)).toBeNull();
  });

  it("reads the community from a name exactly as the tablets build names", () => {
    const names = [
      "c/workspace",
      "c/session/s-1",
      "c",
      "c/session",
      "c/session/a/b",
      "/workspace",
      "c/other",
    ];
    for (const name of names) expect(communityOf(name)).toBe(communityOfDocName(name));
    expect(communityOf(`${"a".repeat(64)}/workspace`)).toBe("a".repeat(64));
    expect(communityOf(`${"a".repeat(65)}/workspace`)).toBeNull();
  });

  it("adds a community once: asking again issues no token (it can only be rotated)", () => {
    const store = openRelayStore(db);
    try {
      expect(() => store.addCommunity(ALPHA)).toThrow(/already exists/);
      expect(store.communityHashes(ALPHA)).toEqual(hashesOf(alphaToken));
    } finally {
      store.close();
    }
  });
});

describe("with the community's token", () => {
  it("two clients edit one session document, converge, and the stored row equals their state", async () => {
    const name = `${ALPHA}/session/s1`;
    const [a, b] = [open(name, alphaToken), open(name, alphaToken)];
    await Promise.all([synced(a), synced(b)]);
    expect(a.scope()).toBe("read-write");
    a.doc.getArray<string>("items").push(["from a"]);
    b.doc.getArray<string>("items").push(["from b"]);
    b.doc.getText("notes").insert(0, "minutes");
    await until(() => items(a.doc).length === 2 && items(b.doc).length === 2, "both edits on both clients");
    expect(sameState(a.doc, b.doc, items)).toBe(true);
    expect(b.doc.getText("notes").toString()).toBe("minutes");
    await until(() => sameState(storedDoc(db, name), a.doc, items), "the relay to store the merged state");
    expect(storedDoc(db, name).getText("notes").toString()).toBe("minutes");
  }, 20_000);

  it("carries several documents over one WebSocket, and unloads them once nobody is connected", async () => {
    const socket = relaySocket(relay.url);
    const workspace = open(`${ALPHA}/workspace`, alphaToken, socket);
    const session = open(`${ALPHA}/session/s2`, alphaToken, socket);
    await Promise.all([synced(workspace), synced(session)]);
    expect(relay.stats()).toEqual({ documents: 2, connections: 1 });
    session.doc.getArray<string>("items").push(["kept"]);
    for (const client of clients.splice(0)) client.destroy();
    await until(() => relay.stats().documents === 0 && relay.stats().connections === 0, "documents unloaded");
    expect(items(storedDoc(db, `${ALPHA}/session/s2`))).toEqual(["kept"]);
  }, 20_000);
});

describe("refused tokens", () => {
  const name = `${ALPHA}/session/guarded`;
  const fresh = `${ALPHA}/session/never-written`;

  beforeAll(async () => {
    const owner = relayClient(relay.url, name, alphaToken);
    try {
      await synced(owner);
      owner.doc.getArray<string>("items").push(["secret-content"]);
      await until(() => items(storedDoc(db, name)).length === 1, "the owner's edit stored");
    } finally {
      owner.destroy();
    }
  }, 20_000);

  it.each([
    ["no token", () => null],
    ["a wrong token", () => "x".repeat(43)],
    ["another community's token", () => betaToken],
    ["another community's read-only token", () => readOnlyToken(betaToken)],
    ["the read-only token of the read-only token", () => readOnlyToken(readOnlyToken(alphaToken))],
  ])(
    "with %s: reads nothing, writes nothing, and gets authenticationFailed",
    async (_what, token) => {
      const before = storedBytes(db, name);
      const events0 = events.length;
      const intruder = open(name, token());
      const blind = open(fresh, token());
      await until(() => intruder.failures.length > 0 && blind.failures.length > 0, "authenticationFailed");
      expect(intruder.failures).toEqual(["permission-denied"]);
      intruder.doc.getArray<string>("items").push(["intruder"]);
      blind.doc.getArray<string>("items").push(["intruder"]);
      await settle();
      expect(items(intruder.doc)).toEqual(["intruder"]); // nothing of the owner's arrived
      expect(intruder.syncs()).toBe(0);
      expect(storedBytes(db, name)).toEqual(before);
      expect(storedBytes(db, fresh)).toBeNull();
      const refusals = events.slice(events0).filter((e) => e.event.startsWith("refused"));
      expect(refusals).toEqual([
        { event: "refused: wrong token", detail: { community: "alph" } },
        { event: "refused: wrong token", detail: { community: "alph" } },
      ]);
    },
    20_000,
  );

  it("never opens a community that was not added, whatever the token", async () => {
    const stranger = open("gamma-community/workspace", alphaToken);
    await until(() => stranger.failures.length > 0, "authenticationFailed");
    expect(events.at(-1)).toEqual({ event: "refused: unknown community", detail: { community: "gamm" } });
    expect(storedBytes(db, "gamma-community/workspace")).toBeNull();
  }, 20_000);

  it("a refusal on a shared socket leaves the socket's other documents working", async () => {
    const socket = relaySocket(relay.url);
    const refused = open(`${BETA}/workspace`, alphaToken, socket);
    const allowed = open(`${ALPHA}/session/shared-socket`, alphaToken, socket);
    await until(() => refused.failures.length > 0, "authenticationFailed");
    await synced(allowed);
    allowed.doc.getArray<string>("items").push(["ok"]);
    await until(() => items(storedDoc(db, `${ALPHA}/session/shared-socket`)).length === 1, "stored");
  }, 20_000);
});

describe("the read-only token", () => {
  it("receives every update, but the relay applies none of its writes", async () => {
    const name = `${ALPHA}/workspace`;
    const writer = open(name, alphaToken);
    const display = open(name, readOnlyToken(alphaToken));
    await Promise.all([synced(writer), synced(display)]);
    expect(display.scope()).toBe("readonly");
    writer.doc.getArray<string>("items").push(["agenda"]);
    await until(() => items(display.doc).length === 1, "the display to receive the update");
    display.doc.getArray<string>("items").push(["forged by the display"]);
    writer.doc.getArray<string>("items").push(["second"]);
    await until(() => items(display.doc).includes("second"), "the display to receive the second update");
    await settle();
    expect(items(writer.doc)).toEqual(["agenda", "second"]);
    await until(() => sameState(storedDoc(db, name), writer.doc, items), "the writer's state stored");
    expect(items(storedDoc(db, name))).toEqual(["agenda", "second"]);
    // A display that reconnects still cannot push what it wrote.
    const again = open(name, readOnlyToken(alphaToken));
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(display.doc));
    await synced(again);
    await settle();
    expect(items(storedDoc(db, name))).toEqual(["agenda", "second"]);
    expect(items(writer.doc)).toEqual(["agenda", "second"]);
  }, 20_000);
});

describe("document names", () => {
  it.each([
    ALPHA,
    `${ALPHA}/other`,
    `${ALPHA}/session/`,
    `${ALPHA}/session/a/b`,
    `${ALPHA}/workspace/x`,
    `../${ALPHA}/workspace`,
    `${ALPHA}/session/has space`,
    `${"a".repeat(65)}/workspace`,
  ])(
    "refuses %j even with the right token",
    async (name) => {
      const client = open(name, alphaToken);
      client.doc.getArray<string>("items").push(["x"]);
      await until(() => client.failures.length > 0, "authenticationFailed");
      expect(events.at(-1)).toEqual({
        event: "refused: document name outside the scheme",
        detail: undefined,
      });
      expect(storedBytes(db, name)).toBeNull();
    },
    20_000,
  );
});

describe("starting", () => {
  it("on a busy port rejects with an error naming the port", async () => {
    const started = startRelay({ db, host: "127.0.0.1", port: relay.port, log: () => {} });
    await expect(started).rejects.toBeInstanceOf(PortBusyError);
    await expect(started).rejects.toThrow(`port ${relay.port} is already in use`);
  });
});

describe("logs", () => {
  it("hold event names and counts only: no token, no content, no full community id", () => {
    const logged = JSON.stringify(events);
    expect(events.some((e) => e.event === "connection opened")).toBe(true);
    for (const secret of [
      alphaToken,
      betaToken,
      readOnlyToken(alphaToken),
      "secret-content",
      "agenda",
      ALPHA,
    ])
      expect(logged).not.toContain(secret);
    for (const { detail } of events)
      for (const value of Object.values(detail ?? {}))
        if (typeof value === "string") expect(value.length).toBeLessThanOrEqual(4);
  });
});
