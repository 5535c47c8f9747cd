// Pairing invitations through the real gate and the workspace's member list: an invitation admits one tablet
// with the role it was made for, the newcomer trusts only the tablet holding the secret, a second use, an
// expired or withdrawn invitation admits no one.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  createCommunityAccess,
  createInvitation,
  withdrawInvitation,
} from "../../src/reactive/roomAccess.ts";
import { admitMember, memberRole, readInvitation, type MemberRole } from "../../src/doc/community/members.ts";
import { newDeviceIdentity, type DeviceIdentity } from "../../src/sync/deviceKey.ts";
import { PeerGate } from "../../src/sync/peerGate.ts";
import { invitationId, parseInvitationCode } from "../../src/sync/invitation.ts";
import { invitationVerifier } from "../../src/sync/peerAuth.ts";
import { newShareCode } from "../../src/sync/shareCode.ts";
import { fakeConnection, pump, yUpdate } from "../sync/gateHarness.ts";

const TIMEOUT = 30_000;

async function inviter() {
  const { identity } = await newDeviceIdentity();
  const doc = new Y.Doc();
  admitMember(doc, { device: identity.id, role: "staff", name: "A", by: identity.id });
  const community = createCommunityAccess("c1", "c1", doc, identity, "A", () => {});
  return { identity, doc, gate: new PeerGate(community.access), community };
}

async function newcomer(text: string) {
  const { identity } = await newDeviceIdentity();
  const doc = new Y.Doc();
  const inv = parseInvitationCode(text)!;
  const id = invitationId(await invitationVerifier(inv.secret));
  const community = createCommunityAccess("c1", "c1", doc, identity, "N", () => {});
  const gate = new PeerGate({ ...community.access, pairing: { invitation: id, secret: inv.secret } });
  return { identity, doc, gate };
}

async function meet(a: { gate: PeerGate }, n: { gate: PeerGate }) {
  const conn = fakeConnection();
  a.gate.attach(conn.a);
  n.gate.attach(conn.b);
  await pump(conn);
  return conn;
}

const invite = async (A: { doc: Y.Doc; identity: DeviceIdentity }, role: MemberRole, now?: number) =>
  createInvitation(A.doc, "c1", newShareCode(), role, A.identity.id, now);

describe("invitations", () => {
  it(
    "admit one tablet with the invitation's role; the newcomer trusts the inviter; a second use is refused",
    async () => {
      const A = await inviter();
      const { id, invitation } = await invite(A, "display");
      const N = await newcomer(invitation.text);
      const conn = await meet(A, N);
      expect(memberRole(A.doc, N.identity.id)).toBe("display");
      expect(readInvitation(A.doc, id)?.closed).toBe("used");
      expect(A.gate.roleOf(conn.a)).toBe("display");
      expect(N.gate.roleOf(conn.b)).toBe("staff");
      // The display is sent A's data, and its changes are dropped.
      conn.b.pushed.length = 0;
      conn.a.send(yUpdate());
      await pump(conn);
      expect(conn.b.pushed.length).toBe(1);
      conn.a.pushed.length = 0;
      conn.b.send(yUpdate());
      await pump(conn);
      expect(conn.a.pushed.length).toBe(0);

      const M = await newcomer(invitation.text);
      const second = await meet(A, M);
      expect(memberRole(A.doc, M.identity.id)).toBeNull();
      expect(A.gate.roleOf(second.a)).toBeNull();
      expect(M.gate.roleOf(second.b)).toBeNull();
    },
    TIMEOUT,
  );

  it(
    "admit no one once withdrawn or expired, and a newcomer trusts no tablet without the secret",
    async () => {
      const A = await inviter();
      const withdrawn = await invite(A, "staff");
      withdrawInvitation(A.doc, withdrawn.id);
      const N = await newcomer(withdrawn.invitation.text);
      const conn = await meet(A, N);
      expect(memberRole(A.doc, N.identity.id)).toBeNull();
      expect(N.gate.roleOf(conn.b)).toBeNull();

      const expired = await invite(A, "staff", Date.now() - 25 * 60 * 60 * 1000);
      const late = await newcomer(expired.invitation.text);
      await meet(A, late);
      expect(memberRole(A.doc, late.identity.id)).toBeNull();

      // Another staff tablet, which never held this invitation's secret, cannot admit nor be trusted.
      const open = await invite(A, "staff");
      const B = await inviter();
      Y.applyUpdate(B.doc, Y.encodeStateAsUpdate(A.doc));
      // (One test process holds every tablet's secrets: B's gate is given none, as on its own browser.)
      B.gate = new PeerGate({ ...B.community.access, invitationSecret: () => null });
      const P = await newcomer(open.invitation.text);
      const other = await meet(B, P);
      expect(memberRole(B.doc, P.identity.id)).toBeNull();
      expect(P.gate.roleOf(other.b)).toBeNull();
    },
    TIMEOUT,
  );
});
