// A community workspace of many matters, built with the real mutators: sessions at talk points over about two
// years, each sitting's issues made matters with their action, handled step by step (most take 2 to 5 steps).
import * as Y from "yjs";
import { addDays, civilDate, DEFAULT_TIME_ZONE } from "../../src/doc/civilTime.ts";
import { setActor } from "../../src/doc/device.ts";
import {
  acknowledgeMatter,
  assignMatter,
  createAction,
  createMatter,
  escalateMatter,
  feedbackMatter,
  reopenMatter,
  resolveMatter,
  startMatter,
} from "../../src/doc/community/matters.ts";
import { readDirectory } from "../../src/doc/community/readers.ts";
import { putSessionEntry } from "../../src/doc/community/sessionIndex.ts";
import { addTalkPoint } from "../../src/doc/community/talkPoints.ts";
import { initWorkspace } from "../../src/doc/community/workspaceDoc.ts";
import { DEFAULT_CATEGORIES } from "../../src/doc/session/schema.ts";

const DAY = 86_400_000;
const PLACES = ["幸福路鸿雁小区", "大华商城", "椿树路", "苏公塔", "新城", "东门菜市场", "老城路8号院"];
const TEXTS = [
  "电表老化需更换",
  "楼道堆放杂物",
  "停车位不足",
  "装修噪音扰民",
  "广场舞没有场地",
  "路灯不亮",
  "下水道堵塞",
];
const ACTIONS = ["协调物业处理", "联系电力局上门检查", "组织居民协商", "网格员跟进", "报街道"];

/** A small deterministic random source (mulberry32), so every run builds the same register. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RegisterWorkspace {
  id: string;
  /** The workspace's whole state, as compaction stores it (one row). */
  update: Uint8Array;
  matters: number;
  steps: number;
}

/**
 * Community `id` with `matters` matters over `sessions` sessions (10 talk points, 7 categories), the last
 * sitting a few days before `now`. Each tablet (a chunk of sessions) writes its own matters, as the grid's
 * tablets do, so the mutators' reads stay small while building; the states are merged into one document.
 */
