// The sample's two sittings before the seed's: one about a month ago (its minutes locked) and the one before
// the last, each with the matters a grid worker then handles in the register (see sampleSteps.ts), so that a
// newcomer's register, report and carry-over show matters at every stage.
import type * as Y from "yjs";
import { addDays, DEFAULT_TIME_ZONE } from "../civilTime.ts";
import { addAgendaItem, setAgendaStatus } from "../session/agenda.ts";
import { addFollowUp } from "../session/followUps.ts";
import { addIssue, type IssueInput } from "../session/issues.ts";
import { lockMinutes } from "../session/minutes.ts";
import { addReportBack, setReportBackSaid } from "../session/reportBack.ts";
import { addAttendee, setHeadcount, setSessionNotes } from "../session/session.ts";
import type { TalkPoint } from "../talkPoint.ts";
import { sampleInstant, SITTING_TIME } from "./sampleCalendar.ts";
import { initSitting } from "./seedSession.ts";
import type { SamplePlan, SampleStep } from "./sampleSteps.ts";

export const SAMPLE_MONTH_BEFORE_ID = "sample-session-month-before";
export const SAMPLE_PREVIOUS_ID = "sample-session-previous";

interface SampleMatter {
  issue: Omit<IssueInput, "agendaId">;
  action: string;
  owner: string;
  ownerKind?: "person" | "unit";
  dueAfter: number;
  steps: SampleStep[];
  /** Still being handled at the next sitting, which reports back on it: what was said there, and its status. */
  reportedBack?: { said: string; statusThen: string };
}

interface SampleSitting {
  id: string;
  day: string;
  headcount: number;
  agenda: string;
  matters: SampleMatter[];
  notes: string;
}

/** A sitting as built: the register steps its matters take afterwards, and those the next sitting reports on. */
export interface BuiltSitting {
  plan: SamplePlan;
  reportedBack: { id: string; text: string; said: string; statusThen: string }[];
}

/** Fills `doc` with a sitting. */
function buildSitting(doc: Y.Doc, talkPoint: TalkPoint, s: SampleSitting, now: number): BuiltSitting {
  const tz = DEFAULT_TIME_ZONE;
  const at = (minutes: number) => sampleInstant(s.day, 0, SITTING_TIME, tz, now) + minutes * 60_000;
  initSitting(doc, talkPoint, { id: s.id, day: s.day, place: talkPoint.location, createdAt: at(0) });
  setHeadcount(doc, s.headcount);
  addAttendee(doc, { name: "王炎", role: "gridWorker" });
  addAttendee(doc, { name: "网格员 张三", role: "gridWorker" });
  const agendaId = addAgendaItem(doc, { title: s.agenda, timeboxMin: 30 });
  const plan: SamplePlan = [];
  const reportedBack: BuiltSitting["reportedBack"] = [];
  s.matters.forEach((m, i) => {
    const issueId = addIssue(doc, { ...m.issue, agendaId }, at(5 + i * 8));
    const due = addDays(s.day, m.dueAfter);
    const ownerKind = m.ownerKind ?? "person";
    addFollowUp(doc, { action: m.action, issueId, owner: m.owner, ownerKind, due }, at(10 + i * 8));
    plan.push({ matter: issueId, day: s.day, steps: m.steps });
    if (m.reportedBack) reportedBack.push({ id: issueId, text: m.issue.text, ...m.reportedBack });
  });
  setAgendaStatus(doc, agendaId, "done");
  setSessionNotes(doc, s.notes);
  return { plan, reportedBack };
}

/** The sitting about a month before today: three matters, its minutes locked at the end of the day. */
export function buildMonthBeforeSession(
  doc: Y.Doc,
  talkPoint: TalkPoint,
  day: string,
  now: number,
): BuiltSitting {
  const built = buildSitting(doc, talkPoint, monthBefore(day), now);
  lockMinutes(doc, sampleInstant(day, 0, "17:00", DEFAULT_TIME_ZONE, now));
  return built;
}

/**
 * The sitting before the last: three matters, and the report-back (逐一反馈) on the matters of the month
 * before still being handled (`earlier`: that sitting's reportedBack).
 */
export function buildPreviousSession(
  doc: Y.Doc,
  talkPoint: TalkPoint,
  day: string,
  now: number,
  earlier: BuiltSitting["reportedBack"],
): SamplePlan {
  const { plan } = buildSitting(doc, talkPoint, previous(day), now);
  const item = addReportBack(doc, "上次议事的问题办理情况", earlier);
  for (const m of earlier) setReportBackSaid(doc, m.id, m.said);
  if (item) setAgendaStatus(doc, item, "done");
  return plan;
}

