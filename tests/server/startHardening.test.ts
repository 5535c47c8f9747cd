// The `npm start` server keeps serving whatever a stranger on the LAN sends it, on raw sockets: bad request
// lines and paths, upgrades to other paths, absolute-form URLs, overlong lines, a header sent byte by byte,
// sockets that never subscribe, many sockets from one address; after each, `GET /` still answers.
import { connect, type Socket } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startServer, type RunningServer } from "../../src/server/start.ts";

let server: RunningServer;
let dist: string;
const events: string[] = [];

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "yishi-hardening-"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Yishi</title>");
  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    distDir: dist,
    log: (event) => events.push(event),
    signaling: { maxConnectionsPerAddress: 4, subscribeDeadlineMs: 300 },
    headersTimeoutMs: 500,
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Sends `lines` on a raw socket; resolves to what came back when the server closed it (or after `ms`). */
function raw(text: string, ms = 3_000): Promise<{ reply: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(server.port, "127.0.0.1");
    let reply = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closed: false });
    }, ms);
    socket.on("data", (d) => (reply += d.toString("latin1")));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ reply, closed: true });
    });
    socket.on("error", () => {});
    socket.write(text);
  });
}

const upgrade = (target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

async function stillServing(): Promise<void> {
  const res = await fetch(`${server.url}/`);
  expect(res.status).toBe(200);
}

describe("the npm start server against a stranger's requests", () => {
  it.each(["//", "/\\\\", "//evil.example/signal", "http://evil.example/signal", "*", "/other"])(
    "answers or closes an upgrade to %s, and keeps serving",
    async (target) => {
      const { reply, closed } = await raw(upgrade(target));
      expect(closed).toBe(true);
      expect(reply).not.toContain("101 Switching Protocols");
      await stillServing();
    },
  );

  it("answers an overlong request line with an error and keeps serving", async () => {
    const { reply, closed } = await raw(`GET /${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(closed).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 4\d\d/);
    await stillServing();
  });

  it("closes a socket that sends its headers too slowly", async () => {
    const socket = connect(server.port, "127.0.0.1");
    socket.on("error", () => {});
    const closed = new Promise<number>((resolve) => {
      const t0 = Date.now();
      socket.on("close", () => resolve(Date.now() - t0));
    });
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const drip = setInterval(() => socket.write("X-Slow: 1\r\n"), 100);
    const after = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 5_000))]);
    clearInterval(drip);
    socket.destroy();
    expect(after).toBeGreaterThan(0);
    await stillServing();
  });

  it("closes a signalling socket that never subscribes", async () => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/signal`);
    const code = await new Promise<number>((resolve) => ws.on("close", (c) => resolve(c)));
    expect(code).toBeGreaterThan(0);
    expect(events).toContain("closed a socket that did not subscribe in time");
  });

  it("limits signalling sockets per address, and frees the place when one closes", async () => {
    const open = async () => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/signal`);
      return new Promise<WebSocket | null>((resolve) => {
        ws.once("open", () => {
          ws.send(JSON.stringify({ type: "subscribe", topics: ["room"] }));
          resolve(ws);
        });
        ws.once("error", () => resolve(null));
      });
    };
    const first = await Promise.all([open(), open(), open(), open()]);
    expect(first.every((ws) => ws !== null)).toBe(true);
    expect(await open()).toBeNull();
    first[0]!.close();
    await new Promise((r) => setTimeout(r, 100));
    const again = await open();
    expect(again).not.toBeNull();
    for (const ws of [...first, again]) ws?.terminate();
    await stillServing();
  });
});
