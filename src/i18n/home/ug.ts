// Messages of the home screen: the next session, communities first, the rarer things behind one button (typed against the Chinese master).
import type { HomeMessages } from "./zh.ts";

export const homeUg: HomeMessages = {
  "home.next.heading": "كېيىنكى يىغىن",
  "home.next.today": "بۈگۈن",
  "home.next.todayCount": "بۈگۈن {n, plural, other {# يىغىن}} بار",
  "home.next.startOf": "يىغىننى باشلاش: {name}",
  "home.next.none": "ۋاقتى بېكىتىلمىگەن",
  "home.community.countOf": "{label}، {name} خاتىرە دەپتىرىدە",
  "home.more.summary": "تېخىمۇ كۆپ: يىغىنغا قوشۇلۇش، ئەكىرىش، بۇ تاختا كومپيۇتېر",
  "home.countsRegister":
    "مەسىلە {issues} (جىددىي-قىيىن {urgent}، ھەل قىلىنغىنى {resolved}) · ئاۋاز بېرىش {votes} · ئىز قوغلاش {followUps}",
  "home.more.communities": "مەھەللە قوشۇش",
};
