// Messages of the home screen: the next session, communities first, the rarer things behind one button. Chinese: the master; the other languages are typed against it.
export const homeZh = {
  "home.next.heading": "下次议事",
  "home.next.today": "今天",
  "home.next.todayCount": "今天有 {n, plural, other {# 场议事}}",
  "home.next.startOf": "开始议事：{name}",
  "home.next.none": "未排定",
  "home.community.countOf": "{label}（{name}的台账）",
  "home.more.summary": "更多：加入议事、导入、本机设置",
  "home.countsRegister":
    "问题 {issues}（急难愁盼 {urgent}，已解决 {resolved}）· 表决 {votes} · 跟进 {followUps}",
  "home.more.communities": "添加社区",
} as const;

export type HomeMessages = Record<keyof typeof homeZh, string>;
