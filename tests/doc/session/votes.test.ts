// Show-of-hands votes: creation defaults, options, open/close history, taps, typed corrections, mode changes.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAgendaItem, setAgendaStatus } from "../../../src/doc/session/agenda.ts";
import { DocError } from "../../../src/doc/docError.ts";
import { addIssue } from "../../../src/doc/session/issues.ts";
import { setActor } from "../../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import {
  addVoteOption,
  closeVote,
  createVote,
  DEFAULT_THRESHOLD,
  openVote,
  optionCount,
  renameVoteOption,
  setVoteCount,
  tapVote,
  updateVote,
} from "../../../src/doc/session/votes.ts";
import { expectDocError, newSessionDoc } from "../../helpers/peers.ts";

const MOTION = "在社區院子辦舞蹈班，每晚8點，關老師教";

function openYesNo() {
  const doc = newSessionDoc();
  const voteId = createVote(doc, { motion: MOTION });
  openVote(doc, voteId, 100);
  const [forO, against, abstain] = snapshot(doc).votes[0]!.options.map((o) => o.id);
  return { doc, voteId, forId: forO!, againstId: against!, abstainId: abstain! };
}
const vote = (doc: Y.Doc) => snapshot(doc).votes[0]!;
const counts = (doc: Y.Doc) => vote(doc).options.map((o) => o.count);

describe("createVote", () => {
  it("makes a draft yes/no vote with for, against and abstain at zero", () => {
    const doc = newSessionDoc();
    const id = createVote(doc, { motion: MOTION });
    const v = vote(doc);
    expect(v).toMatchObject({
      id,
      motion: MOTION,
      status: "draft",
      mode: "count",
      present: null,
      quorum: null,
      threshold: DEFAULT_THRESHOLD,
      issueId: null,
      agendaId: null,
      openedAt: null,
      closedAt: null,
      history: [],
    });
    expect(v.options.map(({ label, role, count }) => ({ label, role, count }))).toEqual([
      { label: "", role: "for", count: 0 },
      { label: "", role: "against", count: 0 },
      { label: "", role: "abstain", count: 0 },
    ]);
  });

  it("links the current agenda item, an issue, a mode and a threshold", () => {
    const doc = newSessionDoc();
    const agendaId = addAgendaItem(doc, { title: "舞蹈班" });
    setAgendaStatus(doc, agendaId, "discussing");
    const issueId = addIssue(doc, { text: "想跳舞沒有場地" });
    const threshold = { kind: "twoThirds", basis: "present", num: 2, den: 3 } as const;
    createVote(doc, { motion: MOTION, issueId, mode: "minority", threshold });
    expect(vote(doc)).toMatchObject({ agendaId, issueId, mode: "minority", threshold });
    createVote(doc, { motion: "二", agendaId: null });
    expect(snapshot(doc).votes[1]!.agendaId).toBeNull();
  });

  it("makes choice options from labels, in order, skipping blanks", () => {
    const doc = newSessionDoc();
    createVote(doc, { motion: "舞蹈班放在哪裡？", choices: ["社區院子", " ", "廣場", "活動室"] });
    expect(vote(doc).options.map(({ label, role }) => [label, role])).toEqual([
      ["社區院子", "choice"],
      ["廣場", "choice"],
      ["活動室", "choice"],
    ]);
  });

  it("needs 2 to 12 choices", () => {
    const doc = newSessionDoc();
    for (const choices of [["只有一個"], ["一", ""], Array.from({ length: 13 }, (_, i) => `選項${i}`)]) {
      expectDocError(() => createVote(doc, { motion: "?", choices }), "tooManyOptions", {
        params: { min: 2, max: 12 },
        doc,
      });
    }
    createVote(doc, { motion: "?", choices: Array.from({ length: 12 }, (_, i) => `選項${i}`) });
    expect(vote(doc).options).toHaveLength(12);
  });

  it("rejects a blank motion, an unknown issue and a bad custom fraction", () => {
    const doc = newSessionDoc();
    expectDocError(() => createVote(doc, { motion: "" }), "required", { params: { field: "motion" }, doc });
    expectDocError(() => createVote(doc, { motion: "x", issueId: "nope" }), "notFound", {
      params: { collection: "issues", id: "nope" },
      doc,
    });
    const bad = { kind: "custom", basis: "cast", num: 4, den: 3 } as const;
    expectDocError(() => createVote(doc, { motion: "x", threshold: bad }), "outOfRange", {
      params: { field: "thresholdNum", min: 1, max: 3 },
      doc,
    });
    expectDocError(() => createVote(doc, { motion: "x", choices: ["a", "b".repeat(201)] }), "tooLong", {
      doc,
    });
  });
});

