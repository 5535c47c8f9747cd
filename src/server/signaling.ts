// A y-webrtc signalling endpoint on `ws`: topics, publish to subscribers, ping/pong; bounded and content-blind.
import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

export interface SignalingOptions {
  /** URL path of the endpoint on the shared HTTP server. */
  path?: string;
  maxMessageBytes?: number;
  maxConnections?: number;
  /** Sockets one address may hold at once (a stranger on the LAN cannot take every place). */
  maxConnectionsPerAddress?: number;
  /** A socket that has not subscribed to a room this long after opening is closed. */
  subscribeDeadlineMs?: number;
  maxTopicsPerClient?: number;
  /** Sustained messages a second one connection may send; a client over it is dropped. */
  maxMessagesPerSecond?: number;
  /** Messages a connection may send at once above that rate (a tablet joining a full room answers every peer). */
  messageBurst?: number;
  /** Bytes the server may hold for a receiver that is not reading; past it the receiver is dropped. */
  maxBufferedBytes?: number;
  pingIntervalMs?: number;
  /** Receives event names and counts only, never message content (room names are secrets too). */
  log?: (event: string, detail?: Record<string, number>) => void;
}

export interface Signaling {
  close(): Promise<void>;
  stats(): { connections: number; topics: number };
}

export interface SignalingHub extends Signaling {
  /** Serves the endpoint on one more HTTP(S) server; all share one set of rooms. */
  attach(server: HttpServer): void;
}

type Message =
  | { type: "subscribe" | "unsubscribe"; topics: string[] }
  | { type: "publish"; topic: string; [key: string]: unknown }
  | { type: "ping" };

const MAX_TOPIC_LENGTH = 512;
const PONG = JSON.stringify({ type: "pong" });

/**
 * A token bucket: the returned check is true while the caller stays within `perSecond` on average, allowing
 * up to `burst` at once.
 * @example const allow = makeRateLimit(100, 200); if (!allow()) conn.terminate();
 */
