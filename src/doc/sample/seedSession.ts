// Demo content from the seed report (Laochenglu subdistrict, Turpan): four talk points, and the seed's own
// sitting of 有一说一 (21 January 2024 in the report; the sample moves it to the last sitting before today).
import type * as Y from "yjs";
import { addDays, DEFAULT_TIME_ZONE, instantAt } from "../civilTime.ts";
import { setActor } from "../device.ts";
import { addAgendaItem, setAgendaNotes, setAgendaStatus } from "../session/agenda.ts";
import { addFollowUp, escalateFollowUp, updateFollowUp } from "../session/followUps.ts";
import { addIssue } from "../session/issues.ts";
import { addAttendee, setHeadcount, setSessionNotes } from "../session/session.ts";
import { initSessionDoc } from "../session/sessionDoc.ts";
import { readVotes } from "../session/snapshot.ts";
import type { TalkPoint } from "../talkPoint.ts";
import { closeVote, createVote, openVote, setVoteCount } from "../session/votes.ts";
import { SITTING_TIME } from "./sampleCalendar.ts";

/** The sample's tablets, as they sign the steps they record. */
export const SAMPLE_DEVICES = { facilitator: "说事点平板（王炎）", grid: "网格员平板（张三）" } as const;

/** The seed's four talk points and their schedules. Ids are fixed so loading twice does not duplicate them. */
export function sampleTalkPoints(now = Date.now()): TalkPoint[] {
  const base = { createdAt: now, updatedAt: now };
  return [
    {
      id: "sample-laochenglu",
      name: "有一说一说事点",
      community: "老城路社区",
      location: "幸福路网格巷道",
      facilitator: "王炎",
      schedule: { kind: "monthDays", days: [1, 11, 21], time: "10:00" },
      ...base,
    },
    {
      id: "sample-xincheng",
      name: "周三有约接访日",
      community: "新城社区",
      location: "新城社区网格",
      facilitator: "阿孜古丽·依沙克",
      schedule: { kind: "weekly", weekday: 3, time: "15:00" },
      ...base,
    },
    {
      id: "sample-sugongta",
      name: "逢四议事",
      community: "苏公塔社区",
      location: "苏公塔社区网格巷道",
      facilitator: "海尼木古力·巴依丁",
      schedule: { kind: "weekly", weekday: 4, time: "10:30" },
      ...base,
    },
    {
      id: "sample-chunshulu",
      name: "周五有话您就说",
      community: "椿树路社区",
      location: "大华商城专属网格工作站",
      facilitator: "刘勇",
      schedule: { kind: "weekly", weekday: 5, time: "11:00" },
      ...base,
    },
  ];
}

/**
 * Begins a sitting of 有一说一 on `day` at its hour, facilitated by 王炎 and recorded by 张三, on the sample's
 * facilitator tablet (which signs what is recorded in it).
 */
export function initSitting(
  doc: Y.Doc,
  talkPoint: TalkPoint,
  sitting: { id: string; day: string; place: string; createdAt: number },
): void {
  const [, month, dayOfMonth] = sitting.day.split("-").map(Number);
  setActor(doc, SAMPLE_DEVICES.facilitator);
  const { id, name, community, location } = talkPoint;
  initSessionDoc(doc, {
    id: sitting.id,
    talkPoint: { id, name, community, location },
    title: `有一说一说事点 · ${month}月${dayOfMonth}日议事`,
    // The sample's community keeps Beijing time (DEFAULT_TIME_ZONE), +08:00 all year.
    startsAt: `${sitting.day}T${SITTING_TIME}:00+08:00`,
    place: sitting.place,
    facilitator: "王炎",
    recorder: "网格员 张三",
    createdAt: sitting.createdAt,
  });
}

export const SAMPLE_SESSION_ID = "sample-session-seed";
/** The day the seed report's sitting was held. */
const SEED_DAY = "2024-01-21";

/**
 * A sitting of 有一说一 with the seed's matters (meters and property company, dance venue, market parking),
 * held on `day` at 10:00 (the seed's own day unless given): every time and date of the seed moves with it, and
 * nothing is recorded later than `now`.
 */
