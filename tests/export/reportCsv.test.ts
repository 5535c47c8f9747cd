// The report's CSV exports: figures and breakdown tables, the matters behind a figure; BOM, Chinese intact,
// formula-safe cells, and an anonymous raiser's name in neither file.
import { describe, expect, it } from "vitest";
import { updateMatterCopy } from "../../src/doc/community/matters.ts";
import { workspaceSnapshot } from "../../src/doc/community/readers.ts";
import {
  computeReport,
  REPORT_FIGURE_KEYS,
  reportCommunityOf,
  reportMatterRows,
  type ReportFigureKey,
} from "../../src/doc/community/report.ts";
import { MATTER_STATUSES, type MatterStatus } from "../../src/doc/community/schema.ts";
import {
  MATTER_CSV_COLUMNS,
  reportFiguresCsv,
  reportMattersCsv,
  type MatterCsvColumn,
  type MattersCsvLabels,
  type ReportCsvLabels,
} from "../../src/export/reportCsv.ts";
import { SEED_NOW, SEED_PERIOD, seedWorkspaces } from "../helpers/seedReport.ts";

/** RFC 4180 reader, for checking what we wrote (as in exports.test.ts). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      [row, field] = [[], ""];
      i++;
    } else field += c;
  }
  return rows;
}

const CATEGORIES = { environment: "环境卫生", property: "物业管理", utilities: "水电设施", parking: "停车" };
const FIGURES: ReportCsvLabels = {
  figure: "指标",
  value: "数值",
  figures: Object.fromEntries(REPORT_FIGURE_KEYS.map((k) => [k, `指标:${k}`])) as Record<
    ReportFigureKey,
    string
  >,
  byCategory: "按类别",
  byDepartment: "按部门",
  byTalkPoint: "按说事点",
  byCommunity: "按社区",
  trend: "逐月",
  name: "名称",
  raised: "收集",
  urgent: "急难愁盼",
  resolved: "解决",
  sessions: "场次",
  attendance: "参加人数",
  visitors: "来访群众",
  month: "月份",
  categories: CATEGORIES,
};
const MATTERS: MattersCsvLabels = {
  columns: Object.fromEntries(MATTER_CSV_COLUMNS.map((c) => [c, `列:${c}`])) as Record<
    MatterCsvColumn,
    string
  >,
  anonymous: "匿名",
  yes: "是",
  no: "否",
  satisfied: "满意",
  notSatisfied: "不满意",
  statuses: Object.fromEntries(MATTER_STATUSES.map((s) => [s, `状态:${s}`])) as Record<MatterStatus, string>,
  categories: CATEGORIES,
};

function seed() {
  const docs = seedWorkspaces();
  // A name put on an anonymous issue (as a session copy would bring it): the register never keeps it.
  updateMatterCopy(docs.get("c-laochenglu")!, "m-lcl-6", { anonymous: true, raisedBy: "张三" });
  const communities = [...docs.values()].map((d) => reportCommunityOf(workspaceSnapshot(d)));
  const input = { communities, period: SEED_PERIOD, scope: {}, now: SEED_NOW };
  return { input, report: computeReport(input) };
}

describe("reportFiguresCsv", () => {
  const { report } = seed();
  const csv = reportFiguresCsv(report, FIGURES);
  const rows = parseCsv(csv.slice(1));

  it("BOM, CRLF, one row per figure with its value, then the titled tables", () => {
    expect(csv.startsWith("\uFEFF指标,数值\r\n")).toBe(true);
    const figures = new Map(rows.slice(1, 1 + REPORT_FIGURE_KEYS.length).map(([k, v]) => [k, v]));
    expect(figures.get("指标:raised")).toBe("39");
    expect(figures.get("指标:urgent")).toBe("11");
    expect(figures.get("指标:resolved")).toBe("37");
    expect(figures.get("指标:visitors")).toBe("263");
    expect(figures.get("指标:resolutionRate")).toBe("0.9487");
    const community = rows.findIndex((r) => r[0] === "按社区");
    expect(rows[community + 1]).toEqual(["名称", "收集", "急难愁盼", "解决", "场次", "参加人数", "来访群众"]);
    expect(rows.find((r) => r[0] === "椿树路社区")).toEqual([
      "椿树路社区",
      "10",
      "3",
      "10",
      "5",
      "110",
      "83",
    ]);
    expect(rows.find((r) => r[0] === "水电设施")).toEqual(["水电设施", "8", "6", "7"]);
    expect(rows.find((r) => r[0] === "2024-01")).toEqual(["2024-01", "17", "20"]);
    expect(rows.filter((r) => r.length === 1 && r[0] === "")).toHaveLength(5);
  });

  it("a name that looks like a formula is neutralised", () => {
    const r = { ...report, byTalkPoint: [{ ...report.byTalkPoint[0]!, label: "=HYPERLINK(1)" }] };
    expect(parseCsv(reportFiguresCsv(r, FIGURES).slice(1)).some((x) => x[0] === "'=HYPERLINK(1)")).toBe(true);
  });
});

describe("reportMattersCsv", () => {
  const { input, report } = seed();
  const all = reportMattersCsv(reportMatterRows(input), MATTERS);
  const rows = parseCsv(all.slice(1));
  const byId = new Map(
    rows.slice(1).map((r) => [r[0], Object.fromEntries(MATTER_CSV_COLUMNS.map((c, i) => [c, r[i]]))]),
  );

  it("BOM, the office's columns, Chinese intact, names and dates per matter", () => {
    expect(all.charCodeAt(0)).toBe(0xfeff);
    expect(rows[0]).toEqual(MATTER_CSV_COLUMNS.map((c) => `列:${c}`));
    expect(rows).toHaveLength(40);
    expect(byId.get("m-lcl-1")).toEqual({
      id: "m-lcl-1",
      raisedOn: "2023-04-28",
      community: "老城路社区",
      talkPoint: "鸿雁小区业委会议事会",
      category: "水电设施",
      urgent: "是",
      text: "鸿雁小区电表老化需更换",
      raisedBy: "居民-1",
      location: "幸福路鸿雁小区",
      owner: "",
      department: "电力局",
      status: "状态:closed",
      escalatedOn: "2023-04-30",
      acknowledgedOn: "2023-05-10",
      resolvedOn: "2024-01-26",
      fedBackOn: "2024-02-01",
      satisfaction: "满意",
      daysToResolve: "273",
    });
    expect(byId.get("m-lcl-5")!.resolvedOn).toBe("2024-01-31");
    expect(byId.get("m-xc-5")!.satisfaction).toBe("不满意");
    expect(byId.get("m-lcl-7")).toMatchObject({ owner: "网格员李", department: "物业公司", resolvedOn: "" });
  });

  it("the matters behind one figure: the urgent-hard ones", () => {
    const urgent = parseCsv(
      reportMattersCsv(reportMatterRows(input, report.figures.urgent.ids), MATTERS).slice(1),
    );
    expect(
      urgent
        .slice(1)
        .map((r) => r[0]!)
        .sort(),
    ).toEqual([...report.figures.urgent.ids].sort());
    expect(urgent.slice(1).every((r) => r[5] === "是")).toBe(true);
  });

  it("an anonymous raiser is never in either export: the label is written instead", () => {
    expect(byId.get("m-lcl-6")!.raisedBy).toBe("匿名");
    expect(all).not.toContain("张三");
    expect(reportFiguresCsv(report, FIGURES)).not.toContain("张三");
    // Even a record that kept the name (a broken or older peer's) is masked.
    const [row] = reportMatterRows(input, ["m-lcl-6"]);
    const leaky = { ...row!, matter: { ...row!.matter, raisedBy: "张三" } };
    expect(reportMattersCsv([leaky], MATTERS)).not.toContain("张三");
  });
});
