import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseMessage } from "../../src/server/signaling.ts";
import { resolveInside } from "../../src/server/static.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";

let dist: string;
let server: RunningServer;
const events: string[] = [];
const sockets: WebSocket[] = [];

async function start(signaling = {}) {
  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    distDir: dist,
    log: (e) => events.push(e),
    signaling,
  });
}

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), "yishi-dist-"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Yishi</title>");
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "assets", "app-123.js"), "console.log(1)");
  events.length = 0;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** A connected client that records what it receives. */
async function client(): Promise<{ ws: WebSocket; inbox: unknown[]; closed: Promise<number> }> {
  const ws = new WebSocket(server.url.replace("http", "ws") + "/signal");
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
const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};
const send = (ws: WebSocket, m: unknown) => ws.send(JSON.stringify(m));
/** The whole response to a GET of `target` written byte for byte, as no HTTP client library would send it. */
const rawGet = (port: number, target: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let text = "";
    socket.setEncoding("latin1");
    socket.setTimeout(3000, () => socket.destroy(new Error(`no answer for ${target}`)));
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });

describe("signalling protocol", () => {
  it("delivers a publish to every subscriber of the topic, with the subscriber count, and not to others", async () => {
    await start();
    const [a, b, c] = await Promise.all([client(), client(), client()]);
    send(a.ws, { type: "subscribe", topics: ["room-1"] });
    send(b.ws, { type: "subscribe", topics: ["room-1"] });
    send(c.ws, { type: "subscribe", topics: ["room-2"] });
    await new Promise((r) => setTimeout(r, 50));
    send(a.ws, { type: "publish", topic: "room-1", data: { hello: 1 } });
    await until(() => b.inbox.length === 1 && a.inbox.length === 1);
    expect(b.inbox[0]).toEqual({ type: "publish", topic: "room-1", data: { hello: 1 }, clients: 2 });
    await new Promise((r) => setTimeout(r, 50));
    expect(c.inbox).toEqual([]);
  });

  it("stops delivering after unsubscribe, and answers ping with pong", async () => {
    await start();
    const [a, b] = await Promise.all([client(), client()]);
    send(a.ws, { type: "subscribe", topics: ["r"] });
    send(b.ws, { type: "subscribe", topics: ["r"] });
    send(b.ws, { type: "unsubscribe", topics: ["r"] });
    send(b.ws, { type: "ping" });
    await until(() => b.inbox.length === 1);
    expect(b.inbox[0]).toEqual({ type: "pong" });
    send(a.ws, { type: "publish", topic: "r", x: 1 });
    await until(() => a.inbox.length === 1);
    expect(a.inbox[0]).toMatchObject({ clients: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(b.inbox).toHaveLength(1);
  });
});

describe("bad clients", () => {
  it("drops a client that sends garbage and keeps serving the others", async () => {
    await start();
    const [bad, good] = await Promise.all([client(), client()]);
    bad.ws.send("{not json");
    expect(await bad.closed).toBeGreaterThan(0);
    send(good.ws, { type: "ping" });
    await until(() => good.inbox.length === 1);
    expect(events.some((e) => e.includes("malformed"))).toBe(true);
  });

  it.each([
    ["a JSON array", [1, 2]],
    ["an unknown type", { type: "launch" }],
    ["topics that are not strings", { type: "subscribe", topics: [1] }],
    ["a publish without a topic", { type: "publish", data: 1 }],
  ])("drops a client that sends %s", async (_name, message) => {
    await start();
    const bad = await client();
    send(bad.ws, message);
    expect(await bad.closed).toBeGreaterThan(0);
  });

  it("closes a client that sends an oversized message and stays up", async () => {
    await start({ maxMessageBytes: 1024 });
    const [big, other] = await Promise.all([client(), client()]);
    send(big.ws, { type: "publish", topic: "r", data: "x".repeat(5000) });
    expect(await big.closed).toBe(1009);
    send(other.ws, { type: "ping" });
    await until(() => other.inbox.length === 1);
  });

  it("refuses connections over the limit", async () => {
    await start({ maxConnections: 2 });
    await client();
    await client();
    await expect(client()).rejects.toThrow(/503/);
    expect(server).toBeDefined();
  });

  it("drops a client subscribing to more topics than allowed", async () => {
    await start({ maxTopicsPerClient: 3 });
    const greedy = await client();
    send(greedy.ws, { type: "subscribe", topics: ["a", "b", "c", "d"] });
    expect(await greedy.closed).toBeGreaterThan(0);
  });

  it("logs no message content", async () => {
    const logged: unknown[] = [];
    server = await startServer({
      host: "127.0.0.1",
      port: 0,
      distDir: dist,
      log: (...args) => logged.push(args),
    });
    const a = await client();
    send(a.ws, { type: "subscribe", topics: ["secret-room-name"] });
    a.ws.send("{garbage with secret-key");
    await a.closed;
    expect(JSON.stringify(logged)).not.toMatch(/secret/);
  });

  it("parses only well-formed messages", () => {
    expect(parseMessage('{"type":"ping"}')).toEqual({ type: "ping" });
    expect(parseMessage('{"type":"subscribe","topics":["a"]}')).toEqual({ type: "subscribe", topics: ["a"] });
    expect(parseMessage("null")).toBeNull();
    expect(parseMessage('{"type":"subscribe","topics":"a"}')).toBeNull();
    expect(parseMessage(`{"type":"subscribe","topics":["${"x".repeat(600)}"]}`)).toBeNull();
  });
});

describe("static serving", () => {
  it("serves the app shell, assets with a long cache, and index.html for app routes", async () => {
    await start();
    const index = await fetch(server.url + "/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toContain("text/html");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(await index.text()).toContain("Yishi");
    const asset = await fetch(server.url + "/assets/app-123.js");
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(server.url + "/session/abc")).status).toBe(200);
    expect((await fetch(server.url + "/assets/missing.js")).status).toBe(404);
  });

  it("refuses raw request paths that leave the app folder (sent as written, not normalised by fetch)", async () => {
    // dist sits inside `base`, next to a file it must never serve.
    const base = mkdtempSync(join(tmpdir(), "yishi-base-"));
    const app = join(base, "dist");
    mkdirSync(app);
    writeFileSync(join(app, "index.html"), "<!doctype html><title>Yishi</title>");
    writeFileSync(join(base, "secret.txt"), "TOP-SECRET");
    server = await startServer({ host: "127.0.0.1", port: 0, distDir: app, log: () => {} });
    const deep = "../".repeat(12);
    const targets = [
      "/../secret.txt",
      "/../../etc/passwd",
      `/${deep}etc/passwd`,
      "/..%2fsecret.txt",
      "/%2e%2e%2fsecret.txt",
      "/%2E%2E%2Fsecret.txt",
      "/.%2e/secret.txt",
      `/${"..%2f".repeat(12)}etc%2fpasswd`,
      `/${"%2e%2e%2f".repeat(12)}etc/passwd`,
      "/..\\secret.txt",
      "/..%5csecret.txt",
      `/${"..\\".repeat(12)}etc\\passwd`,
      "..%2fsecret.txt",
      "/assets/..%2f..%2fsecret.txt",
    ];
    try {
      for (const target of targets) {
        const response = await rawGet(server.port, target);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
        expect([400, 404], target).toContain(status);
        expect(response, target).not.toContain("TOP-SECRET");
        expect(response, target).not.toMatch(/root:/);
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, 15_000);

  it("resolveInside refuses `..` segments in any spelling and keeps paths inside the root", () => {
    const root = join(tmpdir(), "yishi-root");
    const refused = ["/../x", "/a/../b", "/..%2fx", "/%2e%2e%2fx", "/..\\x", "/..%5cx", "/%00", "/%E0%A4%A"];
    for (const path of refused) expect(resolveInside(root, path), path).toBeNull();
    expect(resolveInside(root, "/assets/app-1.js")).toBe(join(root, "assets", "app-1.js"));
    expect(resolveInside(root, "/a..b/c.js")).toBe(join(root, "a..b", "c.js"));
  });

  it("refuses paths that leave the app folder", async () => {
    await start();
    for (const path of ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/%00"]) {
      const res = await fetch(server.url + path);
      expect([400, 404], path).toContain(res.status);
      expect(await res.text()).not.toContain('"name"');
    }
  });
});