const monthBefore = (day: string): SampleSitting => ({
  id: SAMPLE_MONTH_BEFORE_ID,
  day,
  headcount: 18,
  agenda: "幸福路巷道环境和照明",
  notes: "本次议事收集问题3件，其中急难愁盼1件。路灯属市政设施，已向城管局吹哨。",
  matters: [
    {
      issue: {
        text: "幸福路3号楼楼道堆放杂物，消防通道堵塞。",
        raisedBy: "李桂兰",
        location: "幸福路3号楼",
        categoryId: "environment",
      },
      action: "清理3号楼楼道杂物，打通消防通道",
      owner: "网格员 张三",
      dueAfter: 7,
      steps: [
        { kind: "start", after: 0, owner: "网格员 张三" },
        { kind: "resolve", after: 6, note: "已清理楼道杂物，消防通道畅通。" },
        { kind: "feedback", after: 9, how: "phone", satisfied: false, note: "二单元楼道还有杂物没清走。" },
        { kind: "resolve", after: 12, note: "二单元杂物已清走，楼道张贴了消防提示。" },
        { kind: "feedback", after: 14, how: "inPerson", satisfied: true, note: "李阿姨说这次干净了。" },
      ],
    },
    {
      issue: {
        text: "巷道路灯不亮三个多月，晚上出行不安全。",
        raisedBy: "马秀英",
        location: "幸福路网格巷道",
        categoryId: "utilities",
        urgent: true,
      },
      action: "协调更换巷道路灯",
      owner: "网格员 张三",
      dueAfter: 10,
      steps: [
        {
          kind: "escalate",
          after: 1,
          department: "城管局",
          reason: "路灯属市政设施，社区无法自行维修。",
          deadlineAfter: 7,
        },
        { kind: "acknowledge", after: 3, person: "城管局 李队长", commitment: "两周内更换灯具。" },
      ],
      reportedBack: {
        said: "城管局已报到，承诺两周内更换灯具，网格员每周去看一次。",
        statusThen: "acknowledged",
      },
    },
    {
      issue: { text: "垃圾清运不及时，垃圾箱周边有异味。", raisedBy: "赵建华", categoryId: "environment" },
      action: "协调环卫所增加清运次数",
      owner: "老城路社区",
      ownerKind: "unit",
      dueAfter: 3,
      steps: [
        { kind: "resolve", after: 2, note: "已协调环卫所每天清运两次。" },
        { kind: "feedback", after: 4, how: "phone", satisfied: true, note: "" },
      ],
    },
  ],
});

const previous = (day: string): SampleSitting => ({
  id: SAMPLE_PREVIOUS_ID,
  day,
  headcount: 21,
  agenda: "噪音、积水和独居老人",
  notes: "本次议事收集问题3件，其中急难愁盼1件。夜间施工噪音已向城管执法中队吹哨。",
  matters: [
    {
      issue: {
        text: "夜间装修噪音扰民，晚上十点以后还在施工。",
        raisedBy: "马建国",
        location: "幸福路5号楼",
        categoryId: "noise",
      },
      action: "劝阻夜间施工，联系执法部门",
      owner: "网格员 张三",
      dueAfter: 5,
      steps: [
        {
          kind: "escalate",
          after: 0,
          department: "城管执法中队",
          reason: "施工单位不听劝阻，需要执法部门处理。",
          deadlineAfter: 3,
        },
      ],
    },
    {
      issue: {
        text: "独居老人就医不便，希望有人帮忙陪诊。",
        anonymous: true,
        categoryId: "other",
        urgent: true,
      },
      action: "联系志愿者结对陪诊",
      owner: "海尼木古力·巴依丁",
      dueAfter: 7,
      steps: [{ kind: "start", after: 1, owner: "海尼木古力·巴依丁" }],
    },
    {
      issue: {
        text: "小区门口下雨积水，老人孩子进出不便。",
        raisedBy: "古丽娜尔",
        location: "鸿雁小区东门",
        categoryId: "environment",
      },
      action: "疏通东门排水口",
      owner: "老城路社区",
      ownerKind: "unit",
      dueAfter: 3,
      steps: [
        { kind: "resolve", after: 2, note: "已疏通排水口。" },
        {
          kind: "feedback",
          after: 5,
          how: "inPerson",
          satisfied: false,
          note: "下雨还是积水，排水管可能堵在更下面。",
        },
      ],
    },
  ],
});
