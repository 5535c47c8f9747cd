// The gate of a session room shared by its code: a staff code's holder proves the write secret on each
// connection and is heard; a display code's holder is sent everything and heard only for requests; a proof
// made on one connection is worth nothing on another.
import { describe, expect, it } from "vitest";
import { sendMux } from "../../src/sync/chunkedPeer.ts";
import { newDeviceIdentity, type DeviceIdentity } from "../../src/sync/deviceKey.ts";
import { encodeAuth, invitationProof, sdpFingerprint, transcript } from "../../src/sync/peerAuth.ts";
import { PeerGate } from "../../src/sync/peerGate.ts";
import { sessionRoomAccess, WRITE_INVITATION, writeSecret } from "../../src/sync/sessionAccess.ts";
import { displayCodeOf, parseShareCode, type ShareCode } from "../../src/sync/shareCode.ts";
import { fakeConnection, pump, yStep1, yUpdate, type FakePeer } from "./gateHarness.ts";

const TIMEOUT = 30_000;
const STAFF = parseShareCode("K7QD-3M9X-F2PA-W8TN-5HJ2-R0QC-9A")!;
const DISPLAY = displayCodeOf(STAFF);

interface SessionTablet {
  identity: DeviceIdentity;
  gate: PeerGate;
}

async function tablet(code: ShareCode, identity?: DeviceIdentity): Promise<SessionTablet> {
  const id = identity ?? (await newDeviceIdentity()).identity;
  return { identity: id, gate: new PeerGate(await sessionRoomAccess(code, id, "tablet")) };
}

async function connect(a: SessionTablet, b: SessionTablet) {
  const conn = fakeConnection();
  a.gate.attach(conn.a);
  b.gate.attach(conn.b);
  await pump(conn);
  return conn;
}

/** How many y-webrtc messages `to` got after `send` on the other end. */
async function after(conn: { a: FakePeer; b: FakePeer }, to: FakePeer, send: () => void) {
  to.pushed.length = 0;
  send();
  await pump(conn);
  return to.pushed.length;
}

const fingerprintsOf = (peer: FakePeer) => {
  const pc = (
    peer as unknown as { _pc: { localDescription: { sdp: string }; remoteDescription: { sdp: string } } }
  )._pc;
  return {
    local: sdpFingerprint(pc.localDescription.sdp)!,
    remote: sdpFingerprint(pc.remoteDescription.sdp)!,
  };
};

describe("session room access", () => {
  it(
    "hears a tablet that proved the staff code's write secret",
    async () => {
      const [A, B] = [await tablet(STAFF), await tablet(STAFF)];
      const conn = await connect(A, B);
      expect(A.gate.roleOf(conn.a)).toBe("staff");
      expect(B.gate.roleOf(conn.b)).toBe("staff");
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toBe(1);
      expect(await after(conn, conn.b, () => conn.a.send(yUpdate()))).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "drops every change from a display code's holder, passes its requests, and still sends it everything",
    async () => {
      const [A, D] = [await tablet(STAFF), await tablet(DISPLAY)];
      const conn = await connect(A, D);
      expect(A.gate.roleOf(conn.a)).toBe("display");
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toBe(0);
      expect(await after(conn, conn.a, () => conn.b.send(yStep1()))).toBe(1);
      // The display accepts what staff sends: it receives every update.
      expect(D.gate.roleOf(conn.b)).toBe("staff");
      expect(await after(conn, conn.b, () => conn.a.send(yUpdate()))).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "refuses a write secret of another staff code",
    async () => {
      const other = { ...STAFF, write: "0000000000" };
      const [A, B] = [await tablet(STAFF), await tablet(other)];
      const conn = await connect(A, B);
      expect(A.gate.roleOf(conn.a)).toBe("display");
      expect(await after(conn, conn.a, () => conn.b.send(yUpdate()))).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "takes a proof only on the connection it was made for",
    async () => {
      const A = await tablet(STAFF);
      // B proved the secret on a first connection ...
      const B = await tablet(STAFF);
      const first = await connect(A, B);
      expect(A.gate.roleOf(first.a)).toBe("staff");
      // ... and the same tablet (same key) on a second connection, with only the display code, is a display.
      const again = await tablet(DISPLAY, B.identity);
      const second = await connect(A, again);
      expect(A.gate.roleOf(second.a)).toBe("display");
      expect(await after(second, second.a, () => second.b.send(yUpdate()))).toBe(0);

      // A display with its own key, signing this connection, passing on a proof recorded elsewhere.
      const { identity: M } = await newDeviceIdentity();
      const third = fakeConnection();
      A.gate.attach(third.a);
      const mine = fingerprintsOf(third.b);
      const elsewhere = fingerprintsOf(first.b);
      const secret = await writeSecret({ ...STAFF, write: STAFF.write! });
      const recorded = await invitationProof(
        secret,
        "invitee",
        transcript(STAFF.room, elsewhere.local, elsewhere.remote),
      );
      const signature = await M.sign(transcript(STAFF.room, mine.local, mine.remote));
      sendMux(
        third.b,
        encodeAuth({
          kind: "hello",
          device: M.id,
          name: "M",
          signature,
          invitation: WRITE_INVITATION,
          proof: recorded,
        }),
      );
      await pump(third);
      expect(A.gate.roleOf(third.a)).toBe("display");
      expect(await after(third, third.a, () => third.b.send(yUpdate()))).toBe(0);

      // B's own HELLO of the first connection, replayed on a fourth: its signature does not fit, refused.
      const fourth = fakeConnection();
      A.gate.attach(fourth.a);
      const bSigned = await B.identity.sign(transcript(STAFF.room, elsewhere.local, elsewhere.remote));
      sendMux(
        fourth.b,
        encodeAuth({
          kind: "hello",
          device: B.identity.id,
          name: "B",
          signature: bSigned,
          invitation: WRITE_INVITATION,
          proof: recorded,
        }),
      );
      await pump(fourth);
      expect(A.gate.roleOf(fourth.a)).toBeNull();
      expect(await after(fourth, fourth.a, () => fourth.b.send(yUpdate()))).toBe(0);
    },
    TIMEOUT,
  );
});
