// Agenda mutators: add, edit, status and current item, countdown, notes, and the generic move/delete.
import { describe, expect, it } from "vitest";
import {
  addAgendaItem,
  remainingMs,
  setAgendaNotes,
  setAgendaStatus,
  setAgendaTimer,
  updateAgendaItem,
} from "../../../src/doc/session/agenda.ts";
import { addIssue } from "../../../src/doc/session/issues.ts";
import { deleteRecord, moveRecord } from "../../../src/doc/session/records.ts";
import { DEFAULT_CATEGORIES } from "../../../src/doc/session/schema.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import { expectDocError, newSessionDoc } from "../../helpers/peers.ts";

const ids = (doc: Parameters<typeof snapshot>[0]) => snapshot(doc).agenda.map((a) => a.id);

describe("addAgendaItem", () => {
  it("appends pending items with no timer and empty notes", () => {
    const doc = newSessionDoc();
    const a = addAgendaItem(doc, { title: "小區無物業、院子髒亂" });
    const b = addAgendaItem(doc, { title: "老舊電線", timeboxMin: 20 });
    const agenda = snapshot(doc).agenda;
    expect(
      agenda.map(({ id, title, status, timeboxMin, timerStartedAt, notes }) => ({
        id,
        title,
        status,
        timeboxMin,
        timerStartedAt,
        notes,
      })),
    ).toEqual([
      {
        id: a,
        title: "小區無物業、院子髒亂",
        status: "pending",
        timeboxMin: null,
        timerStartedAt: null,
        notes: "",
      },
      { id: b, title: "老舊電線", status: "pending", timeboxMin: 20, timerStartedAt: null, notes: "" },
    ]);
    expect(agenda[0]!.order < agenda[1]!.order).toBe(true);
    expect(a).toMatch(/^[0-9a-z]{16}$/);
  });

  it("rejects a blank or long title and a time box outside 1–600 whole minutes", () => {
    const doc = newSessionDoc();
    expectDocError(() => addAgendaItem(doc, { title: "" }), "required", { params: { field: "title" }, doc });
    expectDocError(() => addAgendaItem(doc, { title: "x".repeat(201) }), "tooLong", {
      params: { field: "title", max: 200, length: 201 },
      doc,
    });
    for (const timeboxMin of [0, 601, 2.5, -5]) {
      expectDocError(() => addAgendaItem(doc, { title: "t", timeboxMin }), "outOfRange", {
        params: { field: "timebox", min: 1, max: 600 },
        doc,
      });
    }
    addAgendaItem(doc, { title: "x".repeat(200), timeboxMin: 600 });
    expect(snapshot(doc).agenda).toHaveLength(1);
  });
});

describe("updateAgendaItem", () => {
  it("changes title and time box, and clears the time box with null", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "停車", timeboxMin: 10 });
    updateAgendaItem(doc, id, { title: "停車位不足" });
    expect(snapshot(doc).agenda[0]).toMatchObject({ title: "停車位不足", timeboxMin: 10 });
    updateAgendaItem(doc, id, { timeboxMin: 30 });
    expect(snapshot(doc).agenda[0]).toMatchObject({ title: "停車位不足", timeboxMin: 30 });
    updateAgendaItem(doc, id, { timeboxMin: null });
    expect(snapshot(doc).agenda[0]!.timeboxMin).toBeNull();
  });

  it("rejects bad input and unknown ids without a change", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "停車" });
    expectDocError(() => updateAgendaItem(doc, id, { title: " " }), "required", { doc });
    expectDocError(() => updateAgendaItem(doc, id, { timeboxMin: 0 }), "outOfRange", { doc });
    expectDocError(() => updateAgendaItem(doc, "missing", { title: "x" }), "notFound", {
      params: { collection: "agenda", id: "missing" },
      doc,
    });
  });
});

