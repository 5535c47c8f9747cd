// Session-wide mutators: creation, header, current item, notes, attendance, categories, and the undo manager.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAgendaItem, setAgendaNotes, setAgendaStatus } from "../../../src/doc/session/agenda.ts";
import { deleteRecord } from "../../../src/doc/session/records.ts";
import { DEFAULT_CATEGORIES, SCHEMA_VERSION } from "../../../src/doc/session/schema.ts";
import {
  addAttendee,
  addCategory,
  fillRecorder,
  renameCategory,
  setCurrentAgendaItem,
  setHeadcount,
  setSessionNotes,
  tapHeadcount,
  updateAttendee,
  updateMeta,
} from "../../../src/doc/session/session.ts";
import {
  createUndoManager,
  initSessionDoc,
  LOCAL_ORIGIN,
  TEXT_ORIGIN,
} from "../../../src/doc/session/sessionDoc.ts";
import { presentCount, readHeadcount, snapshot } from "../../../src/doc/session/snapshot.ts";
import { createVote, openVote, tapVote } from "../../../src/doc/session/votes.ts";
import { expectDocError, newSessionDoc, TEST_SESSION } from "../../helpers/peers.ts";

describe("initSessionDoc", () => {
  it("writes the session header with the current schema version", () => {
    const s = snapshot(newSessionDoc());
    expect(s.meta).toEqual({
      schemaVersion: SCHEMA_VERSION,
      id: "session-1",
      communityId: "",
      timeZone: "Asia/Shanghai",
      talkPoint: {
        id: "tp-laochenglu",
        name: "有一說一 說事點",
        community: "老城路社區",
        location: "幸福路鴻雁小區",
      },
      title: "4月21日 說事",
      startsAt: "2024-04-21T10:00:00+08:00",
      place: "幸福路鴻雁小區",
      facilitator: "王書記",
      recorder: "網格員 李",
      currentAgendaId: null,
      createdAt: 1_713_664_800_000,
    });
    expect(s.readOnly).toBe(false);
    expect(s.notes).toBe("");
    expect(s.headcount).toBe(0);
    expect([s.attendees, s.agenda, s.issues, s.votes, s.followUps]).toEqual([[], [], [], [], []]);
  });

  it("uses an explicit place over the talk point's location, and blanks for missing people", () => {
    const doc = initSessionDoc(new Y.Doc(), {
      id: "s2",
      talkPoint: { id: "tp2", name: "周三有約", community: "新城社區", location: "社區活動室" },
      title: "周三接訪日",
      startsAt: "2024-04-24T15:00:00+08:00",
      place: "大華商城",
      createdAt: 5,
    });
    const meta = snapshot(doc).meta;
    expect(meta.place).toBe("大華商城");
    expect(meta.facilitator).toBe("");
    expect(meta.recorder).toBe("");
    expect(meta.createdAt).toBe(5);
  });

  it("adds the seven default categories, unlabelled, in their fixed order", () => {
    const categories = snapshot(newSessionDoc()).categories;
    expect(categories.map((c) => c.id)).toEqual([...DEFAULT_CATEGORIES]);
    expect(categories.every((c) => c.label === "")).toBe(true);
    const orders = categories.map((c) => c.order);
    expect([...orders].sort()).toEqual(orders);
    expect(new Set(orders).size).toBe(DEFAULT_CATEGORIES.length);
  });

  it("rejects a blank or over-long title and leaves the document empty", () => {
    const doc = new Y.Doc();
    expectDocError(() => initSessionDoc(doc, { ...TEST_SESSION, title: "  " }), "required", {
      params: { field: "title" },
      doc,
    });
    expectDocError(() => initSessionDoc(doc, { ...TEST_SESSION, title: "議".repeat(201) }), "tooLong", {
      params: { field: "title", max: 200, length: 201 },
      doc,
    });
    expect(doc.getMap("meta").size).toBe(0);
  });
});

