// `npm start`: the built app and the signalling endpoint on one HTTP server, with the LAN addresses printed.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { attachSignaling, type SignalingOptions } from "./signaling.ts";
import { createStaticHandler } from "./static.ts";

export interface ServerOptions {
  host?: string;
  port?: number;
  distDir?: string;
  log?: SignalingOptions["log"];
  signaling?: Omit<SignalingOptions, "log">;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts static + signalling serving; port 0 picks a free port. */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { host = "0.0.0.0", port = 4173, distDir = resolve("dist"), log } = options;
  const serveStatic = createStaticHandler(distDir);
  const server = createServer((req, res) => {
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const signaling = attachSignaling(server, { path: "/signal", ...options.signaling, log });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      resolvePromise({
        url: `http://${shownHost}:${actual}`,
        port: actual,
        close: async () => {
          await signaling.close();
          server.closeAllConnections();
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}

/** The machine's IPv4 LAN addresses, where tablets on the same network can reach it. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}

async function main(): Promise<void> {
  const server = await startServer({
    host: process.env.HOST ?? "0.0.0.0",
    port: Number(process.env.PORT ?? 4173),
  });
  console.log(`Yishi is running: ${server.url}/`);
  for (const ip of lanAddresses()) console.log(`  on the local network: http://${ip}:${server.port}/`);
  console.log("Signalling for peer sync is on the same address at /signal. Stop with Ctrl+C.");
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
