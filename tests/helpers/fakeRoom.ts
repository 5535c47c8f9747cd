// The parts of a y-webrtc Room that PeerSync reads (its connections, peer id, document, awareness and the
// update handlers it registers), as the tests' fake providers hold them.
export interface FakeRoom {
  webrtcConns: Map<string, unknown>;
  peerId: string;
  doc: unknown;
  awareness: unknown;
  _docUpdateHandler(): void;
  _awarenessUpdateHandler(): void;
}

/** A fake provider's room for `doc`, with no connection yet. */
export const fakeRoom = (doc: unknown): FakeRoom => ({
  webrtcConns: new Map(),
  peerId: "our-peer",
  doc,
  awareness: { _observers: new Map() },
  _docUpdateHandler() {},
  _awarenessUpdateHandler() {},
});