describe("updateMeta", () => {
  it("changes only the given header fields", () => {
    const doc = newSessionDoc();
    updateMeta(doc, { title: "5月1日 說事", place: "鴻雁小區 3號樓前" });
    const meta = snapshot(doc).meta;
    expect(meta.title).toBe("5月1日 說事");
    expect(meta.place).toBe("鴻雁小區 3號樓前");
    expect(meta.facilitator).toBe("王書記");
    expect(meta.startsAt).toBe("2024-04-21T10:00:00+08:00");
  });

  it("accepts blank optional fields but not a blank title", () => {
    const doc = newSessionDoc();
    updateMeta(doc, { recorder: "" });
    expect(snapshot(doc).meta.recorder).toBe("");
    expectDocError(() => updateMeta(doc, { title: "" }), "required", { params: { field: "title" }, doc });
  });

  it("rejects an over-long field by name", () => {
    const doc = newSessionDoc();
    expectDocError(() => updateMeta(doc, { facilitator: "x".repeat(201) }), "tooLong", {
      params: { field: "facilitator", max: 200, length: 201 },
      doc,
    });
  });
});

describe("fillRecorder", () => {
  it("names the recorder only when nobody is named, and Undo does not take it back", () => {
    const doc = newSessionDoc();
    expect(fillRecorder(doc, "书记平板")).toBe(false);
    expect(snapshot(doc).meta.recorder).toBe("網格員 李");
    updateMeta(doc, { recorder: "" });
    const um = createUndoManager(doc);
    expect(fillRecorder(doc, "  书记平板 ")).toBe(true);
    expect(snapshot(doc).meta.recorder).toBe("书记平板");
    um.undo();
    expect(snapshot(doc).meta.recorder).toBe("书记平板");
    expect(fillRecorder(doc, "")).toBe(false);
  });
});

describe("setCurrentAgendaItem", () => {
  it("points at an existing item, and back to none", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "停車難" });
    setCurrentAgendaItem(doc, id);
    expect(snapshot(doc).meta.currentAgendaId).toBe(id);
    setCurrentAgendaItem(doc, null);
    expect(snapshot(doc).meta.currentAgendaId).toBeNull();
  });

  it("moves a pending item to discussing; a done item stays done", () => {
    const doc = newSessionDoc();
    const pending = addAgendaItem(doc, { title: "鸿雁小区电表改造" });
    const done = addAgendaItem(doc, { title: "广场舞场地" });
    setAgendaStatus(doc, done, "done");
    setCurrentAgendaItem(doc, pending);
    expect(snapshot(doc).agenda.find((a) => a.id === pending)?.status).toBe("discussing");
    setCurrentAgendaItem(doc, done);
    expect(snapshot(doc).agenda.find((a) => a.id === done)?.status).toBe("done");
    expect(snapshot(doc).meta.currentAgendaId).toBe(done);
  });

  it("rejects an unknown id with notFound", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "停車難" });
    setCurrentAgendaItem(doc, id);
    expectDocError(() => setCurrentAgendaItem(doc, "no-such-item"), "notFound", {
      params: { collection: "agenda", id: "no-such-item" },
      doc,
    });
    expect(snapshot(doc).meta.currentAgendaId).toBe(id);
  });
});

describe("setSessionNotes", () => {
  it("replaces the notes text", () => {
    const doc = newSessionDoc();
    setSessionNotes(doc, "電錶更換：已登記 12 戶");
    expect(snapshot(doc).notes).toBe("電錶更換：已登記 12 戶");
    setSessionNotes(doc, "電錶更換：已登記 15 戶，下周完成");
    expect(snapshot(doc).notes).toBe("電錶更換：已登記 15 戶，下周完成");
    setSessionNotes(doc, "");
    expect(snapshot(doc).notes).toBe("");
  });

  it("writes with the text origin, not the undoable local origin", () => {
    const doc = newSessionDoc();
    const origins: unknown[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => origins.push(tr.origin));
    setSessionNotes(doc, "abc");
    expect(origins).toEqual([TEXT_ORIGIN]);
  });
});

