// spliceText: a new field value becomes one minimal Y.Text splice that never splits a surrogate pair.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { caretAnchor, caretIndex, diffText, shiftIndex, spliceText } from "../../src/doc/text.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Splice {
  at: number;
  deleted: number;
  inserted: string;
}

/** Applies `next` to a Y.Text holding `prev`; returns the splice Yjs saw (null when nothing changed). */
function splice(prev: string, next: string): Splice | null {
  const doc = new Y.Doc();
  const ytext = doc.getText("t");
  ytext.insert(0, prev);
  let seen: Splice | null = null;
  let events = 0;
  ytext.observe((event) => {
    events++;
    const s: Splice = { at: 0, deleted: 0, inserted: "" };
    event.delta.forEach((op, i) => {
      if (op.retain !== undefined) {
        // Only a leading retain: the change is one contiguous range.
        expect(i, "retain after a change").toBe(0);
        s.at = op.retain;
      }
      if (op.delete !== undefined) s.deleted += op.delete;
      if (typeof op.insert === "string") s.inserted += op.insert;
    });
    seen = s;
  });
  // Mutators always splice inside one transaction (change()).
  doc.transact(() => spliceText(ytext, next));
  expect(ytext.toString()).toBe(next);
  expect(events).toBeLessThanOrEqual(1);
  return seen;
}

/** The splice neither starts, ends nor inserts inside a surrogate pair. */
function expectWholeCodePoints(prev: string, s: Splice) {
  expect(LONE_SURROGATE.test(prev.slice(0, s.at)), "prefix splits a pair").toBe(false);
  expect(LONE_SURROGATE.test(prev.slice(s.at, s.at + s.deleted)), "deleted range splits a pair").toBe(false);
  expect(LONE_SURROGATE.test(prev.slice(s.at + s.deleted)), "suffix splits a pair").toBe(false);
  expect(LONE_SURROGATE.test(s.inserted), "inserted text splits a pair").toBe(false);
}

describe("spliceText", () => {
  it.each<[string, string, string, Splice]>([
    ["insert in the middle", "abcdef", "abcXYdef", { at: 3, deleted: 0, inserted: "XY" }],
    ["insert at the start", "abc", "Xabc", { at: 0, deleted: 0, inserted: "X" }],
    ["append", "abc", "abcd", { at: 3, deleted: 0, inserted: "d" }],
    ["delete in the middle", "abcdef", "abef", { at: 2, deleted: 2, inserted: "" }],
    ["delete everything", "abc", "", { at: 0, deleted: 3, inserted: "" }],
    ["replace a middle part", "abcdef", "abZZf", { at: 2, deleted: 3, inserted: "ZZ" }],
    ["repeated letters", "aaa", "aaaa", { at: 3, deleted: 0, inserted: "a" }],
    ["CJK insert", "老城路社區說事點", "老城路社區百姓說事點", { at: 5, deleted: 0, inserted: "百姓" }],
    ["CJK with a digit typed", "每月1日議事", "每月11日議事", { at: 3, deleted: 0, inserted: "1" }],
    ["Uyghur (RTL) append", "مەسىلە", "مەسىلە بار", { at: 6, deleted: 0, inserted: " بار" }],
  ])("%s", (_name, prev, next, expected) => {
    expect(splice(prev, next)).toEqual(expected);
  });

  it("does nothing when the value is unchanged", () => {
    const doc = new Y.Doc();
    const ytext = doc.getText("t");
    ytext.insert(0, "同一段文字");
    let updates = 0;
    doc.on("update", () => updates++);
    spliceText(ytext, "同一段文字");
    expect(updates).toBe(0);
  });

  it.each<[string, string, string, Splice]>([
    [
      "one emoji replaced by another sharing its high surrogate",
      "a😀b",
      "a😃b",
      { at: 1, deleted: 2, inserted: "😃" },
    ],
    ["emoji appended after an emoji", "好😀", "好😀😀", { at: 3, deleted: 0, inserted: "😀" }],
    ["CJK extension B character replaced", "𠀀", "𠀁", { at: 0, deleted: 2, inserted: "𠀁" }],
    ["emoji inserted into text", "舞蹈班", "舞蹈班💃", { at: 3, deleted: 0, inserted: "💃" }],
  ])("keeps surrogate pairs whole: %s", (_name, prev, next, expected) => {
    const s = splice(prev, next)!;
    expect(s).toEqual(expected);
    expectWholeCodePoints(prev, s);
  });

  it("keeps surrogate pairs whole when a pair is inserted between pairs sharing a high surrogate", () => {
    const prev = "😀😀";
    const s = splice(prev, "😀😃😀")!;
    expectWholeCodePoints(prev, s);
    expect(s.at).toBe(2);
  });

  it("keeps surrogate pairs whole when deleting a pair between pairs", () => {
    const prev = "😀😃😀";
    const s = splice(prev, "😀😀")!;
    expectWholeCodePoints(prev, s);
    expect(s.at).toBe(2);
    expect(s.deleted - s.inserted.length).toBe(2);
  });

  it("lets concurrent typing elsewhere in the same text survive", () => {
    const a = new Y.Doc();
    a.getText("t").insert(0, "電錶更換 已登記");
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    spliceText(a.getText("t"), "電錶更換（2號樓） 已登記");
    spliceText(b.getText("t"), "電錶更換 已登記12戶");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("t").toString()).toBe("電錶更換（2號樓） 已登記12戶");
    expect(b.getText("t").toString()).toBe("電錶更換（2號樓） 已登記12戶");
  });
});

