// `npm run relay`: the subdistrict's optional Hocuspocus relay, keeping every community's documents in SQLite.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { readFileSync } from "node:fs";
import type { Duplex } from "node:stream";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { onAuthenticatePayload } from "@hocuspocus/server";
import { WebSocketServer, type WebSocket } from "ws";
import { lanAddresses, listen, PortBusyError } from "./start.ts";
import { openRelayStore } from "./relay/store.ts";
import { accessFor, communityOf, logId, type TokenHashes } from "./relay/tokens.ts";
import { redactConsole } from "./relay/redactLogs.ts";
import { watchRotations } from "./relay/rotation.ts";
import { addCommunityCommand, rotateTokenCommand } from "./relay/admin.ts";
import { DEFAULT_GUARD, guardSocket, type GuardLimits, type SocketState } from "./relay/guard.ts";
import { changedNotice, parseChangedNotice } from "../sync/relayNames.ts";

export { readOnlyToken } from "./relay/tokens.ts";

// Hocuspocus's CommonJS builds: its ES build's `import { WebSocketServer } from "ws"` fails under our vitest
// config (ws resolves to a CommonJS file there); required, it always gets ws's Node entry.
const load = createRequire(import.meta.url);
const { Hocuspocus } = load("@hocuspocus/server") as typeof import("@hocuspocus/server");
const { Database } = load(
  "@hocuspocus/extension-database",
) as typeof import("@hocuspocus/extension-database");

export interface RelayOptions {
  /** The SQLite file (created if missing) that keeps documents and communities. */
  db: string;
  /** 0.0.0.0 by default; tests use 127.0.0.1. */
  host?: string;
  /** 4500 by default; 0 picks a free port. */
  port?: number;
  /** Serve wss:// with this certificate (tablets on an https page may not open ws:// on a LAN address). */
  tls?: { cert: string; key: string };
  /** Milliseconds of quiet before a changed document is stored (Hocuspocus's debounce; 2000 by default). */
  debounce?: number;
  /** A document that keeps changing is still stored at least this often (10 000 ms by default). */
  maxDebounce?: number;
  maxConnections?: number;
  /** Largest WebSocket frame accepted (a first sync carries a whole document). */
  maxMessageBytes?: number;
  /** Authentication deadline and what a socket may send before it first authenticates (DEFAULT_GUARD). */
  guard?: Partial<GuardLimits>;
  /** How often the tokens of communities with connections are read again (rotation closes sockets; 1500 ms). */
  tokenCheckMs?: number;
  /** Receives event names, counts and at most 4 characters of a community id; never tokens or content. */
  log?: (event: string, detail?: Record<string, string | number>) => void;
}

export interface RunningRelay {
  /** ws:// (or wss://) address for HocuspocusProviderWebsocket. */
  url: string;
  port: number;
  /** Documents in memory (unloaded once nobody is connected) and open WebSockets. */
  stats(): { documents: number; connections: number };
  /** Stores what is pending, drops every connection and closes the database. */
  close(): Promise<void>;
}

/** Thrown from onAuthenticate: an empty message keeps Hocuspocus from logging it; the client gets the reason. */
class Refusal extends Error {
  readonly reason = "permission-denied";
  constructor() {
    super("");
  }
}

/** What a rotation changes of a community's stored hashes. */
const keyOf = (hashes: TokenHashes | null) => (hashes ? `${hashes.write}.${hashes.read}` : null);

/**
 * Starts the relay. Documents are `<community>/workspace` and `<community>/session/<id>`; a connection is
 * allowed when the community was added and the token is its staff token (read-write) or its display token
 * (read-only). Sockets authenticated with tokens that were since rotated are closed within `tokenCheckMs`.
 * @example const relay = await startRelay({ db: "relay.sqlite", host: "127.0.0.1", port: 0 });
 */
