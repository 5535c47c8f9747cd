// The relay against sockets that do not play by the rules: one that never authenticates, one that floods
// before it does, a display (read-only token) that asks the relay to broadcast or sends awareness, a
// staff tablet that asks for a broadcast. What they send reaches no other tablet; the relay keeps serving.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { readOnlyToken, startRelay, type RunningRelay } from "../../src/server/relay.ts";
import { openRelayStore } from "../../src/server/relay/store.ts";
import { relayClient, until, type RelayClient } from "../helpers/relayProcess.ts";

const ALPHA = "alpha-community";
const NAME = `${ALPHA}/workspace`;
let dir: string;
let relay: RunningRelay;
let token: string;
const events: string[] = [];
const clients: RelayClient[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "yishi-relay-guard-"));
  const db = join(dir, "relay.sqlite");
  const store = openRelayStore(db);
  token = store.addCommunity(ALPHA).token;
  store.close();
  relay = await startRelay({
    db,
    host: "127.0.0.1",
    port: 0,
    debounce: 50,
    maxDebounce: 200,
    guard: { authDeadlineMs: 400, framesBeforeAuth: 10 },
    log: (event) => events.push(event),
  });
}, 30_000);
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await relay?.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (t: string) => {
  const c = relayClient(relay.url, NAME, t);
  clients.push(c);
  return c;
};

/** A Hocuspocus frame: document name, message type, then `body`. */
function frame(type: number, body: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, NAME);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e);
}
const broadcast = (text: string) => frame(6, (e) => encoding.writeVarString(e, text));

async function rawSocket(): Promise<{ ws: WebSocket; closed: Promise<void> }> {
  const ws = new WebSocket(relay.url);
  const closed = new Promise<void>((resolve) => ws.on("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return { ws, closed };
}

/** The raw WebSocket under a provider's socket. */
const wsOf = (c: RelayClient) =>
  (c.socket as unknown as { webSocket: { send(d: Uint8Array): void } }).webSocket;

describe("the relay's guard", () => {
  it("closes a socket that does not authenticate in time", async () => {
    const { closed } = await rawSocket();
    await closed;
    expect(events).toContain("closed a socket that did not authenticate in time");
  });

  it("closes a socket that sends too much before authenticating", async () => {
    const { ws, closed } = await rawSocket();
    // Sync step 1 for a document it never authenticated: queued by Hocuspocus until it does.
    for (let i = 0; i < 20; i++)
      ws.send(
        frame(0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0])))),
      );
    await closed;
    expect(events).toContain("closed a socket that sent too much before authenticating");
  });

  it("lets a display read, and nothing it sends reaches a staff tablet: no broadcast, no awareness", async () => {
    const staff = open(token);
    const received: string[] = [];
    staff.provider.on("stateless", ({ payload }: { payload: string }) => received.push(payload));
    const display = open(readOnlyToken(token));
    await until(() => staff.syncs() > 0 && display.syncs() > 0, "both synced");
    staff.doc.getArray<string>("items").push(["from staff"]);
    await until(() => display.doc.getArray("items").length === 1, "the display reads the staff's edit");

    display.provider.setAwarenessField("user", { name: "display pretending" });
    for (let i = 0; i < 50; i++) wsOf(display).send(broadcast("sessions changed: loop"));
    wsOf(staff).send(broadcast("from a staff tablet too"));
    await new Promise((r) => setTimeout(r, 600));
    expect(received).toEqual([]);
    const seen = [...staff.provider.awareness!.getStates().values()].map((s) => JSON.stringify(s));
    expect(seen.join()).not.toContain("display pretending");
    expect(events).toContain("dropped a broadcast a client asked for");
    expect(events).toContain("dropped what a read-only connection sent for others");
    // The relay still serves both.
    staff.doc.getArray<string>("items").push(["again"]);
    await until(() => display.doc.getArray("items").length === 2, "still serving");
  });
});
