// Every rule a mutator enforces also holds after any merge: five replicas run random operations through the
// real mutators over a network that partitions, drops, duplicates and reorders, and each rule is checked on
// the receiving replica after every message it applies (the app repairs there, as this test does).
import fc from "fast-check";
import * as prng from "lib0/prng";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  addAgendaItem,
  setAgendaStatus,
  setAgendaTimer,
  updateAgendaItem,
} from "../../../src/doc/session/agenda.ts";
import { DocError } from "../../../src/doc/docError.ts";
import { addFollowUp, escalateFollowUp, updateFollowUp } from "../../../src/doc/session/followUps.ts";
import { addIssue, updateIssue } from "../../../src/doc/session/issues.ts";
import { lockMinutes, reopenMinutes } from "../../../src/doc/session/minutes.ts";
import { deleteRecord } from "../../../src/doc/session/records.ts";
import { repairDoc } from "../../../src/doc/session/repair.ts";
import { setHeadcount, tapHeadcount } from "../../../src/doc/session/session.ts";
import { setActor } from "../../../src/doc/session/sessionDoc.ts";
import { presentCount, snapshot } from "../../../src/doc/session/snapshot.ts";
import { shownResult } from "../../../src/doc/session/verdict.ts";
import {
  closeVote,
  createVote,
  openVote,
  setVoteCount,
  tapVote,
  updateVote,
} from "../../../src/doc/session/votes.ts";
import type { SessionSnapshot } from "../../../src/doc/session/schema.ts";
import { createChaosNet } from "../../helpers/chaosNet.ts";
import { expectConverged, newSessionDoc, seedRandomness } from "../../helpers/peers.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const REPLICAS = 5;
type Op = (doc: Y.Doc, s: SessionSnapshot, g: prng.PRNG, now: number) => unknown;
const pick = <T>(g: prng.PRNG, list: readonly T[]): T | undefined =>
  list.length === 0 ? undefined : list[prng.int32(g, 0, list.length - 1)];

/** Operations through the real mutators; each may be refused (locked, closed vote…), which is fine. */
const OPS: Op[] = [
  (doc, _s, g) =>
    addAgendaItem(doc, { title: `議題${prng.uint32(g, 0, 99)}`, timeboxMin: prng.bool(g) ? 5 : null }),
  (doc, s, g) => {
    const item = pick(g, s.agenda);
    if (item) setAgendaStatus(doc, item.id, pick(g, ["pending", "discussing", "done"] as const)!);
  },
  (doc, s, g, now) => {
    const item = pick(g, s.agenda);
    if (item) setAgendaTimer(doc, item.id, prng.bool(g), now);
  },
  (doc, s, g) => {
    const item = pick(g, s.agenda);
    if (item) updateAgendaItem(doc, item.id, { timeboxMin: prng.bool(g) ? null : 8 });
  },
  (doc, _s, g) =>
    addIssue(doc, { text: "停車難", raisedBy: prng.bool(g) ? "王阿姨" : "", anonymous: prng.bool(g) }),
  (doc, s, g) => {
    const issue = pick(g, s.issues);
    if (issue)
      updateIssue(doc, issue.id, prng.bool(g) ? { anonymous: prng.bool(g) } : { raisedBy: "李師傅" });
  },
  (doc, s, g) => {
    const issue = pick(g, s.issues);
    if (issue) deleteRecord(doc, "issues", issue.id);
  },
  (doc, _s, g) => createVote(doc, { motion: "辦舞蹈班？", mode: prng.bool(g) ? "minority" : "count" }),
  // A vote's next step: open a draft, close an open vote, reopen a closed one.
  (doc, s, g, now) => {
    const vote = pick(g, s.votes);
    if (vote?.status === "open") closeVote(doc, vote.id, now);
    else if (vote) openVote(doc, vote.id, now);
  },
  (doc, s, g) => {
    const vote = pick(g, s.votes);
    const option = vote && pick(g, vote.options);
    if (vote && option) tapVote(doc, vote.id, option.id, prng.bool(g) ? 1 : -1);
  },
  (doc, s, g, now) => {
    const vote = pick(g, s.votes);
    const option = vote && pick(g, vote.options);
    if (vote && option) setVoteCount(doc, vote.id, option.id, prng.int32(g, 0, 30), now);
  },
  (doc, s, g, now) => {
    const vote = pick(g, s.votes);
    if (vote) updateVote(doc, vote.id, { present: prng.int32(g, 0, 40) }, now);
  },
  (doc, _s, g, now) => setHeadcount(doc, prng.int32(g, 0, 40), now),
  (doc, _s, g) => tapHeadcount(doc, prng.bool(g) ? 1 : -1),
  (doc, s, g, now) => {
    const fu = pick(g, s.followUps);
    if (!fu) return addFollowUp(doc, { action: "更換電表" }, now);
    if (prng.bool(g)) return escalateFollowUp(doc, fu.id, "電力局", "2024-02-01", now);
    const status = pick(g, ["open", "inProgress", "resolved"] as const);
    return updateFollowUp(doc, fu.id, { status, note: "已办" }, now);
  },
  (doc, _s, _g, now) => lockMinutes(doc, now),
  (doc, _s, _g, now) => reopenMinutes(doc, now),
];
const LOCK = OPS.length - 2;
const REOPEN = OPS.length - 1;

/** What each replica first saw of a finalised thing: it must look the same whenever it is in force again. */
type Seen = Map<string, string>;

