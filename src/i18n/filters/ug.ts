// Messages of the register's filters folded into a summary line on narrow and portrait screens (typed against the Chinese master).
import type { FiltersMessages } from "./zh.ts";

export const filtersUg: FiltersMessages = {
  "filters.label": "سۈزگۈچ",
  "filters.all": "بارلىق ئىشلار",
  "filters.separator": " · ",
  "filters.change": "ئۆزگەرتىش",
  "filters.changeLabel": "خاتىرە دەپتىرىنىڭ سۈزگۈچىنى ئۆزگەرتىش: {summary}",
  "filters.done": "تامام",
  "filters.doneLabel": "تامام: خاتىرە دەپتىرىنىڭ سۈزگۈچىنى يىغىش",
  "filters.urgent": "جىددىي-قىيىن",
  "filters.notUrgent": "جىددىي-قىيىن ئەمەس",
  "filters.overdue": "ۋاقتى ئۆتكەن",
  "filters.ackOverdue": "جاۋاب ۋاقتى ئۆتكەن",
  "filters.text": "«{text}» بار",
  "filters.owner": "مەسئۇل: {owner}",
  "filters.location": "ئورنى: {location}",
  "filters.from": "{date} دىن باشلاپ تەكلىپ قىلىنغان",
  "filters.to": "{date} گىچە تەكلىپ قىلىنغان",
  "filters.between": "{from} دىن {to} گىچە تەكلىپ قىلىنغان",
  "filters.sessions": "{n, plural, other {# قېتىملىق مۇزاكىرىدە}} تەكلىپ قىلىنغان",
  "filters.ids": "دوكلاتتىكى بىر ساندىكى {n, plural, other {# ئىش}}",
};