export function buildRegisterWorkspace(
  opts: {
    id?: string;
    matters?: number;
    sessions?: number;
    now?: number;
    /** The community's name and zone, and what its matter ids start with (unique across communities). */
    name?: string;
    timeZone?: string;
    matterPrefix?: string;
    seed?: number;
  } = {},
): RegisterWorkspace {
  const id = opts.id ?? "bench-register";
  const total = opts.matters ?? 10_000;
  const sessions = opts.sessions ?? 500;
  const now = opts.now ?? Date.now();
  const rand = random(opts.seed ?? 20240126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const first = now - 730 * DAY;

  const base = new Y.Doc();
  setActor(base, "社区书记");
  initWorkspace(base, { id, name: opts.name ?? "老城路社区", timeZone: tz, createdAt: first - 30 * DAY });
  const talkPoints = Array.from({ length: 10 }, (_, i) =>
    addTalkPoint(
      base,
      {
        name: `${PLACES[i % PLACES.length]}说事点${i + 1}`,
        location: PLACES[i % PLACES.length]!,
        facilitator: `主持人${i}`,
        schedule: { kind: "monthDays", days: [1 + (i % 28)], time: "10:00" },
      },
      `tp${i}`,
      first - 20 * DAY,
    ),
  );
  const departments = readDirectory(base).map((d) => d.id);
  const sitting = (s: number) => first + Math.floor((s * 725 * DAY) / sessions);
  for (let s = 0; s < sessions; s++) {
    const at = sitting(s);
    putSessionEntry(base, {
      id: `s${s}`,
      talkPointId: talkPoints[s % talkPoints.length]!,
      title: `第${s + 1}次议事`,
      startsAt: new Date(at).toISOString(),
      headcount: 12 + (s % 9),
      visitors: 3 + (s % 5),
      issues: Math.round(total / sessions),
      urgent: s % 4,
      locked: true,
      held: true,
      createdAt: at - DAY,
    });
  }
  const baseState = Y.encodeStateAsUpdate(base);

  const doc = new Y.Doc();
  Y.applyUpdate(doc, baseState);
  const SESSIONS_PER_TABLET = 25;
  let made = 0;
  for (let from = 0; from < sessions; from += SESSIONS_PER_TABLET) {
    const tablet = new Y.Doc();
    setActor(tablet, `网格员${from / SESSIONS_PER_TABLET}`);
    Y.applyUpdate(tablet, baseState);
    for (let s = from; s < Math.min(sessions, from + SESSIONS_PER_TABLET); s++) {
      const at = sitting(s);
      const perSession = Math.floor(((s + 1) * total) / sessions) - Math.floor((s * total) / sessions);
      for (let k = 0; k < perSession; k++, made++) {
        handleMatter(tablet, `${opts.matterPrefix ?? ""}m${made}`, s, at + k * 60_000, made);
      }
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(tablet, Y.encodeStateVector(base)));
    tablet.destroy();
  }
  const update = Y.encodeStateAsUpdate(doc);
  const steps = doc.getArray("steps").length;
  doc.destroy();
  base.destroy();
  return { id, update, matters: made, steps };

  /** Makes matter `mid`, raised at session `s` at `at`, and takes it through a plausible handling. */
  function handleMatter(d: Y.Doc, mid: string, s: number, at: number, i: number): void {
    const raisedOn = civilDate(at, tz);
    const due = addDays(raisedOn, 14 + Math.floor(rand() * 46));
    const age = (now - at) / DAY; // days since it was raised
    createMatter(
      d,
      {
        id: mid,
        sessionId: `s${s}`,
        talkPointId: talkPoints[s % talkPoints.length]!,
        issueId: mid,
        raisedOn,
        text: `${PLACES[i % PLACES.length]}${TEXTS[(i * 3) % TEXTS.length]}，居民反映已有${1 + (i % 9)}周`,
        categoryId: DEFAULT_CATEGORIES[i % DEFAULT_CATEGORIES.length],
        urgent: rand() < 0.15,
        raisedBy: i % 6 === 0 ? "" : `居民${i % 300}`,
        anonymous: i % 6 === 0,
        location: PLACES[(i * 5) % PLACES.length],
      },
      at,
    );
    // What the table decided: one action, with an owner and a due date most of the time.
    createAction(
      d,
      {
        id: `${mid}-a`,
        matter: mid,
        sessionId: `s${s}`,
        action: pick(ACTIONS),
        owner: rand() < 0.3 ? `网格员${i % 12}` : "",
        due: rand() < 0.8 ? due : "",
      },
      at,
    );
    // Older matters are further along; a few stay open whatever their age.
    const r = rand();
    const stage = Math.min(1, age / 120) * (0.6 + 0.4 * rand());
    let t = at + DAY;
    const next = (days: number) => (t += days * DAY * (0.5 + rand()));
    if (r < 0.06 || next(0) > now) return; // created only
    startMatter(d, mid, { owner: `网格员${i % 12}`, due: rand() < 0.5 ? due : undefined }, t);
    if (stage < 0.15 || next(3) > now) return;
    if (rand() < 0.35) {
      // Blown the whistle to a department (吹哨), which reports (报到) in most cases.
      const deadline = addDays(civilDate(t, tz), 3 + Math.floor(rand() * 10));
      escalateMatter(d, mid, { departmentId: pick(departments), reason: "需要职能部门处理", deadline }, t);
      if (stage < 0.3 || next(4) > now) return;
      acknowledgeMatter(
        d,
        mid,
        { person: `科员${i % 20}`, commitment: "两周内上门处理", on: civilDate(t, tz) },
        t,
      );
    } else if (rand() < 0.2) {
      assignMatter(d, mid, { owner: `网格员${(i + 5) % 12}`, due }, t);
    }
    if (stage < 0.5 || next(7) > now) return;
    if (rand() < 0.1) rand(); // (an older build recorded a report-back here; kept so the rest draws alike)
    resolveMatter(d, mid, { note: "已处理完毕，居民确认" }, next(2));
    if (stage < 0.7 || next(5) > now) return;
    const satisfied = rand() < 0.9;
    feedbackMatter(d, mid, { how: pick(["phone", "inPerson"] as const), on: civilDate(t, tz), satisfied }, t);
    if (!satisfied || rand() > 0.02) return;
    reopenMatter(d, mid, { reason: "问题再次出现" }, next(30));
  }
}
