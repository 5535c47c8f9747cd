// The seed's report as real workspace docs: 7 communities of 老城路街道, 39 matters, 11 urgent-hard, 37
// resolved; 椿树路社区 83 visitors and 10 matters handled (all in 2023-04-01 … 2024-01-31, Shanghai time).
import * as Y from "yjs";
import { addDays, civilDate, instantAt } from "../../src/doc/civilTime.ts";
import { setActor } from "../../src/doc/device.ts";
import {
  acknowledgeMatter,
  createMatter,
  escalateMatter,
  feedbackMatter,
  resolveMatter,
  startMatter,
} from "../../src/doc/community/matters.ts";
import { readDirectory, workspaceSnapshot } from "../../src/doc/community/readers.ts";
import { reportCommunityOf, type ReportCommunity } from "../../src/doc/community/report.ts";
import { putSessionEntry } from "../../src/doc/community/sessionIndex.ts";
import { addTalkPoint } from "../../src/doc/community/talkPoints.ts";
import { initWorkspace } from "../../src/doc/community/workspaceDoc.ts";

export const TZ = "Asia/Shanghai";
/** The seed's period: "since last year", to the end of January 2024. */
export const SEED_PERIOD = { from: "2023-04-01", to: "2024-01-31" };
/** 2024-02-05 10:00 in Shanghai. */
export const SEED_NOW = Date.UTC(2024, 1, 5, 2, 0);

/** "YYYY-MM-DD" (18:00 that day) or "YYYY-MM-DDTHH:MM", Shanghai time, as epoch ms. */
const ms = (when: string) => instantAt(when.slice(0, 10), when.slice(11, 16) || "18:00", TZ);

interface MatterSpec {
  id: string;
  text: string;
  category: string;
  /**
   * Its steps, space-separated: "S,owner,due,when" start, "E,department,deadline,when" escalate, "A,on"
   * acknowledge, "R,when" resolve, "F,on,yes|no" feed back; `when` "YYYY-MM-DD" (18:00) or "…THH:MM".
   */
  steps: string;
  /** "U" urgent-hard, "A" anonymous. */
  flags: string;
  location: string;
  /** When it was raised, if not at the session's start ("YYYY-MM-DDTHH:MM" Shanghai). */
  raisedAt?: string;
}

interface SessionSpec {
  id: string;
  talkPointId: string;
  /** ISO instant, as a tablet stores it (with its offset). */
  startsAt: string;
  headcount: number;
  visitors: number;
  matters: MatterSpec[];
}

interface CommunitySpec {
  id: string;
  name: string;
  talkPoints: { id: string; name: string; weekday?: number; days?: number[] }[];
  sessions: SessionSpec[];
}

const m = (
  id: string,
  text: string,
  category: string,
  steps: string,
  flags = "",
  location = "",
): MatterSpec => ({
  id,
  text,
  category,
  steps,
  flags,
  location,
});
const session = (
  id: string,
  talkPointId: string,
  startsAt: string,
  headcount: number,
  visitors: number,
  matters: MatterSpec[],
): SessionSpec => ({ id, talkPointId, startsAt, headcount, visitors, matters });

/** 幸福路, 团结, 光明路 (invented): two sessions, four matters each, one urgent-hard, all resolved. */
function smallCommunity(key: string, name: string, tp: string, days: [string, string], people: number[]) {
  const tpId = `tp-${key}`;
  return {
    id: `c-${key}`,
    name,
    talkPoints: [{ id: tpId, name: tp, weekday: 2 }],
    sessions: [
      session(`s-${key}-1`, tpId, `${days[0]}T10:00:00+08:00`, people[0]!, people[1]!, [
        m(`m-${key}-1`, "老旧线路存在隐患", "utilities", `R,${addDays(days[0], 3)}`, "U"),
        m(`m-${key}-2`, "小区环境卫生差", "environment", `R,${addDays(days[0], 1)}`),
      ]),
      session(`s-${key}-2`, tpId, `${days[1]}T10:00:00+08:00`, people[2]!, people[3]!, [
        m(`m-${key}-3`, "停车位不足", "parking", `R,${addDays(days[1], 7)}`),
        m(`m-${key}-4`, "想要文化活动场地", "culture", `R,${addDays(days[1], 2)}`),
      ]),
    ],
  } satisfies CommunitySpec;
}

const HONGYAN = "幸福路鸿雁小区";
const DAHUA = "大华商城专属网格";
const friday = (day: string, headcount: number, visitors: number, matters: MatterSpec[]) =>
  session(`s-csl-${day.slice(5)}`, "tp-chunshulu", `${day}T16:00:00+08:00`, headcount, visitors, matters);