export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const {
    host = "0.0.0.0",
    port = 4500,
    debounce = 2000,
    maxDebounce = 10_000,
    maxConnections = 1000,
    maxMessageBytes = 16 * 1024 * 1024,
    tokenCheckMs = 1500,
    log = (event, detail) => console.log(`[relay] ${event}`, detail ?? ""),
  } = options;
  const store = openRelayStore(options.db);
  let storeOpen = true;
  const guard = { ...DEFAULT_GUARD, ...options.guard };
  const sockets = new WeakMap<IncomingMessage, { ws: WebSocket; state: SocketState }>();
  const rotations = watchRotations(
    (community) => keyOf(store.communityHashes(community)),
    tokenCheckMs,
    (community, count) =>
      log("closed sockets of rotated tokens", { community: logId(community), sockets: count }),
  );

  const authenticate = async ({ documentName, token, connectionConfig, request }: onAuthenticatePayload) => {
    const community = communityOf(documentName);
    if (community === null) {
      log("refused: document name outside the scheme");
      throw new Refusal();
    }
    const hashes = store.communityHashes(community);
    const access = hashes === null ? null : accessFor(hashes, token ?? "");
    if (access === null) {
      log(hashes === null ? "refused: unknown community" : "refused: wrong token", {
        community: logId(community),
      });
      throw new Refusal();
    }
    // Hocuspocus then drops this connection's sync updates (and says so to the client) instead of applying them;
    // the socket's guard drops the rest of what a read-only connection could send to others.
    if (access === "read-only") connectionConfig.readOnly = true;
    const socket = sockets.get(request);
    if (socket) {
      socket.state.authenticated = true;
      socket.state.readOnly ||= access === "read-only";
      rotations.admitted(socket.ws, community, keyOf(hashes)!);
    }
  };

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce,
    maxDebounce,
    // The default: a document nobody is connected to is stored and then unloaded, so memory stays bounded.
    unloadImmediately: true,
    onAuthenticate: authenticate,
    // A tablet's "these sessions changed" notice on its community's workspace goes to the community's other
    // tablets (never stored); a display's, or anything malformed, goes nowhere.
    onStateless: async ({ connection, document, documentName, payload }) => {
      if (connection.readOnly || !documentName.endsWith("/workspace")) return;
      const changed = parseChangedNotice(payload);
      if (changed) document.broadcastStateless(changedNotice(changed), (other) => other !== connection);
    },
    extensions: [
      new Database({
        fetch: async ({ documentName }) => store.fetchDocument(documentName),
        store: async ({ documentName, state }) => {
          if (storeOpen) store.storeDocument(documentName, state);
        },
      }),
    ],
  });

  const onRequest = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Yishi relay\n");
  };
  const server = options.tls ? createHttpsServer(options.tls, onRequest) : createServer(onRequest);
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (wss.clients.size >= maxConnections) {
      log("refused: too many connections", { connections: wss.clients.size });
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.setMaxListeners(Number.POSITIVE_INFINITY); // one listener per document on the socket
      ws.on("error", () => ws.terminate()); // e.g. a frame over maxPayload
      ws.on("close", () => log("connection closed", { connections: wss.clients.size }));
      log("connection opened", { connections: wss.clients.size });
      sockets.set(request, { ws, state: guardSocket(ws, guard, (event) => log(event)) });
      hocuspocus.handleConnection(ws, request);
    });
  });

  let actual: number;
  try {
    actual = await listen(server, port, host);
  } catch (error) {
    rotations.stop();
    store.close();
    throw error;
  }
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  const pendingStore = (name: string) => `onStoreDocument-${name}`;

  return {
    url: `${options.tls ? "wss" : "ws"}://${shownHost}:${actual}`,
    port: actual,
    stats: () => ({ documents: hocuspocus.getDocumentsCount(), connections: wss.clients.size }),
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Dropping the sockets runs Hocuspocus's last-connection path: store now, then unload.
      for (const ws of wss.clients) ws.terminate();
      const deadline = Date.now() + 5000;
      while (
        (hocuspocus.getDocumentsCount() > 0 || hocuspocus.loadingDocuments.size > 0) &&
        Date.now() < deadline
      )
        await new Promise((r) => setTimeout(r, 20));
      for (const name of hocuspocus.documents.keys())
        if (hocuspocus.debouncer.isDebounced(pendingStore(name)))
          await hocuspocus.debouncer.executeNow(pendingStore(name));
      storeOpen = false;
      rotations.stop();
      store.close();
      server.closeAllConnections();
      await new Promise<void>((done) => wss.close(() => done()));
      await closed;
    },
  };
}

/** `--name value` from the command line. */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dbPath = resolve(flag("db") ?? process.env.RELAY_DB ?? "relay.sqlite");
  // An admin command without its id is refused (the id check), rather than starting the relay.
  if (process.argv.includes("--add-community"))
    return addCommunityCommand(dbPath, flag("add-community") ?? "");
  if (process.argv.includes("--rotate-token")) return rotateTokenCommand(dbPath, flag("rotate-token") ?? "");
  redactConsole();
  const host = flag("host") ?? process.env.RELAY_HOST ?? "0.0.0.0";
  const port = Number(flag("port") ?? process.env.RELAY_PORT ?? 4500);
  const certFile = flag("cert") ?? process.env.YISHI_CERT;
  const keyFile = flag("key") ?? process.env.YISHI_KEY;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error("Yishi relay cannot start: --port must be a number from 0 to 65535.");
    process.exit(2);
  }
  if ((certFile === undefined) !== (keyFile === undefined)) {
    console.error("Yishi relay cannot start: give both --cert FILE and --key FILE, or neither.");
    process.exit(2);
  }
  const tls =
    certFile && keyFile
      ? { cert: readFileSync(certFile, "utf8"), key: readFileSync(keyFile, "utf8") }
      : undefined;
  const relay = await startRelay({ db: dbPath, host, port, tls }).catch((error: unknown) => {
    if (!(error instanceof PortBusyError)) throw error;
    console.error(
      `Yishi relay cannot start: ${error.message} (is the relay already running?). Stop it, or use --port.`,
    );
    process.exit(1);
  });
  const scheme = tls ? "wss" : "ws";
  console.log(`Yishi relay listening on ${relay.url}`);
  const lan = host === "0.0.0.0" || host === "::" ? lanAddresses() : [];
  for (const ip of lan) console.log(`  tablets on the local network: ${scheme}://${ip}:${relay.port}`);
  if (!tls)
    console.log(
      "  Without --cert/--key, tablets whose app is served over https can reach it only as localhost.",
    );
  console.log(`Documents are kept in ${dbPath}. Stop with Ctrl+C.`);
  const stop = () => void relay.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
