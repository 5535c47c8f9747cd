// Hostile and odd input: huge pastes, blank required fields, documents from a newer app, unknown keys.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addAgendaItem,
  setAgendaNotes,
  setAgendaStatus,
  setAgendaTimer,
  updateAgendaItem,
} from "../../../src/doc/session/agenda.ts";
import { addFollowUp, escalateFollowUp, updateFollowUp } from "../../../src/doc/session/followUps.ts";
import { addIssue, updateIssue } from "../../../src/doc/session/issues.ts";
import { deleteRecord, moveRecord } from "../../../src/doc/session/records.ts";
import { LIMITS, SCHEMA_VERSION } from "../../../src/doc/session/schema.ts";
import {
  addAttendee,
  addCategory,
  renameCategory,
  setCurrentAgendaItem,
  setHeadcount,
  setSessionNotes,
  tapHeadcount,
  updateAttendee,
  updateMeta,
} from "../../../src/doc/session/session.ts";
import { initSessionDoc } from "../../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import {
  addVoteOption,
  closeVote,
  createVote,
  openVote,
  renameVoteOption,
  setVoteCount,
  tapVote,
  updateVote,
} from "../../../src/doc/session/votes.ts";
import { expectDocError, newSessionDoc, TEST_SESSION } from "../../helpers/peers.ts";

/** A 1 MB paste (2^20 UTF-16 units). */
const MEGABYTE = "說".repeat(1 << 20);

/** A session with one record of every kind, and their ids. */
function fullSession() {
  const doc = newSessionDoc();
  const agendaId = addAgendaItem(doc, { title: "物業管理", timeboxMin: 10 });
  const plainAgendaId = addAgendaItem(doc, { title: "停車" });
  setAgendaNotes(doc, agendaId, "原有議題紀錄");
  setSessionNotes(doc, "原有會議紀錄");
  const issueId = addIssue(doc, { text: "原有訴求", raisedBy: "王大爺" });
  const voteId = createVote(doc, { motion: "原有表決" });
  openVote(doc, voteId, 1);
  const draftVoteId = createVote(doc, { motion: "未開始表決" });
  const optionId = snapshot(doc).votes[0]!.options[0]!.id;
  tapVote(doc, voteId, optionId, 1);
  tapHeadcount(doc, 1);
  const followUpId = addFollowUp(doc, { action: "原有跟進" }, 1);
  const attendeeId = addAttendee(doc, { name: "艾力", role: "resident" });
  const categoryId = addCategory(doc, "文體");
  return {
    doc,
    agendaId,
    plainAgendaId,
    issueId,
    voteId,
    draftVoteId,
    optionId,
    followUpId,
    attendeeId,
    categoryId,
  };
}
type Ids = Omit<ReturnType<typeof fullSession>, "doc">;

describe("a 1 MB paste", () => {
  const pastes: [string, (doc: Y.Doc, ids: Ids) => unknown, string, number][] = [
    ["session notes", (d) => setSessionNotes(d, MEGABYTE), "notes", LIMITS.notes],
    ["agenda notes", (d, x) => setAgendaNotes(d, x.agendaId, MEGABYTE), "notes", LIMITS.notes],
    ["new issue text", (d) => addIssue(d, { text: MEGABYTE }), "text", LIMITS.text],
    ["edited issue text", (d, x) => updateIssue(d, x.issueId, { text: MEGABYTE }), "text", LIMITS.text],
    ["vote motion", (d) => createVote(d, { motion: MEGABYTE }), "motion", LIMITS.text],
    ["follow-up action", (d) => addFollowUp(d, { action: MEGABYTE }), "action", LIMITS.text],
    ["agenda title", (d, x) => updateAgendaItem(d, x.agendaId, { title: MEGABYTE }), "title", LIMITS.short],
    ["session place", (d) => updateMeta(d, { place: MEGABYTE }), "place", LIMITS.short],
    ["attendee name", (d) => addAttendee(d, { name: MEGABYTE, role: "resident" }), "name", LIMITS.short],
    ["category label", (d) => addCategory(d, MEGABYTE), "category", LIMITS.short],
    ["vote option", (d, x) => addVoteOption(d, x.voteId, MEGABYTE), "option", LIMITS.short],
    [
      "department",
      (d, x) => escalateFollowUp(d, x.followUpId, MEGABYTE, "2024-02-01"),
      "escalatedTo",
      LIMITS.short,
    ],
  ];

  it.each(pastes)("into %s is refused with tooLong and changes nothing", (_name, paste, field, max) => {
    const { doc, ...ids } = fullSession();
    const before = snapshot(doc);
    expectDocError(() => paste(doc, ids), "tooLong", { params: { field, max, length: 1 << 20 }, doc });
    expect(snapshot(doc)).toEqual(before);
  });

  it("leaves the earlier text in place", () => {
    const { doc, agendaId, issueId } = fullSession();
    expect(() => setSessionNotes(doc, MEGABYTE)).toThrow();
    expect(() => setAgendaNotes(doc, agendaId, MEGABYTE)).toThrow();
    expect(() => updateIssue(doc, issueId, { text: MEGABYTE })).toThrow();
    const s = snapshot(doc);
    expect(s.notes).toBe("原有會議紀錄");
    expect(s.agenda[0]!.notes).toBe("原有議題紀錄");
    expect(s.issues[0]!.text).toBe("原有訴求");
  });

  it("is accepted up to the limit exactly", () => {
    const { doc, agendaId } = fullSession();
    setSessionNotes(doc, "記".repeat(LIMITS.notes));
    setAgendaNotes(doc, agendaId, "記".repeat(LIMITS.notes));
    expect(snapshot(doc).notes).toHaveLength(LIMITS.notes);
    expect(snapshot(doc).agenda[0]!.notes).toHaveLength(LIMITS.notes);
  });
});

