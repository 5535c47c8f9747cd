// Relay tests' helpers: a real relay process (spawn, parse its port, SIGKILL), Node clients, the stored state.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { openSqlite } from "../../src/server/relay/store.ts";

const RELAY = resolve("src/server/relay.ts");
const LISTENING = /^Yishi relay listening on (wss?:\/\/[^\s:]+:(\d+))$/m;

/** A relay running in its own process. */
export interface RelayProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Kills it (SIGKILL by default: no chance to store what is pending) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<RelayProcess>();

/** A port that was free a moment ago (bind port 0, read it, release it), to restart a relay on the same port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * Runs the relay's command line with `args` to its end (killing it after `timeoutMs`, as a relay that should
 * have exited would run on); resolves to its exit code and output.
 */
export function runRelayCommand(
  args: string[],
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  // `node --import tsx` runs the relay in this one process (the tsx CLI would start a child we could not kill).
  const child = spawn(process.execPath, ["--import", "tsx", RELAY, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((done) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      done({ code, output });
    }),
  );
}

/** `--add-community`: the staff token the command printed (the line after "Staff token:"). */
export async function addCommunity(db: string, id: string): Promise<string> {
  const { code, output } = await runRelayCommand(["--db", db, "--add-community", id]);
  const token = /^Staff token:\n([A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43})$/m.exec(output)?.[1];
  if (code !== 0 || !token) throw new Error(`--add-community failed (${code}): ${output}`);
  return token;
}

/** Starts `src/server/relay.ts` on 127.0.0.1 and resolves once it printed the line with its port. */
export async function spawnRelay(options: { db: string; port?: number }): Promise<RelayProcess> {
  const args = ["--db", options.db, "--host", "127.0.0.1", "--port", String(options.port ?? 0)];
  const child = spawn(process.execPath, ["--import", "tsx", RELAY, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const relay: RelayProcess = {
    url: "",
    port: 0,
    child,
    output: () => output,
    async kill(signal = "SIGKILL") {
      running.delete(relay);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  running.add(relay);
  const match = await new Promise<RegExpExecArray>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the relay did not start in time:\n${output}`)), 20_000);
    const check = () => {
      const m = LISTENING.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", check);
        done(m);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => fail(new Error(`the relay exited (${code}) before listening:\n${output}`)));
  }).catch(async (error: unknown) => {
    await relay.kill();
    throw error;
  });
  relay.url = match[1]!;
  relay.port = Number(match[2]);
  return relay;
}

/** Kills every relay process still running (for afterAll, also after a failure). */
export async function killAllRelays(): Promise<void> {
  await Promise.all([...running].map((relay) => relay.kill()));
}

/** One Node client: a document synced with one relay document over a (possibly shared) socket. */
export interface RelayClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Reasons of every authenticationFailed event so far. */
  failures: string[];
  /** The scope of the last authenticated event ("read-write" or "readonly"). */
  scope(): string | undefined;
  /** Times the provider reported being synced (once per connection). */
  syncs(): number;
  destroy(): void;
}

/** A shared socket that reconnects quickly (tests restart relays). */
export function relaySocket(url: string): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 400,
    factor: 1.5,
    maxAttempts: 0,
  });
}

/** Opens `name` on the relay with `token`, on `socket` or a new socket of its own. */
export function relayClient(
  url: string,
  name: string,
  token: string | null,
  socket = relaySocket(url),
): RelayClient {
  const doc = new Y.Doc();
  const failures: string[] = [];
  let scope: string | undefined;
  let syncs = 0;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
    onAuthenticated: (data) => (scope = data.scope),
    onSynced: () => (syncs += 1),
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    failures,
    scope: () => scope,
    syncs: () => syncs,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** The stored row of `name` in the relay's SQLite file, or null when it has none. */
export function storedBytes(db: string, name: string): Uint8Array | null {
  const sqlite = openSqlite(db, { readonly: true });
  try {
    const row = sqlite.prepare("SELECT data FROM documents WHERE name = ?").get(name) as
      { data: Uint8Array } | undefined;
    return row ? new Uint8Array(row.data) : null;
  } finally {
    sqlite.close();
  }
}

/** A fresh document holding the stored state of `name` (empty when nothing is stored). */
export function storedDoc(db: string, name: string): Y.Doc {
  const doc = new Y.Doc();
  const bytes = storedBytes(db, name);
  if (bytes) Y.applyUpdate(doc, bytes);
  return doc;
}

/** True when two documents hold the same updates (state vector) and `read` sees the same content in both. */
export function sameState(a: Y.Doc, b: Y.Doc, read: (doc: Y.Doc) => unknown): boolean {
  const sv = (d: Y.Doc) => Buffer.from(Y.encodeStateVector(d)).toString("base64");
  return sv(a) === sv(b) && JSON.stringify(read(a)) === JSON.stringify(read(b));
}

/** Waits until `check` holds, polling; throws with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
