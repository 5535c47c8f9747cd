// A tablet on the HTTPS address with the generated certificate: a secure context, a service worker, and sync.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadOrCreateCertificate } from "../../src/server/https.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { launchBrowser, waitForServiceWorker, type LaunchedBrowser } from "../helpers/browser.ts";

let certDir: string;
let server: RunningServer;
let a: LaunchedBrowser;
let b: LaunchedBrowser;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), "yishi-certs-"));
  const cert = await loadOrCreateCertificate({ dir: certDir, hosts: ["localhost", "127.0.0.1"] });
  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    distDir: resolve("dist"),
    log: () => {},
    https: { port: 0, cert: cert.cert, key: cert.key },
  });
  [a, b] = await Promise.all([
    launchBrowser({ ignoreHTTPSErrors: true }),
    launchBrowser({ ignoreHTTPSErrors: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await server?.close();
  rmSync(certDir, { recursive: true, force: true });
});

it("has crypto.subtle, registers its service worker and syncs with a second browser over https", async () => {
  const url = `https://127.0.0.1:${server.httpsPort}`;
  await a.page.goto(`${url}/?lang=en`);
  const secure = await a.page.evaluate(async () => {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode("议事"));
    return { isSecureContext, digestBytes: digest.byteLength };
  });
  expect(secure).toEqual({ isSecureContext: true, digestBytes: 32 });
  await waitForServiceWorker(a.page);

  await a.page.getByRole("button", { name: "Try with sample data" }).click();
  await a.page.locator(".session-link").first().click();
  await a.page.getByRole("button", { name: /Not shared/ }).click();
  const code = (await a.page.locator(".share-code").textContent())!.trim();
  expect(await a.page.locator(".share-link a").getAttribute("href")).toBe(`${url}/#/join/${code}`);

  await b.page.goto(`${url}/?lang=en#/join/${code}`);
  await b.page.getByRole("button", { name: "Join", exact: true }).click();
  await b.page.getByRole("heading", { name: "Agenda" }).waitFor({ timeout: 20_000 });
  await a.page.getByLabel("New agenda item").fill("经 HTTPS 同步的议题");
  await a.page.getByRole("button", { name: "Add", exact: true }).first().click();
  await expect.poll(() => b.page.locator(".agenda-list").textContent()).toContain("经 HTTPS 同步的议题");
});
