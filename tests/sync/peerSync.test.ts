// PeerSync's room watching with y-webrtc replaced by a fake: junk published into the room changes nothing.
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FakeRoom } from "../helpers/fakeRoom.ts";
import { encryptedAnnounce } from "../../src/sync/keyCheck.ts";
import { parseShareCode } from "../../src/sync/shareCode.ts";
import type { PeerSync as PeerSyncType } from "../../src/sync/peerSync.ts";

const fake = await vi.hoisted(async () => {
  const { fakeRoom } = await import("../helpers/fakeRoom.ts");
  /** An AES-GCM key from a password (not y-webrtc's PBKDF2: the tests only need distinct keys, fast). */
  const keyFor = async (password: string) =>
    crypto.subtle.importKey(
      "raw",
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(password)),
      "AES-GCM",
      false,
      ["encrypt", "decrypt"],
    );
  type Listener = (m: unknown) => void;
  const state = { last: null as null | FakeProvider };
  class FakeProvider {
    readonly listeners = new Set<Listener>();
    readonly sent: unknown[] = [];
    failSend = false;
    readonly room: FakeRoom;
    readonly key: Promise<CryptoKey>;
    readonly signalingConns = [
      {
        connected: true,
        send: (m: unknown) => {
          if (this.failSend) throw new Error("socket gone");
          this.sent.push(m);
        },
        on: (_event: string, fn: Listener) => this.listeners.add(fn),
        off: (_event: string, fn: Listener) => this.listeners.delete(fn),
      },
    ];
    awareness: { setLocalStateField(): void; on(): void; off(): void; getStates(): Map<number, unknown> };
    constructor(
      _room: string,
      readonly doc: unknown,
      opts: { password: string },
    ) {
      this.room = fakeRoom(doc);
      this.key = keyFor(opts.password);
      this.awareness = { setLocalStateField() {}, on() {}, off() {}, getStates: () => new Map() };
      state.last = this;
    }
    /** Delivers `m` the way lib0's websocket does: to every listener, an exception aborting the rest. */
    deliver(m: unknown) {
      for (const fn of [...this.listeners]) fn(m);
    }
    destroy() {}
  }
  return { keyFor, state, FakeProvider };
});

vi.mock("y-webrtc", () => ({ WebrtcProvider: fake.FakeProvider }));

const code = parseShareCode("K7QD3M9XF2PAW8TN")!;
const room = code.room;
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 2));
};
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const envelope = (algorithm: string, iv: Uint8Array, cipher: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, algorithm);
  encoding.writeVarUint8Array(e, iv);
  encoding.writeVarUint8Array(e, cipher);
  return toBase64(encoding.toUint8Array(e));
};
const junk = [
  "%%% not base64 %%%",
  "",
  toBase64(crypto.getRandomValues(new Uint8Array(64))),
  envelope("AES-CBC", new Uint8Array(12), new Uint8Array(32)),
  envelope("AES-GCM", new Uint8Array(3), new Uint8Array(32)),
  envelope("AES-GCM", new Uint8Array(12), new Uint8Array(4)),
];

let sync: PeerSyncType;
let provider: InstanceType<typeof fake.FakeProvider>;
let events: string[];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  vi.stubGlobal("window", new EventTarget());
  const { PeerSync } = await import("../../src/sync/peerSync.ts");
  sync = new PeerSync(new Y.Doc(), {
    code,
    signalingUrl: "ws://signal.invalid",
    role: "facilitator",
    deviceId: "d1",
    deviceName: "Tablet",
  });
  provider = fake.state.last!;
  events = [];
  sync.on("wrongKey", () => events.push("wrongKey"));
  sync.on("stuck", () => events.push("stuck"));
});

afterEach(async () => {
  await sync.destroy();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const publish = (data: unknown, clients = 2) =>
  provider.deliver({ type: "publish", topic: room, data, clients });
const foreign = async () => encryptedAnnounce("stranger", await fake.keyFor("WRONGKEY00"));
const fromPeer = async (from = "their-peer") => encryptedAnnounce(from, await provider.key);
/** Advances the fake clock in poll-sized steps, letting crypto work finish in between. */
const wait = async (ms: number) => {
  for (let t = 0; t < ms; t += 500) {
    vi.advanceTimersByTime(500);
    await settle();
  }
};

describe("PeerSync and messages from outside the room key", () => {
  it("never reports a wrong key, nor answers, for random or malformed data", async () => {
    for (let round = 0; round < 4; round++) {
      for (const data of junk) publish(data, 9);
      await wait(2500);
    }
    expect(events).toEqual([]);
    expect(provider.sent).toEqual([]);
  });

  it("does not report a wrong key once a peer with our key was heard, whatever foreign data follows", async () => {
    publish(await fromPeer());
    await settle();
    for (let i = 0; i < 5; i++) {
      publish(await foreign());
      await wait(1000);
    }
    expect(events).not.toContain("wrongKey");
  });

  it("keeps the stuck recovery working when foreign messages arrive", async () => {
    publish(await fromPeer());
    publish(await foreign());
    await wait(9000);
    expect(events).toEqual(["stuck"]);
  });

  it("does not count a silent subscriber (the server's client count alone) as a peer to get unstuck with", async () => {
    publish(await fromPeer("our-peer"), 2); // our own announce, echoed by the server
    await wait(9000);
    expect(events).toEqual([]);
  });

  it("reports a wrong key to a device that hears only foreign envelopes, after the grace period", async () => {
    publish(await fromPeer("our-peer")); // our own echo does not prove our key to anyone
    publish(await foreign());
    await wait(2000);
    expect(events).toEqual([]);
    await wait(2000);
    expect(events).toEqual(["wrongKey"]);
  });

  it("answers foreign envelopes with our announce at most once per 2 s", async () => {
    const stranger = await foreign();
    for (let i = 0; i < 10; i++) publish(stranger);
    await settle();
    expect(provider.sent).toHaveLength(1);
    await wait(2500);
    publish(stranger);
    await settle();
    expect(provider.sent).toHaveLength(2);
    expect(provider.sent[0]).toMatchObject({ type: "publish", topic: room, data: expect.any(String) });
  });

  it("never throws into the signalling connection's message handlers", () => {
    for (const m of [null, undefined, 7, "publish", [], { type: "publish", topic: room, data: 5 }]) {
      expect(() => provider.deliver(m)).not.toThrow();
    }
    expect(() => publish({ toString: () => "AAAA" })).not.toThrow();
  });

  it("does not leave an unhandled rejection when answering fails", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      provider.failSend = true;
      publish(await foreign());
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});
