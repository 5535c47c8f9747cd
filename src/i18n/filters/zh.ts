// Messages of the register's filters folded into a summary line on narrow and portrait screens. Chinese: the master; the other languages are typed against it.
export const filtersZh = {
  "filters.label": "筛选",
  "filters.all": "全部事项",
  "filters.separator": " · ",
  "filters.change": "更改",
  "filters.changeLabel": "更改台账的筛选：{summary}",
  "filters.done": "完成",
  "filters.doneLabel": "完成：收起台账的筛选",
  "filters.urgent": "急难愁盼",
  "filters.notUrgent": "非急难愁盼",
  "filters.overdue": "逾期未办",
  "filters.ackOverdue": "吹哨超期未报到",
  "filters.text": "含“{text}”",
  "filters.owner": "负责：{owner}",
  "filters.location": "地点：{location}",
  "filters.from": "{date}起提出",
  "filters.to": "{date}及以前提出",
  "filters.between": "{from}至{to}提出",
  "filters.sessions": "{n, plural, other {# 次议事}}中提出",
  "filters.ids": "报表统计的 {n, plural, other {# 件}}",
} as const;

export type FiltersMessages = Record<keyof typeof filtersZh, string>;
