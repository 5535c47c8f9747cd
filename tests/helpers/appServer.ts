// Serves the built app (dist/) and signalling on 127.0.0.1 at a free port, for browser tests.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { startServer, type RunningServer } from "../../src/server/start.ts";

export type AppServer = RunningServer;

/** Starts the real server on the built app; run `vite build` first (npm test does). */
export async function startAppServer(distDir = resolve("dist")): Promise<AppServer> {
  if (!existsSync(resolve(distDir, "index.html"))) {
    throw new Error(`${distDir}/index.html is missing: run "npx vite build" before the browser tests`);
  }
  return startServer({ host: "127.0.0.1", port: 0, distDir, log: () => {} });
}
