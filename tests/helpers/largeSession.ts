// A big, realistic session for benchmarks and load tests: 2,000 items built by 20,000 edits, seeded.
import * as Y from "yjs";
import * as prng from "lib0/prng";
import { addAgendaItem, setAgendaNotes, setAgendaStatus } from "../../src/doc/session/agenda.ts";
import { addFollowUp, updateFollowUp } from "../../src/doc/session/followUps.ts";
import { addIssue, updateIssue } from "../../src/doc/session/issues.ts";
import { moveRecord } from "../../src/doc/session/records.ts";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { setSessionNotes, tapHeadcount } from "../../src/doc/session/session.ts";
import { createVote, openVote, tapVote } from "../../src/doc/session/votes.ts";
import { readVotes } from "../../src/doc/session/snapshot.ts";
import { DEFAULT_CATEGORIES } from "../../src/doc/session/schema.ts";

export interface LargeSessionOptions {
  /** Agenda items + issues + follow-ups (split 1 : 2 : 1). */
  items?: number;
  /** Total edits including the adds. */
  edits?: number;
  seed?: number;
}

/** Fills `doc` with a session of `items` records made by `edits` edits; returns the doc. */
export function buildLargeSession(doc: Y.Doc, opts: LargeSessionOptions = {}): Y.Doc {
  const items = opts.items ?? 2000;
  const edits = opts.edits ?? 20_000;
  const gen = prng.create(opts.seed ?? 42);
  initSessionDoc(doc, {
    id: "bench-session",
    talkPoint: { id: "tp", name: "有一说一说事点", community: "老城路社区", location: "幸福路" },
    title: "大型议事",
    startsAt: "2024-01-21T10:00:00+08:00",
  });
  const agenda: string[] = [];
  const issues: string[] = [];
  const followUps: string[] = [];
  const quarter = Math.floor(items / 4);
  for (let i = 0; i < quarter; i++)
    agenda.push(addAgendaItem(doc, { title: `议题 ${i}：鸿雁小区电表改造`, timeboxMin: 10 }));
  for (let i = 0; i < items - 2 * quarter; i++) {
    issues.push(
      addIssue(doc, {
        text: `问题 ${i}：小区线路老化，电表需要改造，环境卫生脏乱差。`,
        raisedBy: `居民${i}`,
        location: "幸福路鸿雁小区",
        categoryId: DEFAULT_CATEGORIES[i % DEFAULT_CATEGORIES.length],
        urgent: i % 4 === 0,
        agendaId: agenda[i % agenda.length],
      }),
    );
  }
  for (let i = 0; i < quarter; i++) {
    followUps.push(
      addFollowUp(doc, {
        action: `跟进 ${i}：联系电力局更换电表`,
        issueId: issues[i],
        owner: "网格员 张三",
        due: "2024-02-01",
      }),
    );
  }
  const vote = createVote(doc, { motion: "广场舞场地定在社区院内，每天晚上8点", issueId: issues[0] });
  openVote(doc, vote);
  const options = readVotes(doc)[0]!.options.map((o) => o.id);

  let notes = "";
  for (let done = items + 2; done < edits; done++) {
    const op = prng.int32(gen, 0, 9);
    const pick = (ids: string[]) => ids[prng.int32(gen, 0, ids.length - 1)]!;
    if (op <= 2) tapVote(doc, vote, options[prng.int32(gen, 0, options.length - 1)]!, 1);
    else if (op === 3) tapHeadcount(doc, 1);
    else if (op === 4)
      setAgendaStatus(
        doc,
        pick(agenda),
        (["pending", "discussing", "done"] as const)[prng.int32(gen, 0, 2)]!,
      );
    else if (op === 5) setAgendaNotes(doc, pick(agenda), `记录 ${done}`);
    else if (op === 6) updateIssue(doc, pick(issues), { text: `问题 ${done}：停车位紧张，装修扰民。` });
    else if (op === 7)
      updateFollowUp(doc, pick(followUps), {
        status: (["open", "inProgress", "resolved"] as const)[prng.int32(gen, 0, 2)]!,
        note: "已办",
      });
    else if (op === 8) moveRecord(doc, "agenda", pick(agenda), prng.int32(gen, 0, agenda.length - 1));
    else {
      notes += `第${done}条。`;
      setSessionNotes(doc, notes.length > 20_000 ? (notes = "") : notes);
    }
  }
  return doc;
}
