// Follow-ups (跟進事項): creation, per-field history, escalation (吹哨) and date checks.
import { describe, expect, it } from "vitest";
import { addFollowUp, escalateFollowUp, updateFollowUp } from "../../../src/doc/session/followUps.ts";
import { addIssue } from "../../../src/doc/session/issues.ts";
import { setActor } from "../../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import { createVote } from "../../../src/doc/session/votes.ts";
import { expectDocError, newSessionDoc } from "../../helpers/peers.ts";

function withFollowUp() {
  const doc = newSessionDoc();
  setActor(doc, "網格員");
  const id = addFollowUp(doc, { action: "聯繫電力局更換電錶" }, 1_000);
  return { doc, id };
}
const followUp = (doc: Parameters<typeof snapshot>[0]) => snapshot(doc).followUps[0]!;

describe("addFollowUp", () => {
  it("fills defaults and starts the history with a created entry", () => {
    const { doc, id } = withFollowUp();
    expect(followUp(doc)).toEqual({
      id,
      order: followUp(doc).order,
      action: "聯繫電力局更換電錶",
      issueId: null,
      voteId: null,
      owner: "",
      ownerKind: "person",
      due: "",
      status: "open",
      escalatedTo: "",
      createdAt: 1_000,
      history: [{ at: 1_000, by: "網格員", field: "created", from: "", to: "聯繫電力局更換電錶" }],
    });
  });

  it("links the issue and vote it came from, with owner and due date", () => {
    const doc = newSessionDoc();
    const issueId = addIssue(doc, { text: "電錶老化" });
    const voteId = createVote(doc, { motion: "更換電錶" });
    addFollowUp(doc, {
      action: "更換",
      issueId,
      voteId,
      owner: "電力局",
      ownerKind: "unit",
      due: "2024-05-10",
    });
    expect(followUp(doc)).toMatchObject({
      issueId,
      voteId,
      owner: "電力局",
      ownerKind: "unit",
      due: "2024-05-10",
    });
  });

  it("rejects a blank action, bad dates and unknown links", () => {
    const doc = newSessionDoc();
    expectDocError(() => addFollowUp(doc, { action: " " }), "required", { params: { field: "action" }, doc });
    expectDocError(() => addFollowUp(doc, { action: "x", due: "10/05/2024" }), "outOfRange", {
      params: { field: "due" },
      doc,
    });
    expectDocError(() => addFollowUp(doc, { action: "x", issueId: "nope" }), "notFound", {
      params: { collection: "issues", id: "nope" },
      doc,
    });
    expectDocError(() => addFollowUp(doc, { action: "x", voteId: "nope" }), "notFound", {
      params: { collection: "votes", id: "nope" },
      doc,
    });
    expectDocError(() => addFollowUp(doc, { action: "x", owner: "o".repeat(201) }), "tooLong", {
      params: { field: "owner", max: 200, length: 201 },
      doc,
    });
  });
});