describe("head count", () => {
  it("counts taps up and down", () => {
    const doc = newSessionDoc();
    tapHeadcount(doc, 1);
    tapHeadcount(doc, 1);
    tapHeadcount(doc, 1);
    tapHeadcount(doc, -1);
    expect(snapshot(doc).headcount).toBe(2);
    expect(readHeadcount(doc)).toBe(2);
  });

  it("refuses −1 at zero with belowZero and leaves the document unchanged", () => {
    const doc = newSessionDoc();
    expectDocError(() => tapHeadcount(doc, -1), "belowZero", { params: { field: "headcount" }, doc });
    tapHeadcount(doc, 1);
    tapHeadcount(doc, -1);
    expectDocError(() => tapHeadcount(doc, -1), "belowZero", { doc });
    expect(snapshot(doc).headcount).toBe(0);
  });

  it("sets a typed total, and taps continue from it", () => {
    const doc = newSessionDoc();
    tapHeadcount(doc, 1);
    setHeadcount(doc, 37);
    expect(snapshot(doc).headcount).toBe(37);
    tapHeadcount(doc, 1);
    expect(snapshot(doc).headcount).toBe(38);
    setHeadcount(doc, 0);
    expect(snapshot(doc).headcount).toBe(0);
  });

  it("corrects the total that includes another device's taps", () => {
    const a = newSessionDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (let i = 0; i < 5; i++) tapHeadcount(a, 1);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readHeadcount(b)).toBe(5);
    setHeadcount(b, 3);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readHeadcount(a)).toBe(3);
    expect(readHeadcount(b)).toBe(3);
  });

  it("rejects totals that are not whole numbers in range", () => {
    const doc = newSessionDoc();
    for (const bad of [-1, 2.5, 100_001, Number.NaN]) {
      expectDocError(() => setHeadcount(doc, bad), "outOfRange", {
        params: { field: "headcount", min: 0, max: 100_000 },
        doc,
      });
    }
  });
});

describe("attendees", () => {
  it("adds attendees in order and edits them", () => {
    const doc = newSessionDoc();
    const a = addAttendee(doc, { name: "艾力", role: "resident" });
    const b = addAttendee(doc, { name: "大華商城 張老闆", role: "merchant" });
    expect(snapshot(doc).attendees.map(({ id, name, role }) => ({ id, name, role }))).toEqual([
      { id: a, name: "艾力", role: "resident" },
      { id: b, name: "大華商城 張老闆", role: "merchant" },
    ]);
    updateAttendee(doc, a, { role: "gridWorker" });
    updateAttendee(doc, b, { name: "張老闆" });
    const after = snapshot(doc).attendees;
    expect(after.map((x) => [x.name, x.role])).toEqual([
      ["艾力", "gridWorker"],
      ["張老闆", "merchant"],
    ]);
    expect(presentCount(snapshot(doc))).toBe(2);
  });

  it("requires a name and a known role", () => {
    const doc = newSessionDoc();
    expectDocError(() => addAttendee(doc, { name: " ", role: "resident" }), "required", {
      params: { field: "name" },
      doc,
    });
    const id = addAttendee(doc, { name: "古麗", role: "resident" });
    expectDocError(() => updateAttendee(doc, id, { name: "" }), "required", {
      params: { field: "name" },
      doc,
    });
    expectDocError(() => addAttendee(doc, { name: "x", role: "mayor" as never }), "outOfRange", {
      params: { field: "role" },
      doc,
    });
    expectDocError(() => updateAttendee(doc, "nobody", { name: "x" }), "notFound", {
      params: { collection: "attendees", id: "nobody" },
      doc,
    });
    expect(snapshot(doc).attendees.map((x) => x.name)).toEqual(["古麗"]);
  });
});

