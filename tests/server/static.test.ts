// Static serving when a file changes under the server between its stat and its read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";

/** What happens to a file just before the server opens it (the window between its stat and its read). */
const beforeOpen = vi.hoisted(() => ({ hook: (_path: string) => {} }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const createReadStream = ((path: string, ...rest: unknown[]) => {
    beforeOpen.hook(String(path));
    return (fs.createReadStream as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.createReadStream;
  return { ...fs, default: { ...fs, createReadStream }, createReadStream };
});

let dist: string;
let server: RunningServer;

beforeEach(async () => {
  dist = mkdtempSync(join(tmpdir(), "yishi-dist-"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Yishi</title>");
  writeFileSync(join(dist, "gone.js"), "console.log('gone')");
  writeFileSync(join(dist, "swapped.js"), "console.log('swapped')");
  server = await startServer({ host: "127.0.0.1", port: 0, distDir: dist, log: () => {} });
});
afterEach(async () => {
  beforeOpen.hook = () => {};
  await server.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Fetches with a deadline, so a response that hangs fails the test with a clear reason. */
const get = (path: string) => fetch(server.url + path, { signal: AbortSignal.timeout(3000) });
const stillServing = async () => {
  const res = await get("/");
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("Yishi");
};

describe("a read that fails", () => {
  it("answers 500 when the file is deleted between stat and read, and keeps serving", async () => {
    beforeOpen.hook = (path) => {
      if (path.endsWith("gone.js")) rmSync(path);
    };
    const res = await get("/gone.js");
    expect(res.status).toBe(500);
    await res.text();
    await stillServing();
  }, 10_000);

  it("cuts the response short when the file becomes a directory, and keeps serving", async () => {
    beforeOpen.hook = (path) => {
      if (!path.endsWith("swapped.js")) return;
      rmSync(path);
      mkdirSync(path); // opening a directory succeeds on Linux; reading it fails with EISDIR
    };
    const outcome = await get("/swapped.js")
      .then(async (res) => (res.ok ? `200 ${await res.text()}` : `status ${res.status}`))
      .catch((error: Error) => (error.name === "TimeoutError" ? "hung" : "aborted"));
    expect(outcome).not.toContain("swapped");
    expect(outcome).toMatch(/^(aborted|status 500)$/);
    await stillServing();
  }, 10_000);
});
