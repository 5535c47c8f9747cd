// Messages of the home screen: the next session, communities first, the rarer things behind one button (typed against the Chinese master).
import type { HomeMessages } from "./zh.ts";

export const homeEn: HomeMessages = {
  "home.next.heading": "Next session",
  "home.next.today": "Today",
  "home.next.todayCount": "{n, plural, one {# session} other {# sessions}} today",
  "home.next.startOf": "Start session: {name}",
  "home.next.none": "Not scheduled",
  "home.community.countOf": "{label}, in {name}'s register",
  "home.more.summary": "More: join a session, import, this tablet",
  "home.countsRegister":
    "Issues {issues} (urgent {urgent}, resolved {resolved}) · votes {votes} · follow-ups {followUps}",
  "home.more.communities": "Add a community",
};
