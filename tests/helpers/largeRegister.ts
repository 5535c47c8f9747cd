// A register of many matters as plain records (no Yjs document), for tests of the register's screens.
import type { ActionSeed, FoldStep } from "../../src/doc/community/lifecycle.ts";
import type { MatterIndex } from "../../src/doc/community/matterIndex.ts";
import { dayReader, matterOf } from "../../src/doc/community/readers.ts";
import type { Matter, MatterEvent } from "../../src/doc/community/schema.ts";

const PLACES = ["幸福路鸿雁小区", "大华商城", "椿树路", "苏公塔", "新城"];
const TEXTS = ["电表老化需更换", "楼道堆放杂物", "停车位不足", "装修噪音扰民", "广场舞没有场地"];
const CATEGORIES = ["utilities", "environment", "parking", "noise", "culture"];

/** `n` matters of community 老城路, raised over a year from 2023-01-01, a fifth escalated, a third resolved. */
export function largeRegister(n: number): Matter[] {
  const index: MatterIndex = {
    infos: new Map(),
    actions: new Map<string, ActionSeed[]>(),
    steps: new Map<string, FoldStep[]>(),
    linkedFrom: new Map(),
    actionRecords: new Map(),
    stepIds: new Set(),
    matterOfKey: () => undefined,
  };
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2023, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    const due = new Date(Date.UTC(2023, 0, 15 + (i % 365))).toISOString().slice(0, 10);
    const at = Date.UTC(2023, 0, 1) + i * 1000;
    const steps: MatterEvent[] = [
      {
        id: `e${i}a`,
        at,
        by: "网格员",
        kind: "created",
        owner: `网格员${i % 7}`,
        due,
        sessionId: `s${i % 40}`,
      },
    ];
    if (i % 5 === 1)
      steps.push({
        id: `e${i}b`,
        at: at + 1,
        by: "网格员",
        kind: "escalate",
        departmentId: "d-power",
        department: "电力局",
        reason: "需要电力局",
        deadline: due,
      });
    if (i % 3 === 2) steps.push({ id: `e${i}c`, at: at + 2, by: "网格员", kind: "resolve", note: "已办" });
    const info = {
      sessionId: `s${i % 40}`,
      talkPointId: `tp${i % 4}`,
      raisedOn: day,
      createdAt: at,
      text: `${PLACES[i % 5]}${TEXTS[i % 5]} #${i}`,
      categoryId: CATEGORIES[i % 5],
      urgent: i % 4 === 0,
      raisedBy: i % 6 === 0 ? "" : `居民${i}`,
      anonymous: i % 6 === 0,
      location: PLACES[i % 5],
    };
    index.infos.set(`m${i}`, info);
    index.steps.set(`m${i}`, steps);
    const action = {
      id: `m${i}-a`,
      sessionId: info.sessionId,
      voteId: null,
      action: "协调处理",
      createdAt: at,
    };
    index.actions.set(`m${i}`, [{ ...action, removed: false }]);
  }
  const dayOf = dayReader("Asia/Shanghai");
  return [...index.infos.keys()].map((id) => matterOf(index, id, dayOf)!);
}