describe("categories", () => {
  it("appends a new category after the defaults", () => {
    const doc = newSessionDoc();
    const id = addCategory(doc, "廣場舞場地");
    const categories = snapshot(doc).categories;
    expect(categories).toHaveLength(DEFAULT_CATEGORIES.length + 1);
    expect(categories.at(-1)).toMatchObject({ id, label: "廣場舞場地" });
  });

  it("renames a default or a custom category", () => {
    const doc = newSessionDoc();
    const id = addCategory(doc, "廣場舞");
    renameCategory(doc, "utilities", "水電氣暖");
    renameCategory(doc, id, "文體活動場地");
    const byId = new Map(snapshot(doc).categories.map((c) => [c.id, c.label]));
    expect(byId.get("utilities")).toBe("水電氣暖");
    expect(byId.get(id)).toBe("文體活動場地");
    expect(byId.get("parking")).toBe("");
  });

  it("rejects blank labels and unknown ids", () => {
    const doc = newSessionDoc();
    expectDocError(() => addCategory(doc, ""), "required", { params: { field: "category" }, doc });
    expectDocError(() => renameCategory(doc, "noise", "  "), "required", {
      params: { field: "category" },
      doc,
    });
    expectDocError(() => renameCategory(doc, "nope", "x"), "notFound", {
      params: { collection: "categories", id: "nope" },
      doc,
    });
  });
});

describe("createUndoManager", () => {
  it("brings a deleted agenda item back, with its title, time box and notes", () => {
    const doc = newSessionDoc();
    const um = createUndoManager(doc);
    const first = addAgendaItem(doc, { title: "物業管理", timeboxMin: 15 });
    const second = addAgendaItem(doc, { title: "電錶更換" });
    setAgendaNotes(doc, first, "三次業委會");
    const before = snapshot(doc).agenda;
    deleteRecord(doc, "agenda", first);
    expect(snapshot(doc).agenda.map((a) => a.id)).toEqual([second]);
    um.undo();
    expect(snapshot(doc).agenda).toEqual(before);
    um.redo();
    expect(snapshot(doc).agenda.map((a) => a.id)).toEqual([second]);
  });

  it("undoes tally taps one at a time", () => {
    const doc = newSessionDoc();
    const voteId = createVote(doc, { motion: "在社區院子開舞蹈班，每晚8點" });
    openVote(doc, voteId, 1);
    const um = createUndoManager(doc);
    const forId = snapshot(doc).votes[0]!.options[0]!.id;
    tapVote(doc, voteId, forId, 1);
    tapVote(doc, voteId, forId, 1);
    tapVote(doc, voteId, forId, 1);
    const count = () => snapshot(doc).votes[0]!.options[0]!.count;
    expect(count()).toBe(3);
    um.undo();
    expect(count()).toBe(2);
    um.undo();
    expect(count()).toBe(1);
    um.redo();
    expect(count()).toBe(2);
    expect(snapshot(doc).votes[0]!.status).toBe("open");
  });

  it("undoes head-count taps one at a time", () => {
    const doc = newSessionDoc();
    const um = createUndoManager(doc);
    tapHeadcount(doc, 1);
    tapHeadcount(doc, 1);
    expect(readHeadcount(doc)).toBe(2);
    um.undo();
    expect(readHeadcount(doc)).toBe(1);
    um.undo();
    expect(readHeadcount(doc)).toBe(0);
    expect(um.undoStack).toHaveLength(0);
  });

  it("does not track typing (text origin) or remote edits", () => {
    const doc = newSessionDoc();
    const um = createUndoManager(doc);
    setSessionNotes(doc, "typed");
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    addAgendaItem(remote, { title: "遠端加的" });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), "remote");
    expect(um.undoStack).toHaveLength(0);
    doc.transact(() => doc.getMap("meta").set("title", "local"), LOCAL_ORIGIN);
    expect(um.undoStack).toHaveLength(1);
  });
});
