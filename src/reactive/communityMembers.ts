// The community's member list and invitations as signals for the UI, and the staff's actions on them
// (the UI never touches Yjs: it reads and writes through this).
import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";
import type * as Y from "yjs";
import {
  hasMembers,
  listMembers,
  memberRoots,
  openInvitations,
  removeMember,
  type Invitation,
  type Member,
  type MemberRole,
} from "../doc/community/members.ts";
import type { ShareCode } from "../sync/shareCode.ts";
import type { InvitationCode } from "../sync/invitation.ts";
import { createInvitation, withdrawInvitation } from "./roomAccess.ts";

export interface CommunityMembers {
  members: Accessor<Member[]>;
  /** False for a workspace of an older version whose list no staff tablet has founded yet. */
  listed: Accessor<boolean>;
  openInvitations: Accessor<Invitation[]>;
  invite(
    code: ShareCode,
    role: MemberRole,
    by: string,
  ): Promise<{ id: string; invitation: InvitationCode; expires: number }>;
  withdraw(id: string): void;
  remove(device: string, by: string): void;
}

/** Must run inside a Solid owner (a component): it stops observing when that is disposed. */
export function createCommunityMembers(handle: { id: string; doc: Y.Doc }): CommunityMembers {
  const [version, setVersion] = createSignal(0);
  createEffect(() => {
    const roots = Object.values(memberRoots(handle.doc));
    const bump = () => setVersion((v) => v + 1);
    for (const root of roots) root.observe(bump);
    onCleanup(() => {
      for (const root of roots) root.unobserve(bump);
    });
  });
  // Expiry is by the clock: a minute's tick is enough for "valid until".
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));
  return {
    members: () => (version(), listMembers(handle.doc)),
    listed: () => (version(), hasMembers(handle.doc)),
    openInvitations: () => (version(), openInvitations(handle.doc, now())),
    invite: (code, role, by) => createInvitation(handle.doc, handle.id, code, role, by),
    withdraw: (id) => withdrawInvitation(handle.doc, id),
    remove: (device, by) => removeMember(handle.doc, device, by),
  };
}