describe("open, close and reopen", () => {
  it("records each step in the history with who and when", () => {
    const doc = newSessionDoc();
    setActor(doc, "主持人平板");
    const id = createVote(doc, { motion: MOTION });
    openVote(doc, id, 10);
    expect(vote(doc)).toMatchObject({ status: "open", openedAt: 10, closedAt: null });
    closeVote(doc, id, 20);
    expect(vote(doc)).toMatchObject({ status: "closed", openedAt: 10, closedAt: 20 });
    openVote(doc, id, 30);
    expect(vote(doc)).toMatchObject({ status: "open", openedAt: 10, closedAt: null });
    expect(vote(doc).history).toEqual([
      { at: 10, by: "主持人平板", kind: "open" },
      { at: 20, by: "主持人平板", kind: "close", result: expect.objectContaining({ outcome: "failed" }) },
      { at: 30, by: "主持人平板", kind: "reopen" },
    ]);
  });

  it("closes only an open vote", () => {
    const doc = newSessionDoc();
    const id = createVote(doc, { motion: MOTION });
    expectDocError(() => closeVote(doc, id), "voteNotOpen", { doc });
    openVote(doc, id, 1);
    closeVote(doc, id, 2);
    expectDocError(() => closeVote(doc, id), "voteNotOpen", { doc });
    expectDocError(() => openVote(doc, "nope"), "notFound", { doc });
  });
});

describe("tapVote", () => {
  it("counts taps per option while open", () => {
    const { doc, voteId, forId, againstId } = openYesNo();
    tapVote(doc, voteId, forId, 1);
    tapVote(doc, voteId, forId, 1);
    tapVote(doc, voteId, forId, 1);
    tapVote(doc, voteId, againstId, 1);
    tapVote(doc, voteId, forId, -1);
    expect(counts(doc)).toEqual([2, 1, 0]);
    expect(optionCount(doc, voteId, forId)).toBe(2);
    expect(optionCount(doc, "nope", forId)).toBe(0);
  });

  it("refuses taps unless the vote is open", () => {
    const doc = newSessionDoc();
    const voteId = createVote(doc, { motion: MOTION });
    const forId = vote(doc).options[0]!.id;
    expectDocError(() => tapVote(doc, voteId, forId, 1), "voteNotOpen", { doc });
    openVote(doc, voteId, 1);
    tapVote(doc, voteId, forId, 1);
    closeVote(doc, voteId, 2);
    expectDocError(() => tapVote(doc, voteId, forId, 1), "voteNotOpen", { doc });
    expect(counts(doc)).toEqual([1, 0, 0]);
  });

  it("refuses −1 at zero with belowZero", () => {
    const { doc, voteId, abstainId } = openYesNo();
    expectDocError(() => tapVote(doc, voteId, abstainId, -1), "belowZero", {
      params: { field: "count" },
      doc,
    });
  });

  it("rejects unknown votes and options", () => {
    const { doc, voteId } = openYesNo();
    expectDocError(() => tapVote(doc, voteId, "ghost", 1), "notFound", {
      params: { collection: "options", id: "ghost" },
      doc,
    });
    expectDocError(() => tapVote(doc, "ghost", "x", 1), "notFound", {
      params: { collection: "votes", id: "ghost" },
      doc,
    });
  });
});

