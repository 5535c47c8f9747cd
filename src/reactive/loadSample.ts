// The sample data, dated from today: the seed's four talk points, three sittings of 有一说一 (about a month ago
// with its minutes locked, the one before the last, and the last, the seed's own), and in the register what
// the grid worker did since, so the register, the report and the carry-over show matters at every stage.
import type * as Y from "yjs";
import { DEFAULT_TIME_ZONE } from "../doc/civilTime.ts";
import { readMatters } from "../doc/community/readers.ts";
import {
  buildMonthBeforeSession,
  buildPreviousSession,
  type BuiltSitting,
  SAMPLE_MONTH_BEFORE_ID,
  SAMPLE_PREVIOUS_ID,
} from "../doc/sample/earlierSessions.ts";
import { sampleDays } from "../doc/sample/sampleCalendar.ts";
import { applySamplePlan, type SamplePlan } from "../doc/sample/sampleSteps.ts";
import {
  buildSampleSession,
  SAMPLE_DEVICES,
  SAMPLE_SESSION_ID,
  sampleTalkPoints,
} from "../doc/sample/seedSession.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import { getSessionSummary } from "../persistence/catalogue.ts";
import type { AppDb } from "./appDb.ts";
import type { Communities } from "./communities.ts";
import { storeNewDoc } from "./storeNewDoc.ts";

/** After the seed's sitting: the residents of 鸿雁小区 were told of the new property company and satisfied. */
function seedPlan(doc: Y.Doc, day: string): SamplePlan {
  const yard = snapshot(doc).issues.find((i) => i.text.startsWith("鸿雁小区（297户）"));
  if (!yard) return [];
  const note = "业委会说物业来了以后干净多了。";
  return [
    { matter: yard.id, day, steps: [{ kind: "feedback", after: 6, how: "session", satisfied: true, note }] },
  ];
}

/**
 * Loads the sample on this tablet (nothing is made twice: a sitting already here is kept as it is, and the
 * register's steps are taken only with the sittings that were made now).
 */
export async function loadSample(appDb: AppDb, communities: Communities, now = Date.now()): Promise<void> {
  const db = () => appDb.current;
  const tps = sampleTalkPoints(now);
  const talkPoint = tps[0]!;
  const days = sampleDays(now, DEFAULT_TIME_ZONE);
  const plan: SamplePlan = [];
  if (!(await getSessionSummary(db(), SAMPLE_SESSION_ID))) {
    let reportedBack: BuiltSitting["reportedBack"] = [];
    await storeNewDoc(db(), SAMPLE_MONTH_BEFORE_ID, (doc) => {
      const built = buildMonthBeforeSession(doc, talkPoint, days.monthBefore, now);
      plan.push(...built.plan);
      reportedBack = built.reportedBack;
    });
    await storeNewDoc(db(), SAMPLE_PREVIOUS_ID, (doc) => {
      plan.push(...buildPreviousSession(doc, talkPoint, days.previous, now, reportedBack));
    });
    await storeNewDoc(db(), SAMPLE_SESSION_ID, (doc) => {
      buildSampleSession(doc, talkPoint, { day: days.last, now });
      plan.push(...seedPlan(doc, days.last));
    });
  }
  const [communityId] = await (
    await import("./adoptTalkPoints.ts")
  ).adoptTalkPoints(appDb, communities, tps, { signAs: SAMPLE_DEVICES.facilitator });
  if (plan.length === 0 || !communityId) return;
  const ws = await communities.open(communityId);
  ws.load();
  const known = new Set(readMatters(ws.doc).map((m) => m.id));
  applySamplePlan(
    ws.doc,
    plan.filter((p) => known.has(p.matter)),
    now,
  );
  await ws.flush();
}