export function buildSampleSession(
  doc: Y.Doc,
  talkPoint: TalkPoint,
  options: { day?: string; now?: number } = {},
): Y.Doc {
  const day = options.day ?? SEED_DAY;
  const tz = DEFAULT_TIME_ZONE;
  const shift = instantAt(day, SITTING_TIME, tz) - instantAt(SEED_DAY, SITTING_TIME, tz);
  const now = options.now ?? Date.now();
  const at = (iso: string) => Math.min(new Date(iso).getTime() + shift, now);
  const on = (date: string) =>
    addDays(day, Math.round((Date.parse(date) - Date.parse(SEED_DAY)) / 86_400_000));
  initSitting(doc, talkPoint, {
    id: SAMPLE_SESSION_ID,
    day,
    place: "幸福路鸿雁小区网格巷道",
    createdAt: at("2024-01-21T10:00:00+08:00"),
  });
  setHeadcount(doc, 24);
  addAttendee(doc, { name: "王炎", role: "gridWorker" });
  addAttendee(doc, { name: "艾米拉汗·力提甫", role: "resident" });
  addAttendee(doc, { name: "赫刚（驼铃奶粉干果店）", role: "merchant" });
  addAttendee(doc, { name: "电力局 供电所代表", role: "department" });

  const meters = addAgendaItem(doc, {
    title: "鸿雁小区：物业退出后的环境卫生、线路老化与电表改造",
    timeboxMin: 20,
  });
  const dance = addAgendaItem(doc, { title: "广场舞场地和老师", timeboxMin: 15 });
  const parking = addAgendaItem(doc, { title: "大华商城停车位紧张、装修扰民", timeboxMin: 15 });
  setAgendaStatus(doc, meters, "done");
  setAgendaNotes(
    doc,
    meters,
    "自2023年4月28日群众反映以来，已召开三次业委会议事会；社区与电力局多方协调，电表已全部更换完毕。",
  );

  const yard = addIssue(
    doc,
    {
      text: "鸿雁小区（297户）物业公司2022年5月退出后一直没有物业管理，环境卫生脏乱差。",
      raisedBy: "鸿雁小区业委会",
      location: "幸福路鸿雁小区",
      categoryId: "property",
      urgent: true,
      agendaId: meters,
    },
    at("2024-01-21T10:05:00+08:00"),
  );
  const wiring = addIssue(
    doc,
    {
      text: "小区线路老化，电表需要改造，存在安全隐患。",
      anonymous: true,
      location: "幸福路鸿雁小区",
      categoryId: "utilities",
      urgent: true,
      agendaId: meters,
    },
    at("2024-01-21T10:08:00+08:00"),
  );
  const square = addIssue(
    doc,
    {
      text: "我们想跳广场舞，可是附近没有场地，社区能不能给我们找个合适的场地和老师？",
      raisedBy: "艾米拉汗·力提甫",
      location: "苏公塔社区",
      categoryId: "culture",
      agendaId: dance,
    },
    at("2024-01-21T10:30:00+08:00"),
  );
  const market = addIssue(
    doc,
    {
      text: "大华商城停车位紧张，商户和顾客停车难；部分店铺装修扰民。",
      raisedBy: "赫刚",
      contact: "驼铃奶粉干果店",
      location: "大华商城干果区",
      categoryId: "parking",
      agendaId: parking,
    },
    at("2024-01-21T10:50:00+08:00"),
  );

  setAgendaStatus(doc, dance, "discussing");
  const vote = createVote(doc, {
    motion: "广场舞场地定在社区院内，请辖区热心人士管老师教，每天晚上8点开始。",
    issueId: square,
    agendaId: dance,
  });
  openVote(doc, vote, at("2024-01-21T10:40:00+08:00"));
  const [forId, againstId, abstainId] = readOptionIds(doc, vote);
  setVoteCount(doc, vote, forId, 21, at("2024-01-21T10:41:00+08:00"));
  setVoteCount(doc, vote, againstId, 1, at("2024-01-21T10:41:00+08:00"));
  setVoteCount(doc, vote, abstainId, 2, at("2024-01-21T10:41:00+08:00"));
  closeVote(doc, vote, at("2024-01-21T10:42:00+08:00"));
  setAgendaStatus(doc, dance, "done");

  const property = addFollowUp(
    doc,
    {
      action: "引进新物业公司进驻鸿雁小区",
      issueId: yard,
      owner: "老城路社区",
      ownerKind: "unit",
      due: on("2024-01-26"),
    },
    at("2024-01-21T10:20:00+08:00"),
  );
  updateFollowUp(
    doc,
    property,
    { status: "resolved", note: "新物业公司1月26日进驻，环境卫生已有专人打扫。" },
    at("2024-01-26T09:00:00+08:00"),
  );
  const meterFix = addFollowUp(
    doc,
    {
      action: "更换鸿雁小区电表、整改老化线路",
      issueId: wiring,
      owner: "网格员 张三",
      due: on("2024-01-31"),
    },
    at("2024-01-21T10:21:00+08:00"),
  );
  escalateFollowUp(doc, meterFix, "电力局", on("2024-01-24"), at("2024-01-21T10:22:00+08:00"));
  updateFollowUp(
    doc,
    meterFix,
    { status: "resolved", note: "电力局已全部更换电表，老化线路整改完毕。" },
    at("2024-01-25T16:00:00+08:00"),
  );
  addFollowUp(
    doc,
    {
      action: "社区院内每晚8点广场舞，联系管老师授课",
      voteId: vote,
      issueId: square,
      owner: "海尼木古力·巴依丁",
      due: on("2024-02-01"),
    },
    at("2024-01-21T10:43:00+08:00"),
  );
  const parkingFollowUp = addFollowUp(
    doc,
    {
      action: "大华商城停车位问题登记入册，上报街道党工委研讨",
      issueId: market,
      owner: "刘勇",
      due: on("2024-02-15"),
    },
    at("2024-01-21T10:55:00+08:00"),
  );
  escalateFollowUp(doc, parkingFollowUp, "街道党工委", on("2024-02-15"), at("2024-01-21T10:56:00+08:00"));

  setAgendaStatus(doc, parking, "discussing");
  setSessionNotes(
    doc,
    "本次议事共收集问题4件，其中急难愁盼2件。坚持“接诉即办、吹哨报到”，对解决时效较长的登记入册，逐一反馈。",
  );
  return doc;
}

function readOptionIds(doc: Y.Doc, voteId: string): [string, string, string] {
  return (readVotes(doc)
    .find((v) => v.id === voteId)
    ?.options.map((o) => o.id) ?? []) as [string, string, string];
}