describe("blank required fields", () => {
  const blanks: [string, (doc: Y.Doc, ids: Ids, blank: string) => unknown, string][] = [
    [
      "session title (new)",
      (_d, _x, b) => initSessionDoc(new Y.Doc(), { ...TEST_SESSION, title: b }),
      "title",
    ],
    ["session title", (d, _x, b) => updateMeta(d, { title: b }), "title"],
    ["attendee name (new)", (d, _x, b) => addAttendee(d, { name: b, role: "merchant" }), "name"],
    ["attendee name", (d, x, b) => updateAttendee(d, x.attendeeId, { name: b }), "name"],
    ["category (new)", (d, _x, b) => addCategory(d, b), "category"],
    ["category", (d, x, b) => renameCategory(d, x.categoryId, b), "category"],
    ["agenda title (new)", (d, _x, b) => addAgendaItem(d, { title: b }), "title"],
    ["agenda title", (d, x, b) => updateAgendaItem(d, x.agendaId, { title: b }), "title"],
    ["issue text (new)", (d, _x, b) => addIssue(d, { text: b }), "text"],
    ["issue text", (d, x, b) => updateIssue(d, x.issueId, { text: b }), "text"],
    ["motion (new)", (d, _x, b) => createVote(d, { motion: b }), "motion"],
    ["motion", (d, x, b) => updateVote(d, x.voteId, { motion: b }), "motion"],
    ["vote option (new)", (d, x, b) => addVoteOption(d, x.voteId, b), "option"],
    ["vote option", (d, x, b) => renameVoteOption(d, x.voteId, x.optionId, b), "option"],
    ["follow-up action (new)", (d, _x, b) => addFollowUp(d, { action: b }), "action"],
    ["follow-up action", (d, x, b) => updateFollowUp(d, x.followUpId, { action: b }), "action"],
    ["escalation department", (d, x, b) => escalateFollowUp(d, x.followUpId, b, "2024-02-01"), "escalatedTo"],
  ];

  it.each(blanks)("%s is required", (_name, call, field) => {
    for (const blank of ["", "   ", "\t\n　"]) {
      const { doc, ...ids } = fullSession();
      expectDocError(() => call(doc, ids, blank), "required", { params: { field }, doc });
    }
  });

  it("a countdown needs a time box", () => {
    const { doc, plainAgendaId } = fullSession();
    expectDocError(() => setAgendaTimer(doc, plainAgendaId, true), "required", {
      params: { field: "timebox" },
      doc,
    });
  });
});

