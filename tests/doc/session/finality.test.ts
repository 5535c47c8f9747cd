// What was finalised stays as it was: a closed vote's result, typed totals merged by intent, the lock chosen
// by the document's causal order, Undo and displays kept out of a locked session, late edits shown apart.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addIssue } from "../../../src/doc/session/issues.ts";
import { lockMinutes, reopenMinutes } from "../../../src/doc/session/minutes.ts";
import { setHeadcount, tapHeadcount } from "../../../src/doc/session/session.ts";
import { createUndoManager, setDeviceReadOnly } from "../../../src/doc/session/sessionDoc.ts";
import { readHeadcount, snapshot } from "../../../src/doc/session/snapshot.ts";
import {
  closeVote,
  createVote,
  openVote,
  optionCount,
  setVoteCount,
  tapVote,
  updateVote,
} from "../../../src/doc/session/votes.ts";
import { buildMinutes } from "../../../src/export/minutesModel.ts";
import { createPeers, expectConverged, expectDocError, newSessionDoc } from "../../helpers/peers.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const MOTION = "鴻雁小區電表是否統一由電力局更換？";

/** A for/against/abstain vote counted by the minority: for = present − against − abstain. */
function minorityVote(doc: Y.Doc) {
  const id = createVote(doc, { motion: MOTION, mode: "minority" });
  openVote(doc, id, 10);
  const [forId, againstId, abstainId] = snapshot(doc)
    .votes.find((v) => v.id === id)!
    .options.map((o) => o.id);
  return { id, forId: forId!, againstId: againstId!, abstainId: abstainId! };
}

const minutesVote = (doc: Y.Doc) => buildMinutes(snapshot(doc), "en").votes[0]!;

describe("a closed vote's result", () => {
  it("stays what it was when the head count changes afterwards (23/5/2 passed stays passed)", () => {
    const doc = newSessionDoc();
    setHeadcount(doc, 30);
    const v = minorityVote(doc);
    setVoteCount(doc, v.id, v.againstId, 5);
    setVoteCount(doc, v.id, v.abstainId, 2);
    closeVote(doc, v.id, 20);
    const before = minutesVote(doc);
    expect(before.outcome).toBe("passed");
    expect(before.tallies.map((t) => t.count)).toEqual([23, 5, 2]);
    setHeadcount(doc, 10);
    expect(minutesVote(doc)).toEqual(before);
    expect(snapshot(doc).votes[0]!.result).toMatchObject({ outcome: "passed", present: 30 });
  });

  it("refuses changes to its rules and options until reopened, and the reopening is recorded", () => {
    const doc = newSessionDoc();
    setHeadcount(doc, 30);
    const v = minorityVote(doc);
    setVoteCount(doc, v.id, v.againstId, 5);
    closeVote(doc, v.id, 20);
    const twoThirds = { kind: "twoThirds", basis: "cast", num: 2, den: 3 } as const;
    expectDocError(() => updateVote(doc, v.id, { threshold: twoThirds }), "voteClosed", { doc });
    expectDocError(() => updateVote(doc, v.id, { present: 3 }), "voteClosed", { doc });
    expectDocError(() => updateVote(doc, v.id, { mode: "count" }), "voteClosed", { doc });
    openVote(doc, v.id, 30);
    updateVote(doc, v.id, { present: 12 }, 31);
    const history = snapshot(doc).votes[0]!.history.map((h) => h.kind);
    expect(history).toEqual(["open", "set", "close", "reopen", "settings"]);
    closeVote(doc, v.id, 40);
    expect(minutesVote(doc).tallies.map((t) => t.count)).toEqual([7, 5, 0]);
  });

  it("keeps the result of the close that came last in causal order, on every tablet", () => {
    const net = createPeers(3, 5, { setup: (base) => void minorityVote(base) });
    const [a, b] = net.peers as [Y.Doc, Y.Doc];
    const v = snapshot(a).votes[0]!;
    const againstId = v.options[1]!.id;
    tapHeadcount(a, 1);
    net.deliverAll();
    // Concurrently: a closes, b taps once more against (a tap on a vote it still sees open).
    closeVote(a, v.id, 50);
    tapVote(b, v.id, againstId, 1);
    net.deliverAll();
    expectConverged(net.peers);
    for (const doc of net.peers) {
      expect(snapshot(doc).votes[0]!.status).toBe("closed");
      expect(minutesVote(doc).tallies.map((t) => t.count)).toEqual([1, 0, 0]);
    }
  });
});

