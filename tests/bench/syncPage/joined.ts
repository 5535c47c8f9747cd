// Joining a y-webrtc room on the sync bench page.
import type { WebrtcProvider } from "y-webrtc";

interface Signalling {
  signalingConns: {
    on(ev: "message", fn: (m: Record<string, unknown>) => void): void;
    off(ev: "message", fn: (m: Record<string, unknown>) => void): void;
  }[];
}

/**
 * Resolves once the signalling server has echoed our own announce in `room`, i.e. we are in the room.
 * The second tablet then joins a room someone is already in: if both announce at once, y-webrtc's offer
 * glare handling can fail ("setLocalDescription … have-remote-offer") and leave a half-open connection
 * that only PeerSync's 8 s "stuck" restart recovers from.
 */
export function joined(p: WebrtcProvider, room: string, timeoutMs = 5000): Promise<boolean> {
  const conns = (p as unknown as Signalling).signalingConns;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      for (const c of conns) c.off("message", onMessage);
      resolve(ok);
    };
    const onMessage = (m: Record<string, unknown>) => {
      if (m.type === "publish" && m.topic === room) done(true);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    for (const c of conns) c.on("message", onMessage);
  });
}
