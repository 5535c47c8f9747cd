// The community's tablets and what each may do, in its workspace: who is a member (staff: writes; display:
// reads), who was removed, and the pairing invitations. Every receiving tablet checks a peer against this
// list (src/sync/peerGate.ts); since only staff tablets' updates are accepted, only staff change it.
//
// Merge rules: a removal is for good (the `removedMembers` set only grows, and a removed tablet is no member
// whatever its entry says); an invitation, once closed (used or withdrawn), stays closed.
import type * as Y from "yjs";
import { changeWorkspace } from "./workspaceDoc.ts";
import { isObject, num, str } from "./plainValues.ts";
import { DocError } from "../docError.ts";

export type MemberRole = "staff" | "display";

export interface Member {
  device: string;
  role: MemberRole;
  name: string;
  /** The device that admitted this one (itself for the tablet that founded the list). */
  by: string;
  /** The invitation it was admitted with ("" when admitted by hand or founding). */
  invitation: string;
  removed: boolean;
}

export interface Invitation {
  id: string;
  role: MemberRole;
  /** Hex SHA-256 of the secret: the workspace never holds the secret itself. */
  verifier: string;
  /** Milliseconds since the epoch, by the inviting tablet's clock. */
  expires: number;
  by: string;
  /** "used" by a tablet, "withdrawn" by staff, or null while open. */
  closed: "used" | "withdrawn" | null;
}

/** Pairing invitations last this long unless withdrawn or used. */
export const INVITATION_MS = 24 * 60 * 60 * 1000;
const NAME_CHARS = 60;

export function memberRoots(doc: Y.Doc) {
  return {
    members: doc.getMap<unknown>("members"),
    removedMembers: doc.getMap<unknown>("removedMembers"),
    invitations: doc.getMap<unknown>("invitations"),
    closedInvitations: doc.getMap<unknown>("closedInvitations"),
  };
}

const roleOf = (v: unknown): MemberRole | null => (v === "staff" || v === "display" ? v : null);

/** What `device` may do in this community now: null for a stranger or a removed tablet. */
export function memberRole(doc: Y.Doc, device: string): MemberRole | null {
  const r = memberRoots(doc);
  if (r.removedMembers.has(device)) return null;
  const entry = r.members.get(device);
  return isObject(entry) ? roleOf(entry.role) : null;
}

/** Every tablet ever admitted, removed ones included (marked), in admission order of the device ids. */
export function listMembers(doc: Y.Doc): Member[] {
  const r = memberRoots(doc);
  const out: Member[] = [];
  for (const [device, entry] of r.members) {
    const role = isObject(entry) ? roleOf(entry.role) : null;
    if (!role || !isObject(entry)) continue;
    const name = str(entry.name).slice(0, NAME_CHARS);
    const removed = r.removedMembers.has(device);
    out.push({ device, role, name, by: str(entry.by), invitation: str(entry.invitation), removed });
  }
  return out.sort((a, b) => Number(a.removed) - Number(b.removed) || a.name.localeCompare(b.name));
}

/** True once the list has a member: before that (a workspace of an older version) no one is checked yet. */
export function hasMembers(doc: Y.Doc): boolean {
  return memberRoots(doc).members.size > 0;
}

/** Adds `device` with `role` (admitting a removed tablet again is refused: removal is for good). */
export function admitMember(
  doc: Y.Doc,
  m: { device: string; role: MemberRole; name: string; by: string; invitation?: string },
): void {
  changeWorkspace(doc, () => {
    const r = memberRoots(doc);
    if (r.removedMembers.has(m.device)) throw new DocError("readOnly");
    const name = m.name.trim().slice(0, NAME_CHARS);
    r.members.set(m.device, { role: m.role, name, by: m.by, invitation: m.invitation ?? "" });
  });
}

/** The invitation `device` was admitted with ("" if none). */
export function admittedWith(doc: Y.Doc, device: string): string {
  const entry = memberRoots(doc).members.get(device);
  return isObject(entry) ? str(entry.invitation) : "";
}

/** Removes `device` for good: no tablet that knows of it accepts or sends it anything again. */
export function removeMember(doc: Y.Doc, device: string, by: string): void {
  if (device === by) throw new DocError("outOfRange", { field: "device" });
  changeWorkspace(doc, () => memberRoots(doc).removedMembers.set(device, { by }));
}

export function addInvitation(doc: Y.Doc, inv: Omit<Invitation, "closed">): void {
  changeWorkspace(doc, () => {
    const { id, role, verifier, expires, by } = inv;
    memberRoots(doc).invitations.set(id, { role, verifier, expires, by });
  });
}

/** Closes an invitation for good (used once, or withdrawn). */
export function closeInvitation(doc: Y.Doc, id: string, how: "used" | "withdrawn", device = ""): void {
  changeWorkspace(doc, () => {
    const closed = memberRoots(doc).closedInvitations;
    if (!closed.has(id)) closed.set(id, { how, device });
  });
}

export function readInvitation(doc: Y.Doc, id: string): Invitation | null {
  const r = memberRoots(doc);
  const raw = r.invitations.get(id);
  const role = isObject(raw) ? roleOf(raw.role) : null;
  if (!isObject(raw) || !role) return null;
  const closedRaw = r.closedInvitations.get(id);
  const how = isObject(closedRaw) ? closedRaw.how : null;
  const closed =
    how === "used" || how === "withdrawn" ? how : r.closedInvitations.has(id) ? "withdrawn" : null;
  return { id, role, verifier: str(raw.verifier), expires: num(raw.expires), by: str(raw.by), closed };
}

/** Invitations still open at `now`. */
export function openInvitations(doc: Y.Doc, now: number): Invitation[] {
  const out: Invitation[] = [];
  for (const id of memberRoots(doc).invitations.keys()) {
    const inv = readInvitation(doc, id);
    if (inv && !inv.closed && inv.expires > now) out.push(inv);
  }
  return out.sort((a, b) => a.expires - b.expires);
}
