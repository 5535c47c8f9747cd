import type { AccessMessages } from "./zh.ts";

export const accessUg: AccessMessages = {
  "access.heading": "بۇ مەھەللىنىڭ تاختا كومپيۇتېرلىرى",
  "access.explain":
    "پەقەت تىزىملىكتىكى خىزمەت تاختىلىرىلا مەھەللىنى ئۆزگەرتەلەيدۇ؛ ئېكران پەقەت كۆرسىتىدۇ. چىقىرىۋېتىلگەن تاختىغا ھېچنەرسە ئەۋەتىلمەيدۇ، ئۇنىڭ ئۆزگەرتىشى قوبۇل قىلىنمايدۇ.",
  "access.inviteStaff": "خىزمەت تاختىسى تەكلىپ قىلىش",
  "access.inviteDisplay": "ئېكران تەكلىپ قىلىش",
  "access.invitation.staff": "خىزمەت تاختىسى تەكلىپى (24 سائەت، بىر قېتىم)",
  "access.invitation.display": "ئېكران تەكلىپى (24 سائەت، بىر قېتىم)",
  "access.invitationInstructions":
    "يەنە بىر تاختىدا QR كودنى سىكانېرلاڭ، ياكى باش بەتتىكى «مەھەللىگە ئۇلىنىش» دا تەكلىپ كودىنى كىرگۈزۈڭ:",
  "access.invitationCode": "تەكلىپ كودى",
  "access.invitationQr": "تەكلىپ ئۇلىنىشىنىڭ QR كودى",
  "access.expires": "{time} غىچە كۈچكە ئىگە",
  "access.withdraw": "{code} تەكلىپىنى قايتۇرۇۋېلىش",
  "access.openInvitations": "{count, plural, other {يەنە # تەكلىپ ئوچۇق}}",
  "access.members": "تىزىملىك",
  "access.role.staff": "خىزمەت تاختىسى",
  "access.role.display": "ئېكران",
  "access.online": "توردا",
  "access.notSeen": "بۇ بەت ئېچىلغاندىن بۇيان كۆرۈنمىدى",
  "access.lastSeen": "ئاخىرقى قېتىم {time}",
  "access.thisTablet": "بۇ تاختا",
  "access.removed": "چىقىرىۋېتىلگەن",
  "access.remove": "{name} نى چىقىرىۋېتىش",
  "access.removeConfirm":
    "«{name}» چىقىرىۋېتىلسۇنمۇ؟ ئۇ بۇ مەھەللىدىن ھېچنەرسە تاپشۇرۇۋالمايدۇ، ئۆزگەرتىشلىرى قوبۇل قىلىنمايدۇ. قايتۇرغىلى بولمايدۇ.",
  "access.unnamed": "ئاتسىز تاختا",
  "access.strangers": "قوشۇلۇشنى سورىغان تاختىلار",
  "access.strangerExplain":
    "بۇ تاختىلاردا مەھەللىنىڭ جۈپلەش كودى بار، ئەمما تىزىملىكتە يوق (مەسىلەن، بۇ نەشردىن بۇرۇن جۈپلەنگەن). پەقەت تونۇيدىغان تاختىلارنىلا قوبۇل قىلىڭ.",
  "access.admitStaff": "{name} نى خىزمەت تاختىسى قىلىپ قوبۇل قىلىش",
  "access.admitDisplay": "{name} نى ئېكران قىلىپ قوبۇل قىلىش",
  "access.turnAway": "{name} نى رەت قىلىش",
  "access.displayNoInvite": "ئېكران تاختا تەكلىپ قىلالمايدۇ.",
  "access.repairDisplay": "بۇ ئېكراننى قايتا جۈپلەش كېرەك: خىزمەت تاختىسىدا «ئېكران تەكلىپى» ھاسىل قىلىڭ.",
  "access.oldCode":
    "بۇ كونا نەشرنىڭ جۈپلەش كودى، ئەمدى تاختا قوبۇل قىلمايدۇ. مەھەللىنىڭ خىزمەت تاختىسىدا تەكلىپ ھاسىل قىلىڭ.",
};
