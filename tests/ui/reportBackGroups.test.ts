// The report-back item's two lists (and the closed ones): still being handled, resolved and waiting for
// the resident's feedback; by the matter's status now, else by its status when the session began.
import { describe, expect, it } from "vitest";
import { groupReportBack, reportBackGroup } from "../../src/ui/reportBackGroups.ts";

describe("report-back groups", () => {
  it("splits by the matter's status now, keeping the order", () => {
    const items = [
      { id: "a", now: "escalated", then: "open" },
      { id: "b", now: "resolved", then: "inProgress" },
      { id: "c", now: undefined, then: "resolved" },
      { id: "d", now: "open", then: "resolved" },
      { id: "e", now: "closed", then: "resolved" },
    ];
    const groups = groupReportBack(items, (i) => reportBackGroup(i.now, i.then));
    expect(groups.map((g) => [g.group, g.items.map((i) => i.id)])).toEqual([
      ["handling", ["a", "d"]],
      ["awaitingFeedback", ["b", "c"]],
      ["closed", ["e"]],
    ]);
  });

  it("leaves empty groups out and reads an unknown status as still being handled", () => {
    expect(groupReportBack([{ s: "weird" }], (i) => reportBackGroup(i.s, "")).map((g) => g.group)).toEqual([
      "handling",
    ]);
    expect(groupReportBack([], () => "closed")).toEqual([]);
  });
});
