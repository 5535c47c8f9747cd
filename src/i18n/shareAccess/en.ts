import type { ShareAccessMessages } from "./zh.ts";

export const shareAccessEn: ShareAccessMessages = {
  "shareAccess.staffHeading": "For another staff tablet",
  "shareAccess.staffExplain": "A tablet with this code can change the session: give it to staff only.",
  "shareAccess.displayHeading": "For the residents' screen",
  "shareAccess.displayExplain":
    "This code only shows the session: no tablet accepts changes from a device that holds only it.",
  "shareAccess.staffCode": "Join code for another staff tablet",
  "shareAccess.displayCode": "Join code for the residents' screen",
  "shareAccess.staffLink": "Join link for another staff tablet",
  "shareAccess.displayLink": "Join link for the residents' screen",
  "shareAccess.staffQr": "QR code of the join link for another staff tablet",
  "shareAccess.displayQr": "QR code of the join link for the residents' screen",
  "shareAccess.upgraded":
    "This session has a new staff join code: other staff tablets must join again with it.",
  "shareAccess.displayOnly":
    "This is a display code: this device joins as the residents' screen and only shows.",
  "join.badCode": "That join code is not valid: it has 16 or 26 letters and digits.",
};
