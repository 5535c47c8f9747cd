import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DocError } from "../../../src/doc/docError.ts";
import {
  endQuickPoll,
  readQuickPoll,
  startQuickPoll,
  tapQuickPoll,
} from "../../../src/doc/session/quickPoll.ts";
import { initSessionDoc } from "../../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";

const newDoc = () =>
  initSessionDoc(new Y.Doc(), {
    id: "s",
    talkPoint: { id: "tp", name: "逢四议事", community: "苏公塔社区", location: "网格巷道" },
    title: "议事",
    startsAt: "2024-01-25T10:30:00+08:00",
  });
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe("quick show of hands", () => {
  it("counts concurrent taps from two tablets, and a new question starts from zero", () => {
    const a = newDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    startQuickPoll(a, "休息一下？");
    sync(a, b);
    for (let i = 0; i < 4; i++) tapQuickPoll(a, "yes", 1);
    for (let i = 0; i < 3; i++) tapQuickPoll(b, "yes", 1);
    tapQuickPoll(b, "no", 1);
    sync(a, b);
    expect(readQuickPoll(a)).toMatchObject({ question: "休息一下？", active: true, yes: 7, no: 1 });
    expect(readQuickPoll(b)).toEqual(readQuickPoll(a));
    startQuickPoll(a, "明天继续？");
    expect(readQuickPoll(a)).toMatchObject({ question: "明天继续？", yes: 0, no: 0 });
  });

  it("refuses taps once ended or below zero, and never touches votes", () => {
    const doc = newDoc();
    startQuickPoll(doc, "休息一下？");
    expect(() => tapQuickPoll(doc, "no", -1)).toThrow(DocError);
    endQuickPoll(doc);
    expect(() => tapQuickPoll(doc, "yes", 1)).toThrow(DocError);
    expect(snapshot(doc).votes).toEqual([]);
    expect(snapshot(doc).quickPoll).toMatchObject({ active: false });
  });
});
