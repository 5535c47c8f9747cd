// Raised issues (說事): defaults, the current agenda item, anonymity, categories, edits and the text reader.
import { describe, expect, it } from "vitest";
import { addAgendaItem, setAgendaStatus } from "../../../src/doc/session/agenda.ts";
import { addIssue, issueText, updateIssue } from "../../../src/doc/session/issues.ts";
import { addCategory } from "../../../src/doc/session/session.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import { expectDocError, newSessionDoc } from "../../helpers/peers.ts";

describe("addIssue", () => {
  it("fills defaults: category other, no agenda item when none is current", () => {
    const doc = newSessionDoc();
    const id = addIssue(doc, { text: "小區沒有物業，院子髒亂" }, 1_682_640_000_000);
    const [issue] = snapshot(doc).issues;
    expect(issue).toEqual({
      id,
      order: issue!.order,
      text: "小區沒有物業，院子髒亂",
      raisedBy: "",
      anonymous: false,
      contact: "",
      location: "",
      categoryId: "other",
      urgent: false,
      agendaId: null,
      createdAt: 1_682_640_000_000,
      sameAs: "",
      settled: "",
    });
  });

  it("belongs to the current agenda item unless another (or none) is given", () => {
    const doc = newSessionDoc();
    const a = addAgendaItem(doc, { title: "物業" });
    const b = addAgendaItem(doc, { title: "電錶" });
    setAgendaStatus(doc, a, "discussing");
    addIssue(doc, { text: "一" });
    addIssue(doc, { text: "二", agendaId: b });
    addIssue(doc, { text: "三", agendaId: null });
    expect(snapshot(doc).issues.map((i) => [i.text, i.agendaId])).toEqual([
      ["一", a],
      ["二", b],
      ["三", null],
    ]);
  });

  it("keeps every given field", () => {
    const doc = newSessionDoc();
    const cat = addCategory(doc, "文體");
    addIssue(doc, {
      text: "想跳廣場舞，沒有場地也沒有老師",
      raisedBy: "關老師",
      contact: "139xxxx0000",
      location: "幸福路鴻雁小區",
      categoryId: cat,
      urgent: true,
    });
    expect(snapshot(doc).issues[0]).toMatchObject({
      raisedBy: "關老師",
      anonymous: false,
      contact: "139xxxx0000",
      location: "幸福路鴻雁小區",
      categoryId: cat,
      urgent: true,
    });
  });

  it("keeps no name for an anonymous issue", () => {
    const doc = newSessionDoc();
    addIssue(doc, { text: "裝修噪音", raisedBy: "3號樓住戶", anonymous: true });
    expect(snapshot(doc).issues[0]).toMatchObject({ anonymous: true, raisedBy: "" });
  });

  it("rejects an unknown category or agenda item with notFound", () => {
    const doc = newSessionDoc();
    expectDocError(() => addIssue(doc, { text: "x", categoryId: "weather" }), "notFound", {
      params: { collection: "categories", id: "weather" },
      doc,
    });
    expectDocError(() => addIssue(doc, { text: "x", agendaId: "gone" }), "notFound", {
      params: { collection: "agenda", id: "gone" },
      doc,
    });
  });

  it("requires text and limits its length and the short fields", () => {
    const doc = newSessionDoc();
    expectDocError(() => addIssue(doc, { text: "   " }), "required", { params: { field: "text" }, doc });
    expectDocError(() => addIssue(doc, { text: "x".repeat(5_001) }), "tooLong", {
      params: { field: "text", max: 5_000, length: 5_001 },
      doc,
    });
    expectDocError(() => addIssue(doc, { text: "x", location: "y".repeat(201) }), "tooLong", {
      params: { field: "location", max: 200, length: 201 },
      doc,
    });
    addIssue(doc, { text: "x".repeat(5_000) });
    expect(snapshot(doc).issues[0]!.text).toHaveLength(5_000);
  });
});

describe("updateIssue", () => {
  it("edits text, flag, category and place", () => {
    const doc = newSessionDoc();
    const id = addIssue(doc, { text: "電錶老化", raisedBy: "王大爺" });
    updateIssue(doc, id, {
      text: "電錶老化，需要更換",
      urgent: true,
      categoryId: "utilities",
      location: "2號樓",
    });
    expect(snapshot(doc).issues[0]).toMatchObject({
      text: "電錶老化，需要更換",
      urgent: true,
      categoryId: "utilities",
      location: "2號樓",
      raisedBy: "王大爺",
    });
  });

  it("clears the name when the issue is made anonymous", () => {
    const doc = newSessionDoc();
    const id = addIssue(doc, { text: "停車", raisedBy: "李師傅" });
    updateIssue(doc, id, { anonymous: true });
    expect(snapshot(doc).issues[0]).toMatchObject({ anonymous: true, raisedBy: "" });
    updateIssue(doc, id, { anonymous: true, raisedBy: "李師傅" });
    expect(snapshot(doc).issues[0]).toMatchObject({ anonymous: true, raisedBy: "" });
  });

  // Regression (src/doc/issues.ts updateIssue), fixed: a name patched onto an issue that is already anonymous is stored,
  // contradicting "anonymous means no name is kept".
  it("never keeps a name on an issue that stays anonymous", () => {
    const doc = newSessionDoc();
    const id = addIssue(doc, { text: "停車", anonymous: true });
    updateIssue(doc, id, { raisedBy: "李師傅" });
    const issue = snapshot(doc).issues[0]!;
    expect(issue.anonymous && issue.raisedBy !== "").toBe(false);
  });

  it("rejects bad edits without a change", () => {
    const doc = newSessionDoc();
    const id = addIssue(doc, { text: "停車" });
    expectDocError(() => updateIssue(doc, id, { text: "" }), "required", { doc });
    expectDocError(() => updateIssue(doc, id, { categoryId: "nope" }), "notFound", { doc });
    expectDocError(() => updateIssue(doc, "nope", { urgent: true }), "notFound", {
      params: { collection: "issues", id: "nope" },
      doc,
    });
  });
});

describe("issueText", () => {
  it("reads the text now, or empty for an unknown id", () => {
    const doc = newSessionDoc();
    const id = addIssue(doc, { text: "舞蹈班場地" });
    expect(issueText(doc, id)).toBe("舞蹈班場地");
    updateIssue(doc, id, { text: "舞蹈班場地和老師" });
    expect(issueText(doc, id)).toBe("舞蹈班場地和老師");
    expect(issueText(doc, "nope")).toBe("");
  });
});
