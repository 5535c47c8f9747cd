// Sends a peer's frames in order without overfilling its data channel: RTCDataChannel.send throws once the
// bytes queued on it would pass its limit (16 MiB in Chromium), and a first sync of a large workspace is
// more than that in one message. Past HIGH_WATER_BYTES the rest wait, in order, for the channel to drain.

/** Bytes queued on a data channel past which frames wait (well under every browser's send-queue limit). */
export const HIGH_WATER_BYTES = 4 * 1024 * 1024;
/** While frames wait, the channel is looked at this often too (in case no `bufferedamountlow` comes). */
const POLL_MS = 25;

interface Channel {
  bufferedAmount?: number;
  addEventListener?(type: "bufferedamountlow", fn: () => void): void;
  removeEventListener?(type: "bufferedamountlow", fn: () => void): void;
}

/** The parts of a simple-peer instance the sender looks at. */
interface DrainedPeer {
  _channel?: Channel | null;
  destroyed?: boolean;
  destroying?: boolean;
  destroy(error?: Error): void;
}

/** Frames waiting for each peer's channel to drain, with their total size; absent: none wait. */
const waiting = new WeakMap<object, { frames: Uint8Array[]; bytes: number }>();

const buffered = (peer: DrainedPeer): number => peer._channel?.bufferedAmount ?? 0;
/** An empty channel takes any frame, so one larger than the mark still goes. */
const hasRoom = (peer: DrainedPeer, frame: Uint8Array): boolean => {
  const queued = buffered(peer);
  return queued === 0 || queued + frame.length <= HIGH_WATER_BYTES;
};

/** Bytes of `peer`'s frames waiting here (not yet handed to the data channel). */
export function waitingBytes(peer: object): number {
  return waiting.get(peer)?.bytes ?? 0;
}

/**
 * Sends `frames` to `peer` with `send` (simple-peer's own send) after every frame sent to it before, as
 * fast as its channel drains. Throws as `send` does for the frames sent at once (a destroyed peer); a frame
 * that fails later destroys the peer (y-webrtc then reconnects, and the re-sync repairs everything).
 */
export function sendDrained(peer: object, frames: Uint8Array[], send: (frame: Uint8Array) => void): void {
  const queued = waiting.get(peer);
  if (queued) {
    for (const f of frames) queued.frames.push(f);
    queued.bytes += frames.reduce((n, f) => n + f.length, 0);
    return;
  }
  const target = peer as DrainedPeer;
  let i = 0;
  while (i < frames.length && hasRoom(target, frames[i]!)) send(frames[i++]!);
  if (i === frames.length) return;
  const rest = frames.slice(i);
  const entry = { frames: rest, bytes: rest.reduce((n, f) => n + f.length, 0) };
  waiting.set(peer, entry);
  void drain(target, entry, send);
}

async function drain(
  peer: DrainedPeer,
  entry: { frames: Uint8Array[]; bytes: number },
  send: (frame: Uint8Array) => void,
): Promise<void> {
  let next = 0;
  try {
    while (next < entry.frames.length) {
      if (peer.destroyed || peer.destroying) return; // what waited is lost with the connection
      if (!hasRoom(peer, entry.frames[next]!)) {
        await drained(peer);
        continue;
      }
      const f = entry.frames[next]!;
      entry.frames[next++] = EMPTY; // sent frames are not kept alive by the queue
      entry.bytes -= f.length;
      send(f);
    }
  } catch (e) {
    peer.destroy(e instanceof Error ? e : new Error(String(e)));
  } finally {
    waiting.delete(peer);
  }
}

const EMPTY = new Uint8Array(0);

/** Resolves when the channel says its queue fell low, or after POLL_MS, whichever comes first. */
function drained(peer: DrainedPeer): Promise<void> {
  const channel = peer._channel;
  return new Promise((done) => {
    const end = () => {
      clearTimeout(timer);
      channel?.removeEventListener?.("bufferedamountlow", end);
      done();
    };
    const timer = setTimeout(end, POLL_MS);
    channel?.addEventListener?.("bufferedamountlow", end);
  });
}
