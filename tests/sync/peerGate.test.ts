// The community room's gate on real (patched) simple-peer message paths: a display reads and never writes,
// a stranger or a removed tablet gets nothing and is heard by no one, a forged HELLO is refused, and an
// invitation admits once.
import { describe, expect, it } from "vitest";
import { sendMux } from "../../src/sync/chunkedPeer.ts";
import { encodeSync } from "../../src/sync/muxProtocol.ts";
import { encodeAuth, transcript } from "../../src/sync/peerAuth.ts";
import { newDeviceIdentity } from "../../src/sync/deviceKey.ts";
import { memberRole, removeMember } from "../../src/doc/community/members.ts";
import * as Y from "yjs";
import { fakeConnection, list, pump, tablet, yStep1, yUpdate, type FakePeer } from "./gateHarness.ts";

const TIMEOUT = 30_000;

async function connected(roles: { aSeesB: "staff" | "display" | null; bSeesA: "staff" | "display" | null }) {
  const [A, B] = [await tablet({ name: "A" }), await tablet({ name: "B" })];
  for (const t of [A, B]) {
    if (roles.aSeesB && t === A) list(A, B, roles.aSeesB);
    if (roles.bSeesA && t === B) list(B, A, roles.bSeesA);
    list(t, t, "staff");
  }
  const conn = fakeConnection();
  A.gate.attach(conn.a);
  B.gate.attach(conn.b);
  await pump(conn);
  return { A, B, conn };
}

/** What `to` got (y-webrtc stream and mux) after `send` on the other end. */
async function after(conn: { a: FakePeer; b: FakePeer }, to: FakePeer, send: () => void) {
  to.pushed.length = 0;
  to.mux.length = 0;
  send();
  await pump(conn);
  return { pushed: to.pushed.length, mux: to.mux.length };
}

describe("peer gate", () => {
  it(
    "lets two staff tablets exchange everything, and holds what arrived before the HELLO",
    async () => {
      const [A, B] = [await tablet(), await tablet()];
      list(A, B, "staff");
      list(B, A, "staff");
      const conn = fakeConnection();
      A.gate.attach(conn.a);
      // B's update leaves before A's gate has verified B: held, then handed on once B is known.
      B.gate.attach(conn.b);
      expect(A.gate.roleOf(conn.a)).toBeNull();
      await pump(conn);
      expect(A.gate.roleOf(conn.a)).toBe("staff");
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toEqual({ pushed: 1, mux: 0 });
      expect(
        await after(conn, conn.b, () =>
          sendMux(conn.a, encodeSync("s1", 2, Y.encodeStateAsUpdate(new Y.Doc()))),
        ),
      ).toEqual({ pushed: 0, mux: 1 });
    },
    TIMEOUT,
  );

  it(
    "drops every change a display sends, on both channels, and passes its requests",
    async () => {
      const { conn } = await connected({ aSeesB: "display", bSeesA: "staff" });
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toEqual({ pushed: 0, mux: 0 });
      const update = Y.encodeStateAsUpdate(new Y.Doc());
      expect(await after(conn, conn.a, () => sendMux(conn.b, encodeSync("s1", 1, update)))).toEqual({
        pushed: 0,
        mux: 0,
      });
      expect(await after(conn, conn.a, () => sendMux(conn.b, encodeSync("s1", 2, update)))).toEqual({
        pushed: 0,
        mux: 0,
      });
      expect(await after(conn, conn.a, () => conn.b.send(yStep1()))).toEqual({ pushed: 1, mux: 0 });
      // The display reads: what staff sends reaches it.
      expect(await after(conn, conn.b, () => conn.a.send(yUpdate()))).toEqual({ pushed: 1, mux: 0 });
    },
    TIMEOUT,
  );

  it(
    "sends a stranger nothing and hears nothing from it, and tells staff that it asked in",
    async () => {
      const { A, B, conn } = await connected({ aSeesB: null, bSeesA: "staff" });
      expect(A.strangers).toEqual([B.identity.id]);
      expect(await after(conn, conn.a, () => conn.b.send(yStep1()))).toEqual({ pushed: 0, mux: 0 });
      expect(await after(conn, conn.b, () => conn.a.send(yUpdate()))).toEqual({ pushed: 0, mux: 0 });
      // Admitted on A: from then on both ways.
      list(A, B, "staff");
      expect(A.gate.roleOf(conn.a)).toBe("staff");
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toEqual({ pushed: 1, mux: 0 });
    },
    TIMEOUT,
  );

  it(
    "cuts a tablet off the moment it is removed, and the removal survives any later admission",
    async () => {
      const { A, B, conn } = await connected({ aSeesB: "staff", bSeesA: "staff" });
      // A replica that has not heard of the removal yet.
      const again = await tablet();
      Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(A.doc));
      removeMember(A.doc, B.identity.id, A.identity.id);
      expect(A.gate.roleOf(conn.a)).toBeNull();
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toEqual({ pushed: 0, mux: 0 });
      expect(await after(conn, conn.b, () => conn.a.send(yUpdate()))).toEqual({ pushed: 0, mux: 0 });
      // A concurrent admission on another replica merges in: still removed.
      list(again, B, "display");
      Y.applyUpdate(A.doc, Y.encodeStateAsUpdate(again.doc));
      expect(memberRole(A.doc, B.identity.id)).toBeNull();
    },
    TIMEOUT,
  );

  it(
    "refuses a HELLO signed for another connection (a relayed or replayed one) and one of another key",
    async () => {
      const A = await tablet();
      const { identity: B } = await newDeviceIdentity();
      list(A, { identity: B } as never, "staff");
      const conn = fakeConnection();
      A.gate.attach(conn.a);
      // Signed for fingerprints of some other connection: what a peer in the middle could pass on.
      const signature = await B.sign(transcript("c1", "sha-256 00", "sha-256 11"));
      const hello = {
        kind: "hello",
        device: B.id,
        name: "B",
        signature,
        invitation: "",
        proof: new Uint8Array(),
      } as const;
      sendMux(conn.b, encodeAuth(hello));
      await pump(conn);
      expect(A.gate.roleOf(conn.a)).toBeNull();
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toEqual({ pushed: 0, mux: 0 });
      expect(conn.b.pushed.length + conn.b.mux.filter((m) => m[0] !== 64).length).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "takes what is told (the relay setting) from staff only, and tells staff only",
    async () => {
      const { A, B, conn } = await connected({ aSeesB: "display", bSeesA: "staff" });
      sendMux(conn.b, encodeAuth({ kind: "tell", field: "relay", value: "from a display" }));
      await pump(conn);
      expect(A.told).toEqual([]);
      A.gate.tellStaff("relay", "to a display");
      await pump(conn);
      expect(B.told).toEqual([]);
      const staff = await connected({ aSeesB: "staff", bSeesA: "staff" });
      staff.B.gate.tellStaff("relay", "wss://relay");
      await pump(staff.conn);
      expect(staff.A.told).toEqual(["relay=wss://relay"]);
    },
    TIMEOUT,
  );
});