export function makeRateLimit(perSecond: number, burst: number, now = Date.now): () => boolean {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/** Parses a client frame; null for anything that is not a well-formed y-webrtc message. */
export function parseMessage(data: RawData | string): Message | null {
  let value: unknown;
  try {
    value = JSON.parse(
      typeof data === "string" ? data : Buffer.isBuffer(data) ? data.toString("utf8") : String(data),
    );
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const m = value as Record<string, unknown>;
  const isTopic = (t: unknown): t is string =>
    typeof t === "string" && t.length > 0 && t.length <= MAX_TOPIC_LENGTH;
  switch (m.type) {
    case "subscribe":
    case "unsubscribe":
      return Array.isArray(m.topics) && m.topics.every(isTopic) ? { type: m.type, topics: m.topics } : null;
    case "publish":
      return isTopic(m.topic) ? (m as Message) : null;
    case "ping":
      return { type: "ping" };
    default:
      return null;
  }
}

/**
 * Serves y-webrtc signalling at `path` on an existing HTTP(S) server.
 * @example const signaling = attachSignaling(server, { path: "/signal" });
 */
export function attachSignaling(server: HttpServer, options: SignalingOptions = {}): Signaling {
  const hub = createSignalingHub(options);
  hub.attach(server);
  return hub;
}

/**
 * A signalling hub that can serve several servers (HTTP on localhost and HTTPS on the LAN), so a tablet on
 * one and a laptop on the other still meet in the same room.
 */
export function createSignalingHub(options: SignalingOptions = {}): SignalingHub {
  const {
    path = "/signal",
    maxMessageBytes = 256 * 1024,
    maxConnections = 200,
    maxConnectionsPerAddress = 32,
    subscribeDeadlineMs = 15_000,
    maxTopicsPerClient = 50,
    maxMessagesPerSecond = 100,
    messageBurst = 2 * maxMessagesPerSecond,
    maxBufferedBytes = 1024 * 1024,
    pingIntervalMs = 30_000,
    log = (event, detail) => console.log(`[signal] ${event}`, detail ?? ""),
  } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const topics = new Map<string, Set<WebSocket>>();
  const alive = new WeakMap<WebSocket, boolean>();

  /** Sends an already serialised frame (a publish is serialised once for all its receivers). */
  const send = (conn: WebSocket, frame: string) => {
    if (conn.readyState !== conn.OPEN) return;
    // A receiver that stopped reading (asleep, or hostile) would make us buffer every publish for it.
    if (conn.bufferedAmount > maxBufferedBytes) {
      log("dropped a receiver that stopped reading");
      conn.terminate();
      return;
    }
    try {
      conn.send(frame);
    } catch {
      conn.terminate();
    }
  };

  const perAddress = new Map<string, number>();
  const refuse = (socket: Duplex, status: string, event: string) => {
    log(event);
    socket.on("error", () => {});
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    // Whatever the peer does next, the socket is gone shortly.
    setTimeout(() => socket.destroy(), 1_000).unref();
  };

  // The only upgrade this server serves: any other request for one is answered and closed, never left open.
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = request.url ?? "";
    // Only an origin-form path of our own ("/signal", "/signal?…"): no "//…", no absolute URLs.
    if (target !== path && !target.startsWith(`${path}?`))
      return refuse(socket, "404 Not Found", "refused an upgrade to another path");
    if (wss.clients.size >= maxConnections)
      return refuse(socket, "503 Service Unavailable", "refused: too many connections");
    const address = request.socket.remoteAddress ?? "";
    const held = perAddress.get(address) ?? 0;
    if (held >= maxConnectionsPerAddress)
      return refuse(socket, "503 Service Unavailable", "refused: too many connections from one address");
    try {
      wss.handleUpgrade(request, socket, head, (conn) => {
        perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
        conn.once("close", () => {
          const left = (perAddress.get(address) ?? 1) - 1;
          if (left <= 0) perAddress.delete(address);
          else perAddress.set(address, left);
        });
        wss.emit("connection", conn, request);
      });
    } catch {
      refuse(socket, "400 Bad Request", "refused a malformed upgrade");
    }
  };
  const servers: HttpServer[] = [];

  /** Takes `conn` out of topic `name`, and forgets the topic once nobody is left in it. */
  const leave = (conn: WebSocket, name: string) => {
    const subs = topics.get(name);
    subs?.delete(conn);
    if (subs?.size === 0) topics.delete(name);
  };

  wss.on("connection", (conn: WebSocket) => {
    const subscribed = new Set<string>();
    const withinRate = makeRateLimit(maxMessagesPerSecond, messageBurst);
    let loggedStrayPublish = false;
    // A socket that joins no room holds a place for nothing: closed after the deadline.
    const deadline = setTimeout(() => {
      if (subscribed.size > 0) return;
      log("closed a socket that did not subscribe in time");
      conn.terminate();
    }, subscribeDeadlineMs);
    deadline.unref();
    alive.set(conn, true);
    conn.on("pong", () => alive.set(conn, true));
    conn.on("error", () => conn.terminate()); // e.g. a frame over maxPayload: ws closes with 1009
    conn.on("close", () => {
      clearTimeout(deadline);
      for (const name of subscribed) leave(conn, name);
      subscribed.clear();
    });
    conn.on("message", (data: RawData, isBinary: boolean) => {
      if (conn.readyState !== conn.OPEN) return; // frames already read when we dropped it
      if (!withinRate()) {
        log("dropped a client over the message rate", { perSecond: maxMessagesPerSecond });
        conn.terminate();
        return;
      }
      const message = isBinary ? null : parseMessage(data);
      if (!message) {
        log("dropped a client that sent a malformed message");
        conn.terminate();
        return;
      }
      if (message.type === "subscribe") {
        for (const name of message.topics) {
          if (subscribed.size >= maxTopicsPerClient && !subscribed.has(name)) {
            log("dropped a client over the topic limit", { topics: subscribed.size });
            conn.terminate();
            return;
          }
          let subs = topics.get(name);
          if (!subs) topics.set(name, (subs = new Set()));
          subs.add(conn);
          subscribed.add(name);
        }
      } else if (message.type === "unsubscribe") {
        for (const name of message.topics) {
          leave(conn, name);
          subscribed.delete(name);
        }
      } else if (message.type === "publish") {
        // Only members publish to a room: otherwise anyone could write into any room whose name they guess.
        if (!subscribed.has(message.topic)) {
          if (!loggedStrayPublish) log("dropped a publish to a topic the sender has not subscribed to");
          loggedStrayPublish = true;
          return;
        }
        const receivers = topics.get(message.topic);
        if (receivers) {
          const frame = JSON.stringify({ ...message, clients: receivers.size });
          for (const receiver of receivers) send(receiver, frame);
        }
      } else {
        send(conn, PONG);
      }
    });
  });

  // Sockets that miss a ping round are dead (a tablet that went to sleep): drop them.
  const pinger = setInterval(() => {
    for (const conn of wss.clients) {
      if (!alive.get(conn)) {
        conn.terminate();
        continue;
      }
      alive.set(conn, false);
      conn.ping();
    }
  }, pingIntervalMs);
  pinger.unref();

  return {
    attach(server) {
      servers.push(server);
      server.on("upgrade", onUpgrade);
    },
    stats: () => ({ connections: wss.clients.size, topics: topics.size }),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(pinger);
        for (const server of servers) server.off("upgrade", onUpgrade);
        for (const conn of wss.clients) conn.terminate();
        wss.close(() => resolve());
      }),
  };
}
