import { X509Certificate } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  coversHosts,
  loadOrCreateCertificate,
  parseAltNames,
  type Certificate,
} from "../../src/server/https.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";

let dir: string;
let dist: string;
let cert: Certificate;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "yishi-certs-"));
  dist = mkdtempSync(join(tmpdir(), "yishi-dist-"));
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Yishi</title>");
  cert = await loadOrCreateCertificate({ dir, hosts: ["localhost", "127.0.0.1", "192.168.1.5"] });
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
});

describe("the certificate", () => {
  it("is generated once, covering localhost and the LAN addresses, then reused", async () => {
    expect(cert.generated).toBe(true);
    const san = new X509Certificate(cert.cert).subjectAltName ?? "";
    expect(san).toContain("DNS:localhost");
    expect(san).toContain("IP Address:127.0.0.1");
    expect(san).toContain("IP Address:192.168.1.5");
    const again = await loadOrCreateCertificate({ dir, hosts: ["localhost", "127.0.0.1", "192.168.1.5"] });
    expect(again.generated).toBe(false);
    expect(again.cert).toBe(cert.cert);
  });

  it("is made anew when the LAN address changed", () => {
    expect(coversHosts(cert.cert, ["127.0.0.1", "10.0.0.7"])).toBe(false);
    expect(coversHosts("not a certificate", ["localhost"])).toBe(false);
  });

  it("matches each host exactly against the certificate's names, never by substring", async () => {
    const near = await loadOrCreateCertificate({
      dir: join(dir, "near"),
      hosts: ["localhost2", "192.168.1.50", "Printer.Local"],
    });
    expect(coversHosts(near.cert, ["localhost2", "192.168.1.50"])).toBe(true);
    expect(coversHosts(near.cert, ["localhost"])).toBe(false);
    expect(coversHosts(near.cert, ["192.168.1.5"])).toBe(false);
    expect(coversHosts(near.cert, ["192.168.1.50", "192.168.1.5"])).toBe(false);
    expect(coversHosts(near.cert, ["168.1.50"])).toBe(false);
    expect(coversHosts(near.cert, ["localhost2, IP Address:192.168.1.50"])).toBe(false);
    expect(coversHosts(cert.cert, ["192.168.1.5", "localhost"])).toBe(true);
    expect(coversHosts(near.cert, ["printer.local"])).toBe(true); // DNS names ignore case
  }, 60_000);

  it("reads subjectAltName entries, including the quoted values Node writes for names with commas", () => {
    expect(parseAltNames('DNS:a, DNS:"b, IP Address:10.0.0.2", IP Address:10.0.0.1')).toEqual([
      { type: "DNS", value: "a" },
      { type: "DNS", value: "b, IP Address:10.0.0.2" },
      { type: "IP Address", value: "10.0.0.1" },
    ]);
    expect(parseAltNames("")).toEqual([]);
  });

  it("from the user: unreadable paths give a clear error", async () => {
    await expect(
      loadOrCreateCertificate({ certPath: join(dir, "missing.pem"), keyPath: join(dir, "k.pem"), hosts: [] }),
    ).rejects.toThrow(/cannot read the certificate file .*missing\.pem/);
    await expect(loadOrCreateCertificate({ certPath: cert.certFile, hosts: [] })).rejects.toThrow(
      /both a certificate and a key/,
    );
  });
});

describe("serving over HTTPS", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      host: "127.0.0.1",
      port: 0,
      distDir: dist,
      log: () => {},
      https: { port: 0, cert: cert.cert, key: cert.key },
    });
  });
  afterAll(() => server.close());

  it("serves the app over https with the certificate", async () => {
    const body = await new Promise<string>((resolve, reject) => {
      get(`${server.httpsUrl}/`, { ca: cert.cert }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve(text));
      }).on("error", reject);
    });
    expect(body).toContain("Yishi");
  });

  it("shares one signalling hub between http and https clients", async () => {
    const open = (url: string) =>
      new Promise<{ ws: WebSocket; inbox: unknown[] }>((resolve, reject) => {
        const ws = new WebSocket(url, { ca: cert.cert });
        const inbox: unknown[] = [];
        ws.on("message", (d) => inbox.push(JSON.parse(String(d))));
        ws.once("open", () => resolve({ ws, inbox }));
        ws.once("error", reject);
      });
    const secure = await open(`${server.httpsUrl!.replace("https", "wss")}/signal`);
    const plain = await open(`${server.url.replace("http", "ws")}/signal`);
    secure.ws.send(JSON.stringify({ type: "subscribe", topics: ["room"] }));
    plain.ws.send(JSON.stringify({ type: "subscribe", topics: ["room"] }));
    await new Promise((r) => setTimeout(r, 100));
    plain.ws.send(JSON.stringify({ type: "publish", topic: "room", data: "hi" }));
    const end = Date.now() + 3000;
    while (secure.inbox.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(secure.inbox[0]).toEqual({ type: "publish", topic: "room", data: "hi", clients: 2 });
    secure.ws.close();
    plain.ws.close();
  });
});