/** The rules as every reader shows them (a display never repairs, so readers must keep them on their own). */
function checkRules(doc: Y.Doc, seen: Seen): void {
  const s = snapshot(doc);
  for (const issue of s.issues) if (issue.anonymous) expect(issue.raisedBy).toBe("");
  for (const item of s.agenda) {
    if (item.status === "done") expect(item.timerStartedAt).toBeNull();
    if (item.timerStartedAt !== null) expect(item.timeboxMin).not.toBeNull();
  }
  if (s.meta.currentAgendaId !== null)
    expect(s.agenda.some((a) => a.id === s.meta.currentAgendaId)).toBe(true);
  expect(s.headcount).toBeGreaterThanOrEqual(0);
  for (const fu of s.followUps) if (fu.status === "escalated") expect(fu.escalatedTo).not.toBe("");
  for (const vote of s.votes) {
    for (const o of vote.options) expect(o.count).toBeGreaterThanOrEqual(0);
    if (vote.status !== "closed") continue;
    expect(vote.result).not.toBeNull();
    const close = [...vote.history].reverse().find((h) => h.kind === "close")!;
    const shown = JSON.stringify(shownResult(vote, presentCount(s)));
    const key = `vote:${vote.id}:${close.at}:${close.by}`;
    expect(shown, "a closed vote shows what was recorded when it closed").toBe(seen.get(key) ?? shown);
    seen.set(key, shown);
  }
  if (s.lock) {
    expect(s.finalised).not.toBeNull();
    const key = `lock:${s.lock.at}:${s.lock.by}`;
    const finalised = JSON.stringify(s.finalised);
    expect(finalised, "locked minutes stay as they were finalised").toBe(seen.get(key) ?? finalised);
    seen.set(key, finalised);
  }
}

/** After a repair, not even the stored state keeps the name of an anonymous raiser. */
function checkRepaired(doc: Y.Doc): void {
  doc.getMap<Y.Map<unknown>>("issues").forEach((issue) => {
    if (issue instanceof Y.Map && issue.get("anonymous") === true)
      expect(issue.get("raisedBy") ?? "").toBe("");
  });
}

/** What a step that was not refused must have done on the tablet that made it, whatever it had seen. */
function checkEffect(op: number, doc: Y.Doc): void {
  const s = snapshot(doc);
  if (op === LOCK) expect(s.lock, "a lock just made is in force").not.toBeNull();
  if (op === REOPEN) expect(s.lock, "a reopen just made is in force").toBeNull();
}

/** Counts of what the runs did, so a run that exercises nothing shows. */
const stats = { applied: 0, refused: 0, delivered: 0, locks: 0, closes: 0, partitions: 0 };

const stepArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("op" as const),
      replica: fc.nat(REPLICAS - 1),
      // Locking stops every other step until a reopen: rarer, so the rest gets exercised too.
      op: fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: 0, max: LOCK - 1 }) },
        { weight: 1, arbitrary: fc.constantFrom(LOCK, REOPEN) },
      ),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("deliver" as const),
      pick: fc.nat(),
      duplicate: fc.boolean(),
      drop: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("partition" as const), mask: fc.nat(2 ** REPLICAS - 1) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("heal" as const) }) },
);

describe("rules hold after every merge", () => {
  it("five replicas, random mutator calls, partitions, drops, duplicates and any order", () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 60, maxLength: 200, size: "max" }),
        fc.nat(),
        (steps, seed) => {
          seedRandomness(seed);
          const g = prng.create(seed);
          // Every replica starts with one record of each kind, so concurrent edits meet on the same records.
          const base = newSessionDoc();
          addAgendaItem(base, { title: "電表更換", timeboxMin: 10 });
          addIssue(base, { text: "樓道堆放雜物", raisedBy: "王阿姨" });
          openVote(base, createVote(base, { motion: "辦舞蹈班？", mode: "minority" }), 1);
          addFollowUp(base, { action: "聯繫物業" }, 1);
          const docs = Array.from({ length: REPLICAS }, (_, i) => {
            const doc = new Y.Doc();
            doc.clientID = i + 1;
            setActor(doc, `tablet${i}`);
            Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
            return doc;
          });
          const seen: Seen[] = docs.map(() => new Map());
          const net = createChaosNet(docs, (i) => {
            stats.delivered++;
            checkRules(docs[i]!, seen[i]!);
            repairDoc(docs[i]!);
            checkRepaired(docs[i]!);
          });
          // Tablets' clocks disagree (one runs an hour fast, one a day slow): nothing may depend on them.
          const skew = [0, 3_600_000, -86_400_000, 1, 0];
          let tick = 1_000_000_000;
          for (const step of steps) {
            if (step.kind === "op") {
              const doc = docs[step.replica]!;
              try {
                OPS[step.op]!(doc, snapshot(doc), g, tick++ + skew[step.replica]!);
                stats.applied++;
                if (step.op === LOCK) stats.locks++;
                checkEffect(step.op, doc);
              } catch (error) {
                if (!(error instanceof DocError)) throw error;
                stats.refused++;
              }
              checkRules(doc, seen[step.replica]!);
            } else if (step.kind === "deliver") {
              net.step(step.pick, step);
            } else if (step.kind === "partition") {
              stats.partitions++;
              net.partition(step.mask);
            } else {
              net.heal();
            }
          }
          net.settle();
          expectConverged(docs);
          docs.forEach((doc, i) => checkRules(doc, seen[i]!));
          const history = snapshot(docs[0]!).votes.flatMap((v) => v.history);
          stats.closes += history.filter((h) => h.kind === "close").length;
          vi.restoreAllMocks();
        },
      ),
      { numRuns: 80 },
    );
    console.log("rules property:", JSON.stringify(stats));
    expect(stats.applied).toBeGreaterThan(stats.refused);
    expect(stats.locks).toBeGreaterThan(10);
    expect(stats.closes).toBeGreaterThan(10);
  }, 240_000);
});
