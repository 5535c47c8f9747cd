// `npm start`: the built app and the signalling endpoint on one HTTP server, with the LAN addresses printed.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSignalingHub, type SignalingOptions } from "./signaling.ts";
import { loadOrCreateCertificate } from "./https.ts";
import { createStaticHandler } from "./static.ts";

export interface ServerOptions {
  host?: string;
  port?: number;
  distDir?: string;
  log?: SignalingOptions["log"];
  signaling?: Omit<SignalingOptions, "log">;
  /** Also serve HTTPS (a secure context on LAN addresses) on this port with this certificate. */
  https?: { port: number; cert: string; key: string };
  /** A client must send a request's headers within this time (a slow sender is closed); 10 s by default. */
  headersTimeoutMs?: number;
  /** Receives one line when the HTTPS port is busy and the server goes on with HTTP only; console.warn by default. */
  warn?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  httpsUrl?: string;
  httpsPort?: number;
  close(): Promise<void>;
}

type Server = ReturnType<typeof createServer>;

/** A port another program (or another Yishi) already listens on. */
export class PortBusyError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
    this.name = "PortBusyError";
  }
}

/**
 * Listens on `port` (0 picks a free one) and resolves to the port; a busy port rejects with a PortBusyError
 * naming it, rather than a bare EADDRINUSE.
 */
export function listen(server: Server | HttpsServer, port: number, host: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortBusyError(port) : error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolvePromise((server.address() as AddressInfo).port);
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}

/** Starts static + signalling serving (HTTP, and HTTPS when asked); port 0 picks a free port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { host = "0.0.0.0", port = 4173, distDir = resolve("dist"), log } = options;
  const serveStatic = createStaticHandler(distDir);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const hub = createSignalingHub({ path: "/signal", ...options.signaling, log });
  // Bounded requests: headers within 10 s, a whole request within 30 s, headers of at most 16 KiB.
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const limits = {
    headersTimeout,
    requestTimeout: Math.max(30_000, headersTimeout),
    maxHeaderSize: 16 * 1024,
    // How often Node looks for requests past their timeouts (30 s by default).
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  };
  const servers: Server[] = [createServer(limits, handler)];
  if (options.https)
    servers.push(createHttpsServer({ ...limits, cert: options.https.cert, key: options.https.key }, handler));
  // A request Node cannot parse is answered and its socket closed, never left open.
  for (const server of servers)
    server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
      const status =
        error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    });
  for (const server of servers) hub.attach(server);
  const stopAll = async () => {
    await hub.close();
    await Promise.all(servers.map(closeServer));
  };
  let actual: number;
  let httpsPort: number | undefined;
  try {
    actual = await listen(servers[0]!, port, host);
    httpsPort = options.https
      ? await listenHttpsOrSkip(servers, options.https.port, host, options.warn)
      : undefined;
  } catch (error) {
    await stopAll();
    throw error;
  }
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    httpsPort,
    httpsUrl: httpsPort === undefined ? undefined : `https://${shownHost}:${httpsPort}`,
    close: stopAll,
  };
}

/**
 * Listens with the HTTPS server (the last of `servers`). A busy port is not fatal: HTTP on localhost still
 * works, so it says which port in one line, drops the HTTPS server from `servers` and resolves to undefined.
 */
async function listenHttpsOrSkip(
  servers: Server[],
  port: number,
  host: string,
  warn: (line: string) => void = console.warn,
): Promise<number | undefined> {
  try {
    return await listen(servers.at(-1)!, port, host);
  } catch (error) {
    if (!(error instanceof PortBusyError)) throw error;
    servers.pop();
    warn(`HTTPS port ${port} is already in use: serving without HTTPS (set HTTPS_PORT to use another port).`);
    return undefined;
  }
}

/** The machine's IPv4 LAN addresses, where tablets on the same network can reach it. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}

/** `--name value` from the command line. */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const host = process.env.HOST ?? "0.0.0.0";
  // Bound to one address (127.0.0.1, say), the server is reachable only there: list LAN URLs only when open.
  const lan = host === "0.0.0.0" || host === "::" ? lanAddresses() : [];
  const httpsOn = process.env.HTTPS !== "off";
  const certificate = httpsOn
    ? await loadOrCreateCertificate({
        certPath: flag("cert") ?? process.env.YISHI_CERT,
        keyPath: flag("key") ?? process.env.YISHI_KEY,
        hosts: ["localhost", "127.0.0.1", ...lan],
      })
    : null;
  const server = await startServer({
    host,
    port: Number(process.env.PORT ?? 4173),
    https: certificate
      ? { port: Number(process.env.HTTPS_PORT ?? 4443), cert: certificate.cert, key: certificate.key }
      : undefined,
  }).catch((error: unknown) => {
    if (!(error instanceof PortBusyError)) throw error;
    // Exit rather than take the next port: tablets keep the address they were given, so it must not move.
    console.error(`Yishi cannot start: ${error.message} (is Yishi already running?). Stop it, or set PORT.`);
    process.exit(1);
  });
  console.log(`Yishi is running: ${server.url}/`);
  if (certificate && server.httpsPort) {
    for (const ip of lan) console.log(`  tablets on the local network: https://${ip}:${server.httpsPort}/`);
    console.log(
      [
        `  HTTPS uses ${certificate.generated ? "a new" : "the"} certificate ${certificate.certFile}.`,
        "  Tablets need a secure context (https) for offline use and sync. To trust this certificate, copy the",
        "  file to the tablet and install it (Android: Settings → Security → Install a certificate → CA",
        "  certificate; iPad: open it, install the profile, then enable full trust under About → Certificate",
        "  Trust Settings). Or use your own: --cert FILE --key FILE (or YISHI_CERT / YISHI_KEY).",
      ].join("\n"),
    );
  } else {
    for (const ip of lan) console.log(`  on the local network (no HTTPS): http://${ip}:${server.port}/`);
  }
  console.log("Signalling for peer sync is on the same addresses at /signal. Stop with Ctrl+C.");
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
