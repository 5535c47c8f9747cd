// Messages of the home screen: the next session, communities first, the rarer things behind one button (typed against the Chinese master).
import type { HomeMessages } from "./zh.ts";

export const homeZhHant: HomeMessages = {
  "home.next.heading": "下次議事",
  "home.next.today": "今天",
  "home.next.todayCount": "今天有 {n, plural, other {# 場議事}}",
  "home.next.startOf": "開始議事：{name}",
  "home.next.none": "未排定",
  "home.community.countOf": "{label}（{name}的台帳）",
  "home.more.summary": "更多：加入議事、匯入、本機設定",
  "home.countsRegister":
    "問題 {issues}（急難愁盼 {urgent}，已解決 {resolved}）· 表決 {votes} · 追蹤 {followUps}",
  "home.more.communities": "新增社區",
};
