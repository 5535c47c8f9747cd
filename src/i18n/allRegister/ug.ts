import type { AllRegisterMessages } from "./zh.ts";

export const allRegisterUg: AllRegisterMessages = {
  "allRegister.link": "بارلىق مەھەللىلەرنىڭ خاتىرە دەپتىرى",
  "allRegister.heading": "بارلىق مەھەللىلەرنىڭ خاتىرە دەپتىرى",
  "allRegister.scope": "بۇ تاختا كومپيۇتېردىكى {n, plural, other {# مەھەللە}}",
  "allRegister.listLabel": "بارلىق مەھەللىلەرنىڭ خاتىرە دەپتىرىدىكى ئىشلار",
  "allRegister.zones": "بۈگۈن ۋە ۋاقتى ئۆتكەن ئىشلار ھەر مەھەللىنىڭ ئۆز ۋاقىت رايونى بويىچە ھېسابلىنىدۇ.",
  "allRegister.talkPointOf": "{community} · {name}",
  "allRegister.noCommunities": "بۇ تاختا كومپيۇتېردا تېخى مەھەللە يوق.",
  "allRegister.figureLink":
    "{figure}: بۇ {n, plural, other {# ئىش}}نى بارلىق مەھەللىلەرنىڭ خاتىرە دەپتىرىدە كۆرۈش",
  "allRegister.figureLinkShort": "بارلىق مەھەللىلەرنىڭ خاتىرە دەپتىرىدە كۆرۈش",
};
