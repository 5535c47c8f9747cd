import type { ShareAccessMessages } from "./zh.ts";

export const shareAccessUg: ShareAccessMessages = {
  "shareAccess.staffHeading": "باشقا بىر خىزمەت تاختىسى ئۈچۈن",
  "shareAccess.staffExplain": "بۇ كود بار تاختا بۇ يىغىننى ئۆزگەرتەلەيدۇ: پەقەت خىزمەتچىلەرگىلا بېرىڭ.",
  "shareAccess.displayHeading": "ئاھالىلەر ئېكرانى ئۈچۈن",
  "shareAccess.displayExplain":
    "بۇ كود پەقەت كۆرسىتىدۇ: پەقەت مۇشۇ كودلا بار ئۈسكۈنىنىڭ ئۆزگەرتىشلىرىنى ھېچقايسى تاختا قوبۇل قىلمايدۇ.",
  "shareAccess.staffCode": "خىزمەت تاختىسىنىڭ قوشۇلۇش كودى",
  "shareAccess.displayCode": "ئاھالىلەر ئېكرانىنىڭ قوشۇلۇش كودى",
  "shareAccess.staffLink": "خىزمەت تاختىسىنىڭ قوشۇلۇش ئۇلانمىسى",
  "shareAccess.displayLink": "ئاھالىلەر ئېكرانىنىڭ قوشۇلۇش ئۇلانمىسى",
  "shareAccess.staffQr": "خىزمەت تاختىسى قوشۇلۇش ئۇلانمىسىنىڭ QR كودى",
  "shareAccess.displayQr": "ئاھالىلەر ئېكرانى قوشۇلۇش ئۇلانمىسىنىڭ QR كودى",
  "shareAccess.upgraded":
    "بۇ يىغىننىڭ يېڭى خىزمەت تاختىسى كودى بار: باشقا خىزمەت تاختىلىرى يېڭى كود بىلەن قايتا قوشۇلۇشى كېرەك.",
  "shareAccess.displayOnly":
    "بۇ ئېكران كودى: بۇ ئۈسكۈنە ئاھالىلەر ئېكرانى سۈپىتىدە قوشۇلىدۇ، پەقەت كۆرسىتىدۇ.",
  "join.badCode": "قوشۇلۇش كودى توغرا ئەمەس: ئۇ 16 ياكى 26 ھەرپ ۋە رەقەمدىن تەركىب تاپىدۇ.",
};
