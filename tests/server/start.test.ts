// `npm start` when a port is already taken: HTTPS is skipped with one line, a busy HTTP port stops cleanly.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateCertificate, type Certificate } from "../../src/server/https.ts";
import { PortBusyError, startServer } from "../../src/server/start.ts";

let taken: Server;
let busyPort: number;
let dir: string;
let cert: Certificate;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((done) => taken.listen(0, "127.0.0.1", () => done()));
  busyPort = (taken.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), "yishi-start-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Yishi</title>");
  cert = await loadOrCreateCertificate({ dir: join(dir, "certs"), hosts: ["localhost", "127.0.0.1"] });
}, 60_000);
afterAll(async () => {
  await new Promise<void>((done) => taken.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

describe("a busy port", () => {
  it("HTTP: rejects with an error naming the port", async () => {
    const started = startServer({ host: "127.0.0.1", port: busyPort, distDir: dir, log: () => {} });
    await expect(started).rejects.toBeInstanceOf(PortBusyError);
    await expect(started).rejects.toThrow(`port ${busyPort} is already in use`);
  });

  it("HTTPS: serves HTTP only and says in one line which port is busy", async () => {
    const lines: string[] = [];
    const server = await startServer({
      host: "127.0.0.1",
      port: 0,
      distDir: dir,
      log: () => {},
      warn: (line) => lines.push(line),
      https: { port: busyPort, cert: cert.cert, key: cert.key },
    });
    try {
      expect(server.httpsPort).toBeUndefined();
      expect(server.httpsUrl).toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(String(busyPort));
      expect(lines[0]).not.toContain("\n");
      const res = await fetch(server.url + "/");
      expect(await res.text()).toContain("Yishi");
    } finally {
      await server.close();
    }
  });

  it("npm start on a busy HTTP port exits non-zero with one clear message and no stack trace", async () => {
    const tsx = resolve("node_modules/tsx/dist/cli.mjs");
    const child = spawn(process.execPath, [tsx, resolve("src/server/start.ts")], {
      cwd: dir,
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(busyPort), HTTPS: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain(`port ${busyPort} is already in use`);
    expect(output).not.toMatch(/^\s+at /m);
  }, 30_000);
});