/** Every mutator, called with input that is valid for `fullSession()`. */
const EVERY_MUTATOR: [string, (doc: Y.Doc, ids: Ids) => unknown][] = [
  ["initSessionDoc", (d) => initSessionDoc(d, TEST_SESSION)],
  ["updateMeta", (d) => updateMeta(d, { title: "新標題" })],
  ["setCurrentAgendaItem", (d, x) => setCurrentAgendaItem(d, x.agendaId)],
  ["setSessionNotes", (d) => setSessionNotes(d, "新紀錄")],
  ["tapHeadcount", (d) => tapHeadcount(d, 1)],
  ["setHeadcount", (d) => setHeadcount(d, 20)],
  ["addAttendee", (d) => addAttendee(d, { name: "古麗", role: "resident" })],
  ["updateAttendee", (d, x) => updateAttendee(d, x.attendeeId, { role: "merchant" })],
  ["addCategory", (d) => addCategory(d, "新類別")],
  ["renameCategory", (d, x) => renameCategory(d, x.categoryId, "改名")],
  ["addAgendaItem", (d) => addAgendaItem(d, { title: "新議題" })],
  ["updateAgendaItem", (d, x) => updateAgendaItem(d, x.agendaId, { title: "改標題" })],
  ["setAgendaStatus", (d, x) => setAgendaStatus(d, x.agendaId, "discussing")],
  ["setAgendaTimer", (d, x) => setAgendaTimer(d, x.agendaId, true, 5)],
  ["setAgendaNotes", (d, x) => setAgendaNotes(d, x.agendaId, "新議題紀錄")],
  ["moveRecord", (d, x) => moveRecord(d, "agenda", x.plainAgendaId, 0)],
  ["deleteRecord", (d, x) => deleteRecord(d, "agenda", x.plainAgendaId)],
  ["addIssue", (d) => addIssue(d, { text: "新訴求" })],
  ["updateIssue", (d, x) => updateIssue(d, x.issueId, { urgent: true })],
  ["createVote", (d) => createVote(d, { motion: "新表決" })],
  ["updateVote", (d, x) => updateVote(d, x.voteId, { mode: "minority" })],
  ["addVoteOption", (d, x) => addVoteOption(d, x.voteId, "其他")],
  ["renameVoteOption", (d, x) => renameVoteOption(d, x.voteId, x.optionId, "贊成")],
  ["openVote", (d, x) => openVote(d, x.draftVoteId)],
  ["closeVote", (d, x) => closeVote(d, x.voteId)],
  ["tapVote", (d, x) => tapVote(d, x.voteId, x.optionId, 1)],
  ["setVoteCount", (d, x) => setVoteCount(d, x.voteId, x.optionId, 9)],
  ["addFollowUp", (d) => addFollowUp(d, { action: "新跟進" })],
  ["updateFollowUp", (d, x) => updateFollowUp(d, x.followUpId, { owner: "李主任" })],
  ["escalateFollowUp", (d, x) => escalateFollowUp(d, x.followUpId, "電力局", "2024-02-01")],
];

/** What a newer app wrote: a higher schema version and fields this app does not know. */
function writeAsNewerPeer(doc: Y.Doc, ids: Ids, schemaVersion: number): void {
  const newer = new Y.Doc();
  Y.applyUpdate(newer, Y.encodeStateAsUpdate(doc));
  newer.transact(() => {
    const meta = newer.getMap<unknown>("meta");
    meta.set("schemaVersion", schemaVersion);
    meta.set("region", "高昌區");
    const record = (collection: string, id: string) => newer.getMap<Y.Map<unknown>>(collection).get(id)!;
    record("agenda", ids.agendaId).set("priority", 2);
    record("agenda", ids.agendaId).set("tags", ["水電", "急難愁盼"]);
    record("issues", ids.issueId).set("photos", ["photo-1.jpg"]);
    record("votes", ids.voteId).set("secretBallot", false);
    (record("votes", ids.voteId).get("options") as Y.Map<Y.Map<unknown>>)
      .get(ids.optionId)!
      .set("color", "#0a0");
    record("followUps", ids.followUpId).set("acknowledgedBy", "電力局 王");
    record("attendees", ids.attendeeId).set("seat", 3);
    record("categories", ids.categoryId).set("icon", "💃");
  });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(newer));
}

describe("a document written by a newer app", () => {
  it("opens read-only", () => {
    const { doc, ...ids } = fullSession();
    expect(snapshot(doc).readOnly).toBe(false);
    writeAsNewerPeer(doc, ids, SCHEMA_VERSION + 1);
    const s = snapshot(doc);
    expect(s.readOnly).toBe(true);
    expect(s.meta.schemaVersion).toBe(SCHEMA_VERSION + 1);
  });

  it.each(EVERY_MUTATOR)("refuses %s with readOnly and changes nothing", (_name, call) => {
    const { doc, ...ids } = fullSession();
    writeAsNewerPeer(doc, ids, SCHEMA_VERSION + 1);
    expectDocError(() => call(doc, ids), "readOnly", { doc });
  });

  it.each(EVERY_MUTATOR)("(control) %s works on a document of this version", (_name, call) => {
    const { doc, ...ids } = fullSession();
    writeAsNewerPeer(doc, ids, SCHEMA_VERSION);
    const before = Y.encodeStateAsUpdate(doc);
    call(doc, ids);
    expect(Y.encodeStateAsUpdate(doc)).not.toEqual(before);
  });

  it("is not read-only at an older or equal version", () => {
    const { doc, ...ids } = fullSession();
    writeAsNewerPeer(doc, ids, SCHEMA_VERSION - 1);
    expect(snapshot(doc).readOnly).toBe(false);
  });
});