describe("diffText and shiftIndex", () => {
  it("places an ambiguous change at or before the given index", () => {
    expect(diffText("aaaa", "aaaaa")).toEqual({ start: 4, end: 4, text: "a" });
    expect(diffText("aaaa", "aaaaa", 1)).toEqual({ start: 1, end: 1, text: "a" });
  });

  it.each<[string, number, string, string, number]>([
    ["a change before the caret shifts it", 2, "你好世界", "大家你好世界", 4],
    ["a change after the caret leaves it", 2, "你好世界", "你好世界！", 2],
    ["a deletion before the caret pulls it back", 3, "你好世界", "好世界", 2],
    ["a replaced part around the caret puts it at the part's end", 2, "你好世界", "你们世界", 2],
  ])("%s", (_name, index, prev, next, expected) => {
    expect(shiftIndex(index, prev, next)).toBe(expected);
  });
});

describe("caret anchors", () => {
  /** A text in doc `a`, and a function applying a peer's edit to it. */
  function shared(initial: string) {
    const a = new Y.Doc();
    const ytext = a.getText("t");
    ytext.insert(0, initial);
    const peer = (edit: (t: Y.Text) => void) => {
      const b = new Y.Doc();
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      edit(b.getText("t"));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    };
    return { ytext, peer };
  }

  it("stay after the same character when a peer inserts before, at or after it", () => {
    const { ytext, peer } = shared("aaaa");
    const anchor = caretAnchor(ytext, 2);
    peer((t) => t.insert(0, "a"));
    expect(caretIndex(ytext, anchor)).toBe(3);
    peer((t) => t.insert(3, "X")); // right at the caret: typed by the peer after it
    expect(caretIndex(ytext, anchor)).toBe(3);
    peer((t) => t.insert(ytext.length, "!"));
    expect(caretIndex(ytext, anchor)).toBe(3);
  });

  it("keep the start and the end of the text", () => {
    const { ytext, peer } = shared("议事");
    const start = caretAnchor(ytext, 0);
    const end = caretAnchor(ytext, 2);
    peer((t) => t.insert(0, "社区"));
    expect([caretIndex(ytext, start), caretIndex(ytext, end)]).toEqual([0, 4]);
  });

  it("fall back where deleted characters were, and refuse what is not one of this text's anchors", () => {
    const { ytext, peer } = shared("你好世界");
    const anchor = caretAnchor(ytext, 3);
    peer((t) => t.delete(1, 3));
    expect(caretIndex(ytext, anchor)).toBe(1);
    expect(caretIndex(ytext, undefined)).toBeNull();
    expect(caretIndex(ytext, { index: 3 })).toBeNull();
    expect(caretIndex(ytext, caretAnchor(new Y.Doc().getText("other"), 0))).toBeNull();
  });
});
