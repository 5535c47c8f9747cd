// Documents this tablet stopped syncing on the relay's socket, until the relay has answered the close.
// Hocuspocus routes every message by document name, so a name attached again before that answer would get
// it and count itself closed (unauthenticated, unsynced) while the relay keeps sending: the open session
// would stay stale. Attaching a name waits for the answer, a short cap, or a new connection.
import * as decoding from "lib0/decoding";
import { MessageType, type HocuspocusProviderWebsocket } from "@hocuspocus/provider";

/** A close the relay never answers (a refused document, a lost message) stops blocking after this long. */
const CLOSE_ANSWER_MS = 3_000;

/** The document name and message type a relay message starts with (null when it is not one). */
export function relayMessageHead(data: unknown): { name: string; type: number } | null {
  try {
    const bytes =
      data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
    if (!bytes) return null;
    const decoder = decoding.createDecoder(bytes);
    const name = decoding.readVarString(decoder);
    return { name, type: decoding.readVarUint(decoder) };
  } catch {
    return null;
  }
}

export class ClosingNames {
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();

  /** `onSettled` runs whenever a name may be attached again. */
  constructor(
    private readonly socket: HocuspocusProviderWebsocket,
    private readonly onSettled: () => void,
  ) {
    socket.on("message", this.onMessage);
    socket.on("close", this.onClose);
  }

  /** Name `name` was just closed on the open socket. */
  add(name: string): void {
    clearTimeout(this.waiting.get(name));
    this.waiting.set(
      name,
      setTimeout(() => this.settle(name), CLOSE_ANSWER_MS),
    );
  }

  has(name: string): boolean {
    return this.waiting.has(name);
  }

  private settle(name: string): void {
    if (!this.waiting.has(name)) return;
    clearTimeout(this.waiting.get(name));
    this.waiting.delete(name);
    this.onSettled();
  }

  private readonly onMessage = (event: { data?: unknown }): void => {
    const head = relayMessageHead(event?.data);
    if (head && head.type === MessageType.CLOSE) this.settle(head.name);
  };

  // A new connection starts with nothing open on the relay's side.
  private readonly onClose = (): void => {
    if (this.waiting.size === 0) return;
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    this.onSettled();
  };

  destroy(): void {
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    this.socket.off("message", this.onMessage);
    this.socket.off("close", this.onClose);
  }
}
