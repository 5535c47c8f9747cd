// The report-back item's matters in the groups the table goes through them: those still being handled,
// those resolved and waiting for the resident's feedback (the next step is to tell them and record it), and
// those closed since. A matter's current status decides; one the register does not hold (yet) goes by the
// status it had when the session began.
import type { MatterStatus } from "../doc/community/matterSchema.ts";

export type ReportBackGroup = "handling" | "awaitingFeedback" | "closed";
export const REPORT_BACK_GROUPS: readonly ReportBackGroup[] = ["handling", "awaitingFeedback", "closed"];

const GROUP_OF: Record<MatterStatus, ReportBackGroup> = {
  open: "handling",
  inProgress: "handling",
  escalated: "handling",
  acknowledged: "handling",
  resolved: "awaitingFeedback",
  closed: "closed",
  withdrawn: "closed",
};

/** The group of a matter whose status is `now` (or, unknown, was `then`). */
export function reportBackGroup(now: string | undefined, then: string): ReportBackGroup {
  return GROUP_OF[(now ?? then) as MatterStatus] ?? "handling";
}

/** `items` split into the groups, each keeping the items' order; empty groups left out. */
export function groupReportBack<T>(
  items: readonly T[],
  groupOf: (item: T) => ReportBackGroup,
): { group: ReportBackGroup; items: T[] }[] {
  return REPORT_BACK_GROUPS.map((group) => ({
    group,
    items: items.filter((i) => groupOf(i) === group),
  })).filter((g) => g.items.length > 0);
}
