// Messages of the register's filters folded into a summary line on narrow and portrait screens (typed against the Chinese master).
import type { FiltersMessages } from "./zh.ts";

export const filtersZhHant: FiltersMessages = {
  "filters.label": "篩選",
  "filters.all": "全部事項",
  "filters.separator": " · ",
  "filters.change": "變更",
  "filters.changeLabel": "變更台帳的篩選：{summary}",
  "filters.done": "完成",
  "filters.doneLabel": "完成：收合台帳的篩選",
  "filters.urgent": "急難愁盼",
  "filters.notUrgent": "非急難愁盼",
  "filters.overdue": "逾期未辦",
  "filters.ackOverdue": "吹哨逾期未報到",
  "filters.text": "含「{text}」",
  "filters.owner": "負責：{owner}",
  "filters.location": "地點：{location}",
  "filters.from": "{date}起提出",
  "filters.to": "{date}以前提出",
  "filters.between": "{from}至{to}提出",
  "filters.sessions": "{n, plural, other {# 次議事}}中提出",
  "filters.ids": "報表統計的 {n, plural, other {# 件}}",
};
