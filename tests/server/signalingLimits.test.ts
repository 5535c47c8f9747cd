// The signalling hub's bounds: topics are freed, message rate, publish only where subscribed, slow receivers.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import {
  createSignalingHub,
  makeRateLimit,
  type SignalingHub,
  type SignalingOptions,
} from "../../src/server/signaling.ts";

let http: Server | undefined;
let hub: SignalingHub | undefined;
let url = "";
const events: string[] = [];
const sockets: WebSocket[] = [];

async function start(options: SignalingOptions = {}): Promise<SignalingHub> {
  events.length = 0;
  hub = createSignalingHub({ ...options, log: (event) => events.push(event) });
  http = createServer((_req, res) => res.writeHead(404).end());
  hub.attach(http);
  await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", () => resolve()));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/signal`;
  return hub;
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await hub?.close();
  http?.closeAllConnections();
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  hub = undefined;
  http = undefined;
});

/** A connected client that records what it receives. */
async function client(): Promise<{ ws: WebSocket; inbox: unknown[]; closed: Promise<number> }> {
  const ws = new WebSocket(url);
  sockets.push(ws);
  const inbox: unknown[] = [];
  ws.on("message", (data) => inbox.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return { ws, inbox, closed };
}
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};
const send = (ws: WebSocket, m: unknown) => ws.send(JSON.stringify(m));
/** Resolves to "closed" when `closed` settles first, else "open" after `ms`. */
const closedWithin = (closed: Promise<number>, ms: number) =>
  Promise.race([closed.then(() => "closed"), new Promise((r) => setTimeout(() => r("open"), ms))]);

describe("topics", () => {
  it("deletes a topic once its last subscriber unsubscribes or disconnects", async () => {
    const signaling = await start({ maxMessagesPerSecond: 100_000 });
    const [a, b] = await Promise.all([client(), client()]);
    for (let round = 0; round < 400; round++) {
      const topics = Array.from({ length: 50 }, (_, i) => `r${round}-${i}`);
      send(a.ws, { type: "subscribe", topics });
      send(a.ws, { type: "unsubscribe", topics });
    }
    send(a.ws, { type: "ping" });
    await until(() => a.inbox.length === 1, 10_000);
    expect(signaling.stats().topics).toBe(0);

    send(a.ws, { type: "subscribe", topics: ["shared", "only-a"] });
    send(b.ws, { type: "subscribe", topics: ["shared"] });
    send(a.ws, { type: "unsubscribe", topics: ["shared"] });
    send(b.ws, { type: "ping" });
    await until(() => b.inbox.length === 1);
    await until(() => signaling.stats().topics === 2); // "shared" still has b
    a.ws.close();
    await a.closed;
    await until(() => signaling.stats().topics === 1);
    b.ws.close();
    await b.closed;
    await until(() => signaling.stats().topics === 0 && signaling.stats().connections === 0);
  }, 20_000);
});

describe("message rate", () => {
  it("drops a client that sends more messages per second than allowed, and logs it", async () => {
    await start({ maxMessagesPerSecond: 10, messageBurst: 20 });
    const [flood, calm] = await Promise.all([client(), client()]);
    for (let i = 0; i < 200; i++) send(flood.ws, { type: "ping" });
    expect(await closedWithin(flood.closed, 3000)).toBe("closed");
    expect(flood.inbox.length).toBeLessThanOrEqual(25);
    expect(events.some((e) => e.includes("message rate"))).toBe(true);
    send(calm.ws, { type: "ping" });
    await until(() => calm.inbox.length === 1);
  }, 10_000);

  it("allows the burst at once, then the rate", () => {
    let now = 0;
    const allow = makeRateLimit(10, 3, () => now);
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
    now += 100; // 0.1 s at 10 a second: one more
    expect([allow(), allow()]).toEqual([true, false]);
    now += 60_000; // a long pause refills only up to the burst
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
  });

  it("keeps a client within its burst connected", async () => {
    await start({ maxMessagesPerSecond: 10, messageBurst: 20 });
    const c = await client();
    for (let i = 0; i < 20; i++) send(c.ws, { type: "ping" });
    await until(() => c.inbox.length === 20);
    expect(await closedWithin(c.closed, 200)).toBe("open");
  }, 10_000);
});

describe("publish", () => {
  it("does not deliver a publish from a client that has not subscribed to the topic", async () => {
    await start();
    const [member, outsider] = await Promise.all([client(), client()]);
    send(member.ws, { type: "subscribe", topics: ["room"] });
    send(member.ws, { type: "ping" });
    await until(() => member.inbox.length === 1);
    send(outsider.ws, { type: "publish", topic: "room", data: "secret-data" });
    send(outsider.ws, { type: "ping" });
    await until(() => outsider.inbox.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(member.inbox).toEqual([{ type: "pong" }]);
    expect(events).toContain("dropped a publish to a topic the sender has not subscribed to");
    expect(JSON.stringify(events)).not.toMatch(/room|secret/);
  });
});

describe("slow receivers", () => {
  it("drops a subscriber that stops reading instead of buffering every publish for it", async () => {
    const signaling = await start({ maxMessagesPerSecond: 10_000, maxBufferedBytes: 256 * 1024 });
    const [reader, stalled] = await Promise.all([client(), client()]);
    send(reader.ws, { type: "subscribe", topics: ["r"] });
    send(stalled.ws, { type: "subscribe", topics: ["r"] });
    send(stalled.ws, { type: "ping" });
    await until(() => stalled.inbox.length === 1);
    // The stalled client's socket stops reading: the kernel buffers fill, then the server's would grow.
    (stalled.ws as unknown as { _socket: Socket })._socket.pause();
    // How much the kernel absorbs first depends on the machine (tcp_rmem's maximum is 32 MB on some), so
    // publishing goes on, 2 MB at a time and paced by the reader's own copies, until the server drops it.
    const data = "x".repeat(200_000);
    let sent = 0;
    while (signaling.stats().connections > 1) {
      if (sent >= 1000) throw new Error("the stalled receiver was never dropped (200 MB published)");
      for (let i = 0; i < 10; i++, sent++) send(reader.ws, { type: "publish", topic: "r", data });
      await until(() => reader.inbox.length === sent, 60_000);
    }
    expect(events).toContain("dropped a receiver that stopped reading");
    send(reader.ws, { type: "publish", topic: "r", data: 1 });
    await until(() => reader.inbox.length === sent + 1);
    expect(reader.inbox.at(-1)).toMatchObject({ clients: 1 });
  }, 150_000);
});

describe("a publish to many receivers", () => {
  it("is serialised once for all of them, not once per receiver", async () => {
    await start({ maxMessagesPerSecond: 100_000 });
    const receivers = await Promise.all(Array.from({ length: 20 }, () => client()));
    for (const r of receivers) send(r.ws, { type: "subscribe", topics: ["room"] });
    send(receivers[0]!.ws, { type: "ping" });
    await until(() => receivers[0]!.inbox.length === 1);
    const big = "x".repeat(200_000);
    const stringify = vi.spyOn(JSON, "stringify");
    send(receivers[0]!.ws, { type: "publish", topic: "room", data: big });
    stringify.mockClear(); // the sender's own JSON.stringify above
    await until(() => receivers.every((r) => r.inbox.length >= 1 + (r === receivers[0] ? 1 : 0)), 10_000);
    const serverCalls = stringify.mock.calls.filter(
      ([value]) => (value as { data?: string } | null)?.data === big,
    );
    stringify.mockRestore();
    expect(serverCalls).toHaveLength(1);
  }, 20_000);
});