describe("setAgendaStatus", () => {
  it("makes an item current when it goes to discussing", () => {
    const doc = newSessionDoc();
    const a = addAgendaItem(doc, { title: "一" });
    const b = addAgendaItem(doc, { title: "二" });
    setAgendaStatus(doc, a, "discussing");
    expect(snapshot(doc).meta.currentAgendaId).toBe(a);
    expect(snapshot(doc).agenda.map((x) => x.status)).toEqual(["discussing", "pending"]);
    setAgendaStatus(doc, a, "done");
    setAgendaStatus(doc, b, "discussing");
    expect(snapshot(doc).meta.currentAgendaId).toBe(b);
    expect(snapshot(doc).agenda.map((x) => x.status)).toEqual(["done", "discussing"]);
    // Going back to pending does not move the current marker.
    setAgendaStatus(doc, a, "pending");
    expect(snapshot(doc).meta.currentAgendaId).toBe(b);
  });

  it("stops a running countdown when the item is done", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "電錶", timeboxMin: 5 });
    setAgendaTimer(doc, id, true, 1_000);
    expect(snapshot(doc).agenda[0]!.timerStartedAt).toBe(1_000);
    setAgendaStatus(doc, id, "done");
    expect(snapshot(doc).agenda[0]).toMatchObject({ status: "done", timerStartedAt: null });
  });

  it("rejects unknown statuses and ids", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "一" });
    expectDocError(() => setAgendaStatus(doc, id, "archived" as never), "outOfRange", {
      params: { field: "status" },
      doc,
    });
    expectDocError(() => setAgendaStatus(doc, "nope", "done"), "notFound", { doc });
  });
});

describe("setAgendaTimer and remainingMs", () => {
  it("requires a time box to start", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "無時限" });
    expectDocError(() => setAgendaTimer(doc, id, true, 5), "required", { params: { field: "timebox" }, doc });
    // Stopping a timer that is not running is harmless.
    setAgendaTimer(doc, id, false);
    expect(snapshot(doc).agenda[0]!.timerStartedAt).toBeNull();
  });

  it("starts at the given time and stops", () => {
    const doc = newSessionDoc();
    const id = addAgendaItem(doc, { title: "限時", timeboxMin: 10 });
    setAgendaTimer(doc, id, true, 1_700_000_000_000);
    const item = snapshot(doc).agenda[0]!;
    expect(item.timerStartedAt).toBe(1_700_000_000_000);
    expect(remainingMs(item, 1_700_000_000_000 + 4 * 60_000)).toBe(6 * 60_000);
    setAgendaTimer(doc, id, false);
    expect(snapshot(doc).agenda[0]!.timerStartedAt).toBeNull();
    expect(remainingMs(snapshot(doc).agenda[0]!, 0)).toBeNull();
  });

  it("computes the time left, negative when over time, null without a countdown", () => {
    expect(remainingMs({ timeboxMin: 10, timerStartedAt: 0 }, 0)).toBe(600_000);
    expect(remainingMs({ timeboxMin: 10, timerStartedAt: 0 }, 600_000)).toBe(0);
    expect(remainingMs({ timeboxMin: 10, timerStartedAt: 0 }, 630_000)).toBe(-30_000);
    expect(remainingMs({ timeboxMin: null, timerStartedAt: 0 }, 1)).toBeNull();
    expect(remainingMs({ timeboxMin: 5, timerStartedAt: null }, 1)).toBeNull();
  });
});

describe("setAgendaNotes", () => {
  it("writes and rewrites one item's notes only", () => {
    const doc = newSessionDoc();
    const a = addAgendaItem(doc, { title: "一" });
    const b = addAgendaItem(doc, { title: "二" });
    setAgendaNotes(doc, a, "請關老師教舞");
    setAgendaNotes(doc, a, "請關老師每晚8點教舞");
    expect(snapshot(doc).agenda.map((x) => x.notes)).toEqual(["請關老師每晚8點教舞", ""]);
    setAgendaNotes(doc, b, "ok");
    expect(snapshot(doc).agenda.map((x) => x.notes)).toEqual(["請關老師每晚8點教舞", "ok"]);
  });

  it("rejects an unknown item", () => {
    const doc = newSessionDoc();
    expectDocError(() => setAgendaNotes(doc, "nope", "x"), "notFound", { doc });
  });
});

