// A community room's access rules (peerGate.ts) read from and written to its workspace: the member list, the
// invitations this tablet made, tablets asking in, and what staff tablets tell (the relay setting).
import type * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import {
  addInvitation,
  admitMember,
  admittedWith,
  closeInvitation,
  hasMembers,
  INVITATION_MS,
  memberRole,
  memberRoots,
  readInvitation,
  type MemberRole,
} from "../doc/community/members.ts";
import type { DeviceIdentity } from "../sync/deviceKey.ts";
import type { RoomAccess } from "../sync/peerGate.ts";
import {
  forgetInvitation,
  heldInvitation,
  holdInvitation,
  invitationId,
  newInvitationCode,
  type InvitationCode,
} from "../sync/invitation.ts";
import { invitationVerifier } from "../sync/peerAuth.ts";
import type { ShareCode } from "../sync/shareCode.ts";

export interface Stranger {
  device: string;
  name: string;
}

export interface CommunityAccess {
  access: RoomAccess;
  /** Tablets with the room key, not on the list, that asked in while this tablet was in the room. */
  strangers: Accessor<Stranger[]>;
  /** Forgets a stranger's request (admitted, or turned away). */
  dismiss(device: string): void;
}

/** Calls `fn` on every change of the member list (local or from a peer). */
export function onMembersChange(doc: Y.Doc, fn: () => void): () => void {
  const { members, removedMembers } = memberRoots(doc);
  const observe = () => fn();
  members.observe(observe);
  removedMembers.observe(observe);
  return () => {
    members.unobserve(observe);
    removedMembers.unobserve(observe);
  };
}

/**
 * A workspace of an older version has no member list: the first staff tablet to open it with this version
 * lists itself (it held write access already). Others it meets must then be admitted by hand, once.
 */
export function foundMemberList(doc: Y.Doc, identity: DeviceIdentity, name: string, staff: boolean): void {
  if (!staff || hasMembers(doc)) return;
  admitMember(doc, { device: identity.id, role: "staff", name, by: identity.id });
}

export function createCommunityAccess(
  communityId: string,
  room: string,
  doc: Y.Doc,
  identity: DeviceIdentity,
  name: string,
  onTell: (field: string, value: string) => void,
): CommunityAccess {
  const [strangers, setStrangers] = createSignal<Stranger[]>([]);
  const access: RoomAccess = {
    room,
    identity,
    name,
    roleOf: (device) => memberRole(doc, device),
    onMembersChange: (fn) => onMembersChange(doc, fn),
    invitationSecret(id, device) {
      const held = heldInvitation(communityId, id);
      const inv = readInvitation(doc, id);
      if (!held || !inv || !(inv.expires > Date.now())) return null;
      // Open, or used by this very device (its pairing was cut off before it heard who admitted it).
      const usable = inv.closed === null || (inv.closed === "used" && admittedWith(doc, device) === id);
      return usable ? held.secret : null;
    },
    admit(device, deviceName, id): MemberRole | null {
      const inv = readInvitation(doc, id);
      if (!inv || inv.closed !== null || memberRoots(doc).removedMembers.has(device)) return null;
      admitMember(doc, { device, role: inv.role, name: deviceName, by: identity.id, invitation: id });
      closeInvitation(doc, id, "used", device);
      return inv.role;
    },
    onStranger(device, deviceName) {
      if (memberRoots(doc).removedMembers.has(device)) return;
      setStrangers((list) => [...list.filter((s) => s.device !== device), { device, name: deviceName }]);
    },
    onTell: (field, value) => onTell(field, value),
  };
  return {
    access,
    strangers,
    dismiss: (device) => setStrangers((list) => list.filter((s) => s.device !== device)),
  };
}

/** Withdraws invitation `id`: closed in the workspace and its secret forgotten here. */
export function withdrawInvitation(doc: Y.Doc, id: string): void {
  closeInvitation(doc, id, "withdrawn");
  forgetInvitation(id);
}

/** Makes an invitation into the community (`code`: its pairing code) for a tablet of `role`. */
export async function createInvitation(
  doc: Y.Doc,
  communityId: string,
  code: ShareCode,
  role: MemberRole,
  by: string,
  now = Date.now(),
): Promise<{ id: string; invitation: InvitationCode; expires: number }> {
  const invitation = newInvitationCode(code);
  const verifier = await invitationVerifier(invitation.secret);
  const id = invitationId(verifier);
  const expires = now + INVITATION_MS;
  await holdInvitation(communityId, invitation, expires);
  addInvitation(doc, { id, role, verifier, expires, by });
  return { id, invitation, expires };
}
