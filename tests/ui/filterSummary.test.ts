// The summary line of the register's filters (folded on a tablet): every filter in force in the UI language,
// joined by " · ", named (departments, categories, talk points, communities) rather than by id, with plural
// counts, each phrase isolated in Uyghur; "All matters" when no filter is in force.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RegisterFilter } from "../../src/doc/community/registerQuery.ts";
import { setLang } from "../../src/i18n/i18n.ts";
import { filterSummary, filterSummaryParts, type SummaryNames } from "../../src/ui/filterSummary.ts";

const NAMES: SummaryNames = {
  department: (id) => ({ "d-power": "电力局" })[id] ?? id,
  category: (id) => ({ utilities: "Water, power, gas" })[id] ?? id,
  talkPoint: (id) => ({ tp1: "有一说一说事点" })[id] ?? id,
  community: (id) => ({ c1: "老城路社区" })[id] ?? id,
  categoryByName: (key) => ({ parking: "Parking" })[key] ?? key,
};

beforeEach(() => setLang("en"));
afterEach(() => setLang("zh"));

describe("filterSummary", () => {
  it("says all matters when no filter is in force, and leaves the default order out", () => {
    expect(filterSummary({}, NAMES)).toBe("All matters");
    expect(filterSummary({ sort: "raised" }, NAMES)).toBe("All matters");
    expect(filterSummary({ text: "  " }, NAMES)).toBe("All matters");
  });

  it("names statuses, overdue and the department as the brief's example", () => {
    const f: RegisterFilter = { statuses: ["open"], overdue: true, departmentId: "d-power" };
    expect(filterSummary(f, NAMES)).toBe("Open · overdue · 电力局");
    expect(filterSummary({ statuses: ["open", "escalated"] }, NAMES)).toBe("Open, Escalated");
  });

  it("names every filter in force", () => {
    const f: RegisterFilter = {
      communityId: "c1",
      statuses: ["inProgress"],
      text: "电表",
      owner: "张三",
      location: "鸿雁小区",
      categoryId: "utilities",
      talkPointId: "tp1",
      from: "2024-01-01",
      to: "2024-01-31",
      urgent: true,
      ackOverdue: true,
      sort: "due",
    };
    expect(filterSummaryParts(f, NAMES)).toEqual([
      "老城路社区",
      "In progress",
      "urgent-hard",
      "acknowledgement overdue",
      "Water, power, gas",
      "有一说一说事点",
      "containing “电表”",
      "owner: 张三",
      "place: 鸿雁小区",
      "raised 1 Jan 2024 to 31 Jan 2024",
      "Soonest due first",
    ]);
    expect(filterSummaryParts({ from: "2024-01-01" }, NAMES)).toEqual(["raised from 1 Jan 2024"]);
    expect(filterSummaryParts({ to: "2024-01-31" }, NAMES)).toEqual(["raised until 31 Jan 2024"]);
    expect(filterSummaryParts({ urgent: false }, NAMES)).toEqual(["not urgent-hard"]);
    expect(filterSummaryParts({ category: "parking", department: "电力局" }, NAMES)).toEqual([
      "电力局",
      "Parking",
    ]);
    // An id the names do not know is shown as it is.
    expect(filterSummary({ departmentId: "d-gone" }, NAMES)).toBe("d-gone");
  });

  it("counts linked sessions and matters in plural forms", () => {
    expect(filterSummary({ sessionIds: ["s1"] }, NAMES)).toBe("raised in 1 session");
    expect(filterSummary({ sessionIds: ["s1", "s2"], ids: ["m1"] }, NAMES)).toBe(
      "raised in 2 sessions · 1 matter of a report figure",
    );
    expect(filterSummary({ ids: ["m1", "m2", "m3"] }, NAMES)).toBe("3 matters of a report figure");
  });

  it("is worded in each UI language, with its list separator", () => {
    const f: RegisterFilter = { statuses: ["open", "escalated"], overdue: true, departmentId: "d-power" };
    setLang("zh");
    expect(filterSummary(f, NAMES)).toBe("待办、已吹哨 · 逾期未办 · 电力局");
    expect(filterSummary({}, NAMES)).toBe("全部事项");
    expect(filterSummary({ ids: ["m1", "m2"] }, NAMES)).toBe("报表统计的 2 件");
    setLang("zh-Hant");
    expect(filterSummary(f, NAMES)).toBe("待辦、已吹哨 · 逾期未辦 · 电力局");
    expect(filterSummary({}, NAMES)).toBe("全部事項");
    setLang("ug");
    const ug = filterSummary(f, NAMES);
    // Each phrase isolated, so Chinese names side by side keep the right-to-left order of the line.
    expect(ug.split(" · ")).toHaveLength(3);
    for (const part of ug.split(" · ")) expect(part).toMatch(/^\u2068.*\u2069$/);
    expect(ug).toContain("\u2068电力局\u2069");
    expect(ug).toContain("ۋاقتى ئۆتكەن");
    expect(filterSummary({}, NAMES)).toBe("بارلىق ئىشلار");
  });
});
