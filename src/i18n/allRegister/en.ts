import type { AllRegisterMessages } from "./zh.ts";

export const allRegisterEn: AllRegisterMessages = {
  "allRegister.link": "Register of every community",
  "allRegister.heading": "Register of every community",
  "allRegister.scope": "{n, plural, one {# community} other {# communities}} on this tablet",
  "allRegister.listLabel": "Matters of every community's register",
  "allRegister.zones": "Today and overdue are reckoned in each community's own time zone.",
  "allRegister.talkPointOf": "{community} · {name}",
  "allRegister.noCommunities": "This tablet holds no community yet.",
  "allRegister.figureLink":
    "{figure}: show the {n, plural, one {# matter} other {# matters}} in the register of every community",
  "allRegister.figureLinkShort": "In the register of every community",
};