describe("moveRecord", () => {
  it("moves each item to each position, keeping every other item in order", () => {
    for (let from = 0; from < 4; from++) {
      for (let to = 0; to < 4; to++) {
        const doc = newSessionDoc();
        const items = ["甲", "乙", "丙", "丁"].map((title) => addAgendaItem(doc, { title }));
        const moving = items[from]!;
        moveRecord(doc, "agenda", moving, to);
        const expected = items.filter((id) => id !== moving);
        expected.splice(to, 0, moving);
        expect(ids(doc), `move ${from} → ${to}`).toEqual(expected);
        // Only the moved item's key changed.
        const orders = snapshot(doc).agenda.map((x) => x.order);
        expect(new Set(orders).size).toBe(4);
      }
    }
  });

  it("clamps an index past either end", () => {
    const doc = newSessionDoc();
    const [a, b, c] = ["甲", "乙", "丙"].map((title) => addAgendaItem(doc, { title }));
    moveRecord(doc, "agenda", a!, 99);
    expect(ids(doc)).toEqual([b, c, a]);
    moveRecord(doc, "agenda", a!, -3);
    expect(ids(doc)).toEqual([a, b, c]);
  });

  it("rewrites only the moved record's order key", () => {
    const doc = newSessionDoc();
    const [a, b, c] = ["甲", "乙", "丙"].map((title) => addAgendaItem(doc, { title }));
    const before = new Map(snapshot(doc).agenda.map((x) => [x.id, x.order]));
    moveRecord(doc, "agenda", c!, 1);
    const after = new Map(snapshot(doc).agenda.map((x) => [x.id, x.order]));
    expect(after.get(a!)).toBe(before.get(a!));
    expect(after.get(b!)).toBe(before.get(b!));
    expect(after.get(c!)).not.toBe(before.get(c!));
    expect(ids(doc)).toEqual([a, c, b]);
  });

  it("works on other collections (categories)", () => {
    const doc = newSessionDoc();
    moveRecord(doc, "categories", "other", 0);
    expect(snapshot(doc).categories.map((x) => x.id)).toEqual([
      "other",
      ...DEFAULT_CATEGORIES.filter((x) => x !== "other"),
    ]);
  });

  it("rejects an unknown id", () => {
    const doc = newSessionDoc();
    addAgendaItem(doc, { title: "甲" });
    expectDocError(() => moveRecord(doc, "agenda", "ghost", 0), "notFound", {
      params: { collection: "agenda", id: "ghost" },
      doc,
    });
  });
});

describe("deleteRecord", () => {
  it("removes the record and nothing else", () => {
    const doc = newSessionDoc();
    const [a, b, c] = ["甲", "乙", "丙"].map((title) => addAgendaItem(doc, { title }));
    deleteRecord(doc, "agenda", b!);
    expect(ids(doc)).toEqual([a, c]);
    expectDocError(() => deleteRecord(doc, "agenda", b!), "notFound", { doc });
  });

  // Regression (src/doc/records.ts deleteRecord), fixed: the current-item marker keeps pointing at a deleted item, so
  // the screen has no current item to show and addIssue/createVote file new records under a deleted item.
  it("deleting the current item clears the current marker, so new issues are not filed under it", () => {
    const doc = newSessionDoc();
    const a = addAgendaItem(doc, { title: "甲" });
    setAgendaStatus(doc, a, "discussing");
    deleteRecord(doc, "agenda", a);
    expect(snapshot(doc).meta.currentAgendaId).toBeNull();
    addIssue(doc, { text: "路燈壞了" });
    expect(snapshot(doc).issues[0]!.agendaId).toBeNull();
  });
});
