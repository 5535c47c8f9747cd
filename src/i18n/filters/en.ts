// Messages of the register's filters folded into a summary line on narrow and portrait screens (typed against the Chinese master).
import type { FiltersMessages } from "./zh.ts";

export const filtersEn: FiltersMessages = {
  "filters.label": "Filters",
  "filters.all": "All matters",
  "filters.separator": " · ",
  "filters.change": "Change",
  "filters.changeLabel": "Change the register's filters: {summary}",
  "filters.done": "Done",
  "filters.doneLabel": "Done: fold the register's filters",
  "filters.urgent": "urgent-hard",
  "filters.notUrgent": "not urgent-hard",
  "filters.overdue": "overdue",
  "filters.ackOverdue": "acknowledgement overdue",
  "filters.text": "containing “{text}”",
  "filters.owner": "owner: {owner}",
  "filters.location": "place: {location}",
  "filters.from": "raised from {date}",
  "filters.to": "raised until {date}",
  "filters.between": "raised {from} to {to}",
  "filters.sessions": "raised in {n, plural, one {# session} other {# sessions}}",
  "filters.ids": "{n, plural, one {# matter} other {# matters}} of a report figure",
};