export const SEED: CommunitySpec[] = [
  {
    id: "c-laochenglu",
    name: "老城路社区",
    talkPoints: [
      { id: "tp-laochenglu", name: "“有一说一”说事点", days: [1, 11, 21] },
      { id: "tp-hongyan", name: "鸿雁小区业委会议事会", days: [28] },
    ],
    sessions: [
      session("s-lcl-0428", "tp-hongyan", "2023-04-28T10:00:00+08:00", 30, 24, [
        m(
          "m-lcl-1",
          "鸿雁小区电表老化需更换",
          "utilities",
          "E,电力局,2023-05-15,2023-04-30 A,2023-05-10 R,2024-01-26 F,2024-02-01,yes",
          "U",
          HONGYAN,
        ),
        m("m-lcl-2", "小区没有物业管理，环境脏乱差", "property", "R,2024-01-26", "U", HONGYAN),
      ]),
      session("s-lcl-1121", "tp-laochenglu", "2023-11-21T02:00:00Z", 18, 12, [
        m("m-lcl-3", "楼道堆放杂物", "environment", "R,2023-11-25"),
        m("m-lcl-4", "停车位不足", "parking", "R,2023-12-20"),
      ]),
      session("s-lcl-0121", "tp-laochenglu", "2024-01-21T10:00:00+08:00", 22, 15, [
        // Resolved at 23:30 on the 31st, Shanghai time (15:30Z): a January resolution.
        m("m-lcl-5", "小区线路老化", "utilities", "R,2024-01-31T23:30", "U"),
        m("m-lcl-6", "装修噪音扰民", "noise", "R,2024-01-24", "A"),
      ]),
      session("s-lcl-0131", "tp-hongyan", "2024-01-31T20:30:00+08:00", 12, 9, [
        // Raised at 23:30 on the last day of January (15:30Z): January's, never February's.
        {
          ...m(
            "m-lcl-7",
            "小区路灯不亮",
            "environment",
            "S,网格员李,2024-02-20,2024-01-31T23:40 E,物业公司,2024-02-02,2024-01-31T23:50",
          ),
          raisedAt: "2024-01-31T23:30",
        },
      ]),
      // 07:30 on 1 February in Shanghai, stored in UTC (still 31 January there): February's session.
      session("s-lcl-0201", "tp-laochenglu", "2024-01-31T23:30:00Z", 8, 5, []),
    ],
  },
  {
    id: "c-xincheng",
    name: "新城社区",
    talkPoints: [{ id: "tp-xincheng", name: "“周三有约”接访日", weekday: 3 }],
    sessions: [
      session("s-xc-1227", "tp-xincheng", "2023-12-27T15:00:00+08:00", 14, 10, [
        m("m-xc-1", "邻里纠纷", "other", "R,2023-12-28"),
        m("m-xc-2", "垃圾清运不及时", "environment", "R,2024-01-05"),
      ]),
      session("s-xc-0124", "tp-xincheng", "2024-01-24T15:00:00+08:00", 20, 16, [
        m("m-xc-3", "独居老人就医不便", "other", "R,2024-01-30 F,2024-02-01,yes", "U"),
        m("m-xc-4", "楼道灯损坏", "utilities", "R,2024-01-26"),
        // Not satisfied, handled again: the resolution in force is the second one.
        m("m-xc-5", "小区停车乱", "parking", "R,2024-01-26 F,2024-01-27,no R,2024-01-29"),
      ]),
    ],
  },
  {
    id: "c-sugongta",
    name: "苏公塔社区",
    talkPoints: [{ id: "tp-sugongta", name: "“逢四议事”", weekday: 4 }],
    sessions: [
      session("s-sgt-0706", "tp-sugongta", "2023-07-06T10:00:00+08:00", 25, 20, [
        m("m-sgt-1", "想跳广场舞，附近没有场地和老师", "culture", "R,2023-07-06T11:00 F,2023-07-13,yes"),
        m("m-sgt-2", "巷道环境卫生", "environment", "R,2023-07-20"),
      ]),
      session("s-sgt-0118", "tp-sugongta", "2024-01-18T10:00:00+08:00", 16, 12, [
        m("m-sgt-3", "邻里矛盾纠纷", "other", "R,2024-01-19"),
        m("m-sgt-4", "巷道路灯不亮", "utilities", "S,网格员海,2024-01-31,2024-01-18", "U"),
        m("m-sgt-5", "环境卫生整治", "environment", "R,2024-01-25"),
      ]),
    ],
  },
  {
    id: "c-chunshulu",
    name: "椿树路社区",
    talkPoints: [{ id: "tp-chunshulu", name: "“周五有话”您就说", weekday: 5 }],
    sessions: [
      friday("2023-12-29", 20, 15, [
        m(
          "m-csl-1",
          "大华商城物业管理混乱",
          "property",
          "E,街道党工委,2024-01-05,2023-12-29 A,2024-01-08 R,2024-01-20",
          "U",
          DAHUA,
        ),
        m("m-csl-2", "停车位紧张", "parking", "R,2024-01-10", "", DAHUA),
      ]),
      friday("2024-01-05", 24, 18, [
        m("m-csl-3", "装修扰民", "noise", "R,2024-01-06", "", DAHUA),
        m("m-csl-4", "消防通道堵塞", "environment", "R,2024-01-07", "U", DAHUA),
      ]),
      friday("2024-01-12", 21, 16, [
        m(
          "m-csl-5",
          "商户用电容量不足",
          "utilities",
          "E,电力局,2024-01-19,2024-01-12 R,2024-01-22",
          "",
          DAHUA,
        ),
        m("m-csl-6", "干果区卫生差", "environment", "R,2024-01-13", "", DAHUA),
      ]),
      friday("2024-01-19", 23, 17, [
        m("m-csl-7", "顾客乱停车", "parking", "R,2024-01-26", "", DAHUA),
        m("m-csl-8", "商铺屋顶漏水", "property", "R,2024-01-24", "U", DAHUA),
      ]),
      friday("2024-01-26", 22, 17, [
        m("m-csl-9", "夜间噪音", "noise", "R,2024-01-26", "", DAHUA),
        m("m-csl-10", "招牌安装不规范", "other", "R,2024-01-30", "", DAHUA),
      ]),
    ],
  },
  smallCommunity("xingfulu", "幸福路社区", "幸福议事厅", ["2023-10-10", "2023-11-14"], [15, 11, 13, 9]),
  smallCommunity("tuanjie", "团结社区", "团结说事点", ["2023-10-20", "2023-12-08"], [12, 8, 17, 13]),
  smallCommunity("guangming", "光明路社区", "光明说事点", ["2023-11-03", "2023-12-15"], [11, 7, 19, 14]),
];