describe("typed totals merge by intent", () => {
  it("two tablets correcting a tally from 10 to 12 at once give 12; taps after it still add up", () => {
    const net = createPeers(2, 11, {
      setup: (base) => {
        const id = createVote(base, { motion: MOTION });
        openVote(base, id, 1);
      },
    });
    const [a, b] = net.peers as [Y.Doc, Y.Doc];
    const v = snapshot(a).votes[0]!;
    const forId = v.options[0]!.id;
    for (let i = 0; i < 10; i++) tapVote(i % 2 ? a : b, v.id, forId, 1);
    net.deliverAll();
    expect(optionCount(a, v.id, forId)).toBe(10);
    setVoteCount(a, v.id, forId, 12);
    setVoteCount(b, v.id, forId, 12);
    net.deliverAll();
    expect([optionCount(a, v.id, forId), optionCount(b, v.id, forId)]).toEqual([12, 12]);
    tapVote(a, v.id, forId, 1);
    tapVote(b, v.id, forId, 1);
    net.deliverAll();
    expectConverged(net.peers);
    expect(optionCount(b, v.id, forId)).toBe(14);
  });

  it("the same for the head count, and a correction plus concurrent taps is the correction plus those taps", () => {
    const net = createPeers(3, 12);
    const [a, b, c] = net.peers as [Y.Doc, Y.Doc, Y.Doc];
    for (let i = 0; i < 10; i++) tapHeadcount(net.peers[i % 3]!, 1);
    net.deliverAll();
    setHeadcount(a, 12);
    setHeadcount(b, 12);
    net.deliverAll();
    expect(net.peers.map(readHeadcount)).toEqual([12, 12, 12]);
    setHeadcount(a, 20);
    tapHeadcount(c, 1);
    tapHeadcount(c, 1);
    net.deliverAll();
    expectConverged(net.peers);
    expect(net.peers.map(readHeadcount)).toEqual([22, 22, 22]);
  });
});

describe("the lock", () => {
  it("is chosen by causal order, not by clocks: a later lock holds though a fast tablet reopened 'later'", () => {
    const net = createPeers(2, 21);
    const [fast, right] = net.peers as [Y.Doc, Y.Doc];
    const now = 1_800_000_000_000;
    lockMinutes(fast, now + 3_600_000);
    reopenMinutes(fast, now + 3_600_001);
    net.deliverAll();
    lockMinutes(right, now);
    net.deliverAll();
    expectConverged(net.peers);
    for (const doc of net.peers) expect(snapshot(doc).lock).toEqual({ at: now, by: "peer1" });
    expectDocError(() => addIssue(fast, { text: "還能加嗎" }), "locked", { doc: fast });
  });

  it("Undo cannot take content out of a locked session (add an issue, lock, Undo)", () => {
    const doc = newSessionDoc();
    const undo = createUndoManager(doc);
    addIssue(doc, { text: "樓道堆放雜物" });
    lockMinutes(doc);
    undo.undo();
    expect(snapshot(doc).issues.map((i) => i.text)).toEqual(["樓道堆放雜物"]);
    reopenMinutes(doc);
    undo.undo();
    expect(snapshot(doc).issues).toHaveLength(1);
  });

  it("a display can neither lock nor reopen", () => {
    const doc = newSessionDoc();
    setDeviceReadOnly(doc);
    expectDocError(() => lockMinutes(doc), "readOnly", { doc });
    const other = newSessionDoc();
    lockMinutes(other);
    const display = new Y.Doc();
    Y.applyUpdate(display, Y.encodeStateAsUpdate(other));
    setDeviceReadOnly(display);
    expectDocError(() => reopenMinutes(display), "readOnly", { doc: display });
  });

  it("records what it finalised; an offline tablet's late edits show apart, in the session and the minutes", () => {
    const net = createPeers(2, 22);
    const [secretary, offline] = net.peers as [Y.Doc, Y.Doc];
    addIssue(secretary, { text: "停車位不足", urgent: true });
    net.deliverAll();
    net.disconnect(1);
    addIssue(offline, { text: "離線時記的問題" });
    lockMinutes(secretary, 1000);
    const lockEntry = secretary.getArray("lockLog").get(0) as { sv?: unknown };
    expect(typeof lockEntry.sv).toBe("string");
    net.settle();
    expectConverged(net.peers);
    for (const doc of net.peers) {
      const s = snapshot(doc);
      expect(s.issues).toHaveLength(2);
      expect(s.finalised?.issues.map((i) => i.text)).toEqual(["停車位不足"]);
      const minutes = buildMinutes(s, "en");
      expect(minutes.issues.map((i) => i.text)).toEqual(["停車位不足"]);
      expect(minutes.late).toEqual(["Added · issue · 離線時記的問題"]);
    }
  });
});
