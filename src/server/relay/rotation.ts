// Closing the sockets of a community whose tokens were rotated (`--rotate-token`, usually another process on
// the same SQLite file): the relay polls the token hashes of communities with connections, every second or so.
import type { WebSocket } from "ws";

/** What the watch knows: each socket, the communities it authenticated for and the hashes in force then. */
export interface RotationWatch {
  /** `ws` authenticated a document of `community` while its tokens hashed to `key`. */
  admitted(ws: WebSocket, community: string, key: string): void;
  stop(): void;
}

/** How long a closed socket may take to answer the close before it is terminated. */
const CLOSE_GRACE_MS = 1000;

/**
 * Every `everyMs`, reads `current(community)` (the key of its tokens now, or null once it is gone) once per
 * community some socket authenticated for, and closes each socket that authenticated with other tokens.
 * Its providers reconnect by themselves and are refused with the old token; the new one works at once.
 * @example const watch = watchRotations((id) => keyOf(store.communityHashes(id)), 1500, log);
 */
export function watchRotations(
  current: (community: string) => string | null,
  everyMs: number,
  closed: (community: string, sockets: number) => void,
): RotationWatch {
  const admitted = new Map<WebSocket, Map<string, string>>();

  const close = (ws: WebSocket) => {
    admitted.delete(ws);
    // 4403 as Hocuspocus's Forbidden; a client that never answers the close frame is cut off.
    ws.close(4403, "token rotated");
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
  };

  const check = () => {
    const keys = new Map<string, string | null>();
    const keyOf = (community: string) => {
      if (!keys.has(community)) keys.set(community, current(community));
      return keys.get(community);
    };
    const counts = new Map<string, number>();
    for (const [ws, communities] of admitted)
      for (const [community, key] of communities) {
        if (keyOf(community) === key) continue;
        close(ws);
        counts.set(community, (counts.get(community) ?? 0) + 1);
        break;
      }
    for (const [community, sockets] of counts) closed(community, sockets);
  };

  const timer = setInterval(() => {
    try {
      check();
    } catch {
      // The file busy or closing: the next round checks again.
    }
  }, everyMs);
  timer.unref();

  return {
    admitted(ws, community, key) {
      let communities = admitted.get(ws);
      if (!communities) {
        if (ws.readyState !== ws.OPEN) return;
        communities = new Map();
        admitted.set(ws, communities);
        ws.once("close", () => admitted.delete(ws));
      }
      communities.set(community, key);
    },
    stop: () => clearInterval(timer),
  };
}