/** One matter and its steps, through the register's mutators. */
function putMatter(doc: Y.Doc, s: SessionSpec, spec: MatterSpec): void {
  const raised = spec.raisedAt ? ms(spec.raisedAt) : Date.parse(s.startsAt);
  const departmentId = (name: string) => readDirectory(doc).find((d) => d.name === name)!.id;
  const anonymous = spec.flags.includes("A");
  createMatter(
    doc,
    {
      id: spec.id,
      sessionId: s.id,
      talkPointId: s.talkPointId,
      // The day it was raised, in the community's zone: never the tablet's.
      raisedOn: civilDate(raised, TZ),
      issueId: spec.id,
      text: spec.text,
      categoryId: spec.category,
      urgent: spec.flags.includes("U"),
      raisedBy: anonymous ? "" : `居民${spec.id.slice(-2)}`,
      anonymous,
      location: spec.location,
    },
    raised,
  );
  for (const step of spec.steps.split(" ")) {
    const [kind, a = "", b = "", c = ""] = step.split(",");
    if (kind === "S") startMatter(doc, spec.id, { owner: a, due: b }, ms(c));
    else if (kind === "E")
      escalateMatter(
        doc,
        spec.id,
        { departmentId: departmentId(a), reason: "需要部门报到", deadline: b },
        ms(c),
      );
    else if (kind === "A")
      acknowledgeMatter(doc, spec.id, { person: "部门联络人", commitment: "限期办理", on: a }, ms(a));
    else if (kind === "R") resolveMatter(doc, spec.id, { note: "已办结" }, ms(a));
    else if (kind === "F")
      feedbackMatter(doc, spec.id, { how: "session", on: a, satisfied: b === "yes" }, ms(a));
    else throw new Error(`unknown step ${step}`);
  }
}

/** The seed's seven workspaces as real documents, by community id. */
export function seedWorkspaces(): Map<string, Y.Doc> {
  const out = new Map<string, Y.Doc>();
  for (const c of SEED) {
    const doc = initWorkspace(new Y.Doc(), {
      id: c.id,
      name: c.name,
      timeZone: TZ,
      createdAt: ms("2023-04-01"),
    });
    setActor(doc, "网格员");
    for (const tp of c.talkPoints) {
      const schedule = tp.days
        ? { kind: "monthDays" as const, days: tp.days, time: "10:00" }
        : { kind: "weekly" as const, weekday: tp.weekday!, time: "15:00" };
      addTalkPoint(doc, { name: tp.name, location: "", facilitator: "", schedule }, tp.id, ms("2023-04-01"));
    }
    for (const s of c.sessions) {
      const { matters, ...entry } = s;
      putSessionEntry(doc, {
        ...entry,
        title: entry.id,
        held: true,
        issues: matters.length,
        urgent: matters.filter((x) => x.flags.includes("U")).length,
        locked: true,
        createdAt: Date.parse(s.startsAt),
      });
      for (const spec of matters) putMatter(doc, s, spec);
    }
    out.set(c.id, doc);
  }
  return out;
}

/** The communities as computeReport reads them, read back from the documents. */
export function seedCommunities(docs = seedWorkspaces()): ReportCommunity[] {
  return [...docs.values()].map((doc) => reportCommunityOf(workspaceSnapshot(doc)));
}