describe("setVoteCount", () => {
  it("sets a typed total and records it as a correction from → to", () => {
    const { doc, voteId, forId } = openYesNo();
    setActor(doc, "記錄員");
    tapVote(doc, voteId, forId, 1);
    tapVote(doc, voteId, forId, 1);
    setVoteCount(doc, voteId, forId, 17, 500);
    expect(counts(doc)).toEqual([17, 0, 0]);
    expect(vote(doc).history.at(-1)).toEqual({
      at: 500,
      by: "記錄員",
      kind: "set",
      optionId: forId,
      from: 2,
      to: 17,
      seen: { [String(doc.clientID)]: 2 },
    });
    tapVote(doc, voteId, forId, 1);
    expect(counts(doc)).toEqual([18, 0, 0]);
    setVoteCount(doc, voteId, forId, 0, 600);
    expect(counts(doc)).toEqual([0, 0, 0]);
    expect(vote(doc).history.at(-1)).toMatchObject({ kind: "set", from: 18, to: 0 });
  });

  it("adds no history when the total is unchanged", () => {
    const { doc, voteId, forId } = openYesNo();
    const before = vote(doc).history.length;
    setVoteCount(doc, voteId, forId, 0);
    expect(vote(doc).history).toHaveLength(before);
  });

  it("corrects a total that concurrent decrements pushed below zero", () => {
    const { doc: a, voteId, forId } = openYesNo();
    tapVote(a, voteId, forId, 1);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both tablets see 1 and both take it back.
    tapVote(a, voteId, forId, -1);
    tapVote(b, voteId, forId, -1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(counts(a)).toEqual([0, 0, 0]);
    expect(counts(b)).toEqual([0, 0, 0]);
    setVoteCount(a, voteId, forId, 3, 9);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(counts(b)).toEqual([3, 0, 0]);
    expect(vote(b).history.at(-1)).toMatchObject({ kind: "set", from: 0, to: 3 });
  });

  it("needs an open vote and a whole number in range", () => {
    const doc = newSessionDoc();
    const voteId = createVote(doc, { motion: MOTION });
    const forId = vote(doc).options[0]!.id;
    expectDocError(() => setVoteCount(doc, voteId, forId, 3), "voteNotOpen", { doc });
    openVote(doc, voteId, 1);
    for (const bad of [-1, 1.5, 100_001]) {
      expectDocError(() => setVoteCount(doc, voteId, forId, bad), "outOfRange", {
        params: { field: "count", min: 0, max: 100_000 },
        doc,
      });
    }
  });
});

describe("updateVote", () => {
  it("records a mode change, and only a change", () => {
    const doc = newSessionDoc();
    setActor(doc, "主持人");
    const id = createVote(doc, { motion: MOTION });
    updateVote(doc, id, { mode: "minority" }, 42);
    expect(vote(doc).mode).toBe("minority");
    expect(vote(doc).history).toEqual([{ at: 42, by: "主持人", kind: "mode" }]);
    updateVote(doc, id, { mode: "minority" }, 43);
    expect(vote(doc).history).toHaveLength(1);
    updateVote(doc, id, { mode: "count" }, 44);
    expect(vote(doc).history.map((h) => [h.kind, h.at])).toEqual([
      ["mode", 42],
      ["mode", 44],
    ]);
  });

  it("edits motion, present, quorum and threshold", () => {
    const doc = newSessionDoc();
    const id = createVote(doc, { motion: MOTION });
    const threshold = { kind: "custom", basis: "present", num: 3, den: 5 } as const;
    updateVote(doc, id, { motion: "改到周末", present: 40, quorum: 20, threshold });
    expect(vote(doc)).toMatchObject({ motion: "改到周末", present: 40, quorum: 20, threshold });
    updateVote(doc, id, { present: null });
    expect(vote(doc)).toMatchObject({ present: null, quorum: 20 });
  });

  it("rejects bad values without a change", () => {
    const doc = newSessionDoc();
    const id = createVote(doc, { motion: MOTION });
    expectDocError(() => updateVote(doc, id, { motion: " " }), "required", { doc });
    expectDocError(() => updateVote(doc, id, { present: -1 }), "outOfRange", { doc });
    expectDocError(() => updateVote(doc, id, { quorum: 0.5 }), "outOfRange", { doc });
    expectDocError(
      () => updateVote(doc, id, { threshold: { kind: "custom", basis: "cast", num: 1, den: 0 } }),
      "outOfRange",
      { params: { field: "thresholdDen", min: 1, max: 1000 }, doc },
    );
    expectDocError(() => updateVote(doc, "nope", { mode: "minority" }), "notFound", { doc });
  });
});

describe("vote options", () => {
  it("adds a choice at the end and renames options", () => {
    const doc = newSessionDoc();
    const voteId = createVote(doc, { motion: "地點", choices: ["院子", "廣場"] });
    const added = addVoteOption(doc, voteId, "活動室");
    expect(vote(doc).options.map((o) => [o.label, o.role])).toEqual([
      ["院子", "choice"],
      ["廣場", "choice"],
      ["活動室", "choice"],
    ]);
    expect(vote(doc).options[2]!.id).toBe(added);
    renameVoteOption(doc, voteId, added, "社區活動室");
    expect(vote(doc).options.map((o) => o.label)).toEqual(["院子", "廣場", "社區活動室"]);
  });

  it("counts taps on an added option", () => {
    const { doc, voteId } = openYesNo();
    const other = addVoteOption(doc, voteId, "改期再議");
    tapVote(doc, voteId, other, 1);
    expect(counts(doc)).toEqual([0, 0, 0, 1]);
  });

  it("stops at 12 options", () => {
    const doc = newSessionDoc();
    const voteId = createVote(doc, { motion: MOTION });
    for (let i = 0; i < 9; i++) addVoteOption(doc, voteId, `選項${i}`);
    expect(vote(doc).options).toHaveLength(12);
    expectDocError(() => addVoteOption(doc, voteId, "第13個"), "tooManyOptions", {
      params: { min: 2, max: 12 },
      doc,
    });
  });

  it("rejects blank labels and unknown options", () => {
    const doc = newSessionDoc();
    const voteId = createVote(doc, { motion: MOTION });
    const forId = vote(doc).options[0]!.id;
    expectDocError(() => addVoteOption(doc, voteId, ""), "required", { params: { field: "option" }, doc });
    expectDocError(() => renameVoteOption(doc, voteId, forId, " "), "required", { doc });
    expectDocError(() => renameVoteOption(doc, voteId, "ghost", "x"), "notFound", {
      params: { collection: "options", id: "ghost" },
      doc,
    });
  });

  // Regression (src/doc/votes.ts addVoteOption), fixed: its JSDoc says "to a vote that is not closed", but a closed
  // vote accepts a new option, changing the options its verdict was declared over.
  it("does not add an option to a closed vote", () => {
    const { doc, voteId } = openYesNo();
    closeVote(doc, voteId, 200);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => addVoteOption(doc, voteId, "後補選項")).toThrow(DocError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(vote(doc).options).toHaveLength(3);
  });
});