describe("unknown keys from a newer peer", () => {
  it.each([SCHEMA_VERSION, SCHEMA_VERSION + 1])("are kept in the snapshot (schema version %i)", (version) => {
    const { doc, ...ids } = fullSession();
    writeAsNewerPeer(doc, ids, version);
    const s = snapshot(doc);
    expect(s.meta).toMatchObject({ region: "高昌區", title: TEST_SESSION.title });
    expect(s.agenda.find((a) => a.id === ids.agendaId)).toMatchObject({
      priority: 2,
      tags: ["水電", "急難愁盼"],
      title: "物業管理",
    });
    expect(s.issues[0]).toMatchObject({ photos: ["photo-1.jpg"], text: "原有訴求" });
    expect(s.votes[0]).toMatchObject({ secretBallot: false, motion: "原有表決" });
    expect(s.votes[0]!.options[0]).toMatchObject({ color: "#0a0", role: "for", count: 1 });
    expect(s.followUps[0]).toMatchObject({ acknowledgedBy: "電力局 王", action: "原有跟進" });
    expect(s.attendees[0]).toMatchObject({ seat: 3, name: "艾力" });
    expect(s.categories.find((c) => c.id === ids.categoryId)).toMatchObject({ icon: "💃", label: "文體" });
  });

  it("survive this app's edits of the same record", () => {
    const { doc, ...ids } = fullSession();
    writeAsNewerPeer(doc, ids, SCHEMA_VERSION);
    updateAgendaItem(doc, ids.agendaId, { title: "物業管理（續）" });
    setAgendaNotes(doc, ids.agendaId, "補充");
    moveRecord(doc, "agenda", ids.agendaId, 1);
    updateIssue(doc, ids.issueId, { text: "原有訴求（補充）" });
    updateFollowUp(doc, ids.followUpId, { owner: "李主任" });
    const s = snapshot(doc);
    expect(s.agenda.find((a) => a.id === ids.agendaId)).toMatchObject({
      priority: 2,
      title: "物業管理（續）",
    });
    expect(s.issues[0]).toMatchObject({ photos: ["photo-1.jpg"] });
    expect(s.followUps[0]).toMatchObject({ acknowledgedBy: "電力局 王", owner: "李主任" });
  });

  // Regression (src/doc/snapshot.ts readMeta), fixed: the talk point is rebuilt from four known fields, so anything a newer
  // peer added to it (a schedule, say) is dropped from the snapshot, unlike every other record.
  it("are kept inside the talk point too", () => {
    const doc = newSessionDoc();
    const newer = new Y.Doc();
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(doc));
    const schedule = { kind: "monthDays", days: [1, 11, 21], time: "10:00" };
    newer.getMap("meta").set("talkPoint", { ...TEST_SESSION.talkPoint, schedule });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(newer));
    expect(snapshot(doc).meta.talkPoint).toEqual({ ...TEST_SESSION.talkPoint, schedule });
  });
});

describe("records with missing fields", () => {
  it("read with defaults filled in", () => {
    const doc = newSessionDoc();
    const newer = new Y.Doc();
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(doc));
    newer.transact(() => {
      const bare = new Y.Map<unknown>();
      bare.set("title", "只有標題");
      bare.set("order", "a0");
      newer.getMap<Y.Map<unknown>>("agenda").set("bare-agenda", bare);
      const issue = new Y.Map<unknown>();
      issue.set("order", "a0");
      newer.getMap<Y.Map<unknown>>("issues").set("bare-issue", issue);
      const vote = new Y.Map<unknown>();
      vote.set("motion", "只有動議");
      newer.getMap<Y.Map<unknown>>("votes").set("bare-vote", vote);
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(newer));
    const s = snapshot(doc);
    expect(s.agenda).toEqual([
      {
        id: "bare-agenda",
        kind: "",
        order: "a0",
        title: "只有標題",
        status: "pending",
        timeboxMin: null,
        timerStartedAt: null,
        notes: "",
      },
    ]);
    expect(s.issues[0]).toEqual({
      id: "bare-issue",
      order: "a0",
      text: "",
      raisedBy: "",
      anonymous: false,
      contact: "",
      location: "",
      categoryId: "other",
      urgent: false,
      agendaId: null,
      createdAt: 0,
      sameAs: "",
      settled: "",
    });
    expect(s.votes[0]).toMatchObject({
      id: "bare-vote",
      motion: "只有動議",
      options: [],
      status: "draft",
      mode: "count",
      threshold: { kind: "simple", basis: "cast", num: 1, den: 2 },
      history: [],
    });
  });
});