describe("updateFollowUp", () => {
  it("appends one history entry per changed field, with from and to", () => {
    const { doc, id } = withFollowUp();
    updateFollowUp(doc, id, { owner: "李主任", due: "2024-05-01", status: "inProgress" }, 2_000);
    expect(followUp(doc)).toMatchObject({ owner: "李主任", due: "2024-05-01", status: "inProgress" });
    expect(followUp(doc).history.slice(1)).toEqual([
      { at: 2_000, by: "網格員", field: "owner", from: "", to: "李主任" },
      { at: 2_000, by: "網格員", field: "due", from: "", to: "2024-05-01" },
      { at: 2_000, by: "網格員", field: "status", from: "open", to: "inProgress" },
    ]);
    updateFollowUp(doc, id, { due: "2024-05-08" }, 3_000);
    expect(followUp(doc).history.at(-1)).toEqual({
      at: 3_000,
      by: "網格員",
      field: "due",
      from: "2024-05-01",
      to: "2024-05-08",
    });
  });

  it("adds nothing for fields that did not change", () => {
    const { doc, id } = withFollowUp();
    updateFollowUp(doc, id, { owner: "李主任" }, 2_000);
    updateFollowUp(
      doc,
      id,
      { owner: "李主任", status: "open", action: "聯繫電力局更換電錶", due: "" },
      3_000,
    );
    expect(followUp(doc).history.map((h) => h.field)).toEqual(["created", "owner"]);
    updateFollowUp(doc, id, { owner: "李主任", status: "resolved", note: "已更換" }, 4_000);
    expect(followUp(doc).history.map((h) => [h.field, h.at])).toEqual([
      ["created", 1_000],
      ["owner", 2_000],
      ["status", 4_000],
    ]);
  });

  it("clears a due date with an empty string", () => {
    const { doc, id } = withFollowUp();
    updateFollowUp(doc, id, { due: "2024-05-01" });
    updateFollowUp(doc, id, { due: "" });
    expect(followUp(doc).due).toBe("");
  });

  it("rejects malformed dates, unknown statuses and unknown ids", () => {
    const { doc, id } = withFollowUp();
    for (const due of ["2024-5-1", "tomorrow", "2024-05-01T10:00", " 2024-05-01"]) {
      expectDocError(() => updateFollowUp(doc, id, { due }), "outOfRange", { params: { field: "due" }, doc });
    }
    expectDocError(() => updateFollowUp(doc, id, { status: "lost" as never }), "outOfRange", {
      params: { field: "status" },
      doc,
    });
    expectDocError(() => updateFollowUp(doc, "nope", { owner: "x" }), "notFound", {
      params: { collection: "followUps", id: "nope" },
      doc,
    });
  });

  // Regression (src/doc/followUps.ts DATE_RE), fixed: only the shape is checked, so impossible dates are stored as due dates.
  it("rejects impossible calendar dates as outOfRange", () => {
    const { doc, id } = withFollowUp();
    for (const due of ["2024-13-45", "2024-02-30", "2023-02-29", "2024-00-10"]) {
      expectDocError(() => updateFollowUp(doc, id, { due }), "outOfRange", { params: { field: "due" }, doc });
    }
    updateFollowUp(doc, id, { due: "2024-02-29" });
    expect(followUp(doc).due).toBe("2024-02-29");
  });
});

describe("escalateFollowUp", () => {
  it("whistles in a department: status and department, each in the history", () => {
    const { doc, id } = withFollowUp();
    escalateFollowUp(doc, id, "電力局", "2024-02-01", 5_000);
    expect(followUp(doc)).toMatchObject({ status: "escalated", escalatedTo: "電力局" });
    expect(followUp(doc).history.slice(1)).toEqual([
      { at: 5_000, by: "網格員", field: "status", from: "open", to: "escalated", deadline: "2024-02-01" },
      { at: 5_000, by: "網格員", field: "escalatedTo", from: "", to: "電力局" },
    ]);
  });

  it("requires a department", () => {
    const { doc, id } = withFollowUp();
    expectDocError(() => escalateFollowUp(doc, id, " ", "2024-02-01"), "required", {
      params: { field: "escalatedTo" },
      doc,
    });
    expectDocError(() => updateFollowUp(doc, id, { status: "escalated", escalatedTo: "" }), "required", {
      params: { field: "escalatedTo" },
      doc,
    });
    expect(followUp(doc).status).toBe("open");
  });

  // Regression (src/doc/followUps.ts checkFollowUp), fixed: a status-only patch to "escalated" skips the department check,
  // leaving an escalated follow-up that names no department.
  it("refuses to mark a follow-up escalated when no department is named", () => {
    const { doc, id } = withFollowUp();
    expectDocError(() => updateFollowUp(doc, id, { status: "escalated" }), "required", {
      params: { field: "escalatedTo" },
      doc,
    });
  });
});
