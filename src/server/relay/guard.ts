// What the relay lets through of a socket's frames before Hocuspocus reads them: a socket must authenticate
// within a deadline and may queue only a little before it does; no one may make the relay broadcast on its
// behalf (BroadcastStateless); a read-only connection (a display) may ask for state and nothing else (no
// updates, no stateless messages, no awareness), so nothing it sends reaches another tablet.
import * as decoding from "lib0/decoding";
import type { RawData, WebSocket } from "ws";

/** Hocuspocus's message types (@hocuspocus/server 3.4.4, MessageType) and y-protocols' sync step 1. */
const SYNC = 0;
const AWARENESS = 1;
const SYNC_REPLY = 4;
const STATELESS = 5;
const BROADCAST_STATELESS = 6;
const SYNC_STEP_1 = 0;

export interface GuardLimits {
  /** A socket that has not authenticated a document this long after opening is closed. */
  authDeadlineMs: number;
  /** Frames, bytes and distinct document names a socket may send before its first authentication. */
  framesBeforeAuth: number;
  bytesBeforeAuth: number;
  namesBeforeAuth: number;
}

/**
 * A tablet opens all of a community's documents on one socket at once (a year of sessions: a few hundred
 * names, an authentication and a sync step 1 each) before the first answer arrives; a stranger's socket may
 * queue no more than that.
 */
export const DEFAULT_GUARD: GuardLimits = {
  authDeadlineMs: 10_000,
  framesBeforeAuth: 4096,
  bytesBeforeAuth: 8 * 1024 * 1024,
  namesBeforeAuth: 2048,
};

/** What the relay knows of one socket: whether it authenticated, and with the read-only token. */
export interface SocketState {
  authenticated: boolean;
  readOnly: boolean;
}

type Verdict = "pass" | "drop" | "close";

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * Screens `ws`'s incoming frames before any other listener sees them (Hocuspocus reads "message" events),
 * closing it when it does not authenticate in time or sends too much first. Returns its state, which the
 * relay's authentication marks.
 */
export function guardSocket(ws: WebSocket, limits: GuardLimits, log: (event: string) => void): SocketState {
  const state: SocketState = { authenticated: false, readOnly: false };
  const names = new Set<string>();
  let frames = 0;
  let bytes = 0;
  const logged = new Set<string>();
  const once = (event: string) => {
    if (!logged.has(event)) log(event);
    logged.add(event);
  };
  const deadline = setTimeout(() => {
    if (state.authenticated) return;
    log("closed a socket that did not authenticate in time");
    ws.terminate();
  }, limits.authDeadlineMs);
  deadline.unref();
  ws.once("close", () => clearTimeout(deadline));

  const screen = (data: Uint8Array): Verdict => {
    let name: string;
    let type: number;
    let syncType = -1;
    try {
      const d = decoding.createDecoder(data);
      name = decoding.readVarString(d);
      type = decoding.readVarUint(d);
      if (type === SYNC || type === SYNC_REPLY) syncType = decoding.readVarUint(d);
    } catch {
      once("closed a socket that sent a malformed frame");
      return "close";
    }
    if (!state.authenticated) {
      frames++;
      bytes += data.length;
      names.add(name);
      if (
        frames > limits.framesBeforeAuth ||
        bytes > limits.bytesBeforeAuth ||
        names.size > limits.namesBeforeAuth
      ) {
        log("closed a socket that sent too much before authenticating");
        return "close";
      }
    }
    if (type === BROADCAST_STATELESS) {
      once("dropped a broadcast a client asked for");
      return "drop";
    }
    if (state.readOnly) {
      const asks = (type === SYNC || type === SYNC_REPLY) && syncType === SYNC_STEP_1;
      if (type === AWARENESS || type === STATELESS || ((type === SYNC || type === SYNC_REPLY) && !asks)) {
        once("dropped what a read-only connection sent for others");
        return "drop";
      }
    }
    return "pass";
  };

  const emit = ws.emit.bind(ws);
  ws.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== "message") return emit(event, ...args);
    const verdict = screen(bytesOf(args[0] as RawData));
    if (verdict === "close") ws.terminate();
    return verdict === "pass" ? emit(event, ...args) : false;
  }) as typeof ws.emit;
  return state;
}
