import type { AccessMessages } from "./zh.ts";

export const accessEn: AccessMessages = {
  "access.heading": "This community's tablets",
  "access.explain":
    "Only staff tablets on the list can change the community; a display only shows. A removed tablet is sent nothing more, and no tablet accepts its changes.",
  "access.inviteStaff": "Invite a staff tablet",
  "access.inviteDisplay": "Invite a display",
  "access.invitation.staff": "Invitation for a staff tablet (valid 24 hours, once)",
  "access.invitation.display": "Invitation for a display (valid 24 hours, once)",
  "access.invitationInstructions":
    "On the other tablet, scan the QR code, or type the invitation code under “Pair with a community” on the home screen:",
  "access.invitationCode": "Invitation code",
  "access.invitationQr": "QR code of the invitation link",
  "access.expires": "valid until {time}",
  "access.withdraw": "Withdraw invitation {code}",
  "access.openInvitations":
    "{count, plural, one {# more invitation is open} other {# more invitations are open}}",
  "access.members": "On the list",
  "access.role.staff": "Staff tablet",
  "access.role.display": "Display",
  "access.online": "online",
  "access.notSeen": "not seen since this page opened",
  "access.lastSeen": "last seen {time}",
  "access.thisTablet": "this tablet",
  "access.removed": "removed",
  "access.remove": "Remove {name}",
  "access.removeConfirm":
    "Remove “{name}”? It will receive nothing more of this community and none of its changes will be accepted. This cannot be undone.",
  "access.unnamed": "Unnamed tablet",
  "access.strangers": "Tablets asking to join",
  "access.strangerExplain":
    "These tablets hold the community's pairing code but are not on the list (for example, paired before this version). Admit only tablets you know.",
  "access.admitStaff": "Admit {name} as a staff tablet",
  "access.admitDisplay": "Admit {name} as a display",
  "access.turnAway": "Turn {name} away",
  "access.displayNoInvite": "A display cannot invite tablets.",
  "access.repairDisplay": "This display must be paired again: make a “display invitation” on a staff tablet.",
  "access.oldCode":
    "This is a pairing code of an earlier version: it no longer admits a tablet. Make an invitation on one of the community's staff tablets.",
};
