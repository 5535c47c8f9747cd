import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addAgendaItem } from "../../../src/doc/session/agenda.ts";
import { DocError } from "../../../src/doc/docError.ts";
import { lockMinutes, reopenMinutes, setMinutesText } from "../../../src/doc/session/minutes.ts";
import { initSessionDoc, setActor } from "../../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";

const newDoc = () =>
  initSessionDoc(new Y.Doc(), {
    id: "s",
    talkPoint: { id: "tp", name: "有一说一说事点", community: "老城路社区", location: "幸福路" },
    title: "议事",
    startsAt: "2024-01-21T10:00:00+08:00",
  });

describe("minutes: draft, amend, lock, reopen", () => {
  it("keeps the secretary's amendments as shared text", () => {
    const doc = newDoc();
    setMinutesText(doc, "补充：电表已全部更换。");
    expect(snapshot(doc).minutes).toBe("补充：电表已全部更换。");
  });

  it("a locked session refuses every edit with who locked it, and changes nothing", () => {
    const doc = newDoc();
    setActor(doc, "书记平板");
    lockMinutes(doc, 1000);
    const before = Y.encodeStateAsUpdate(doc);
    let error: unknown;
    try {
      addAgendaItem(doc, { title: "新议题" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocError);
    expect((error as DocError).code).toBe("locked");
    expect((error as DocError).params.by).toBe("书记平板");
    expect(() => setMinutesText(doc, "x")).toThrow(DocError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(snapshot(doc).lock).toEqual({ at: 1000, by: "书记平板" });
  });

  it("reopening is explicit and recorded, and edits work again", () => {
    const doc = newDoc();
    lockMinutes(doc, 1000);
    reopenMinutes(doc, 2000);
    addAgendaItem(doc, { title: "补充议题" });
    const s = snapshot(doc);
    expect(s.lock).toBeNull();
    expect(s.lockLog.map((e) => e.kind)).toEqual(["lock", "reopen"]);
    expect(s.agenda).toHaveLength(1);
  });

  it("a reopen stays after its lock even when the reopening tablet's clock is behind", () => {
    const doc = newDoc();
    lockMinutes(doc, 5000);
    reopenMinutes(doc, 10);
    expect(snapshot(doc).lock).toBeNull();
  });

  it("a lock made on one tablet reaches the other, which then refuses edits too", () => {
    const a = newDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    lockMinutes(a, 1000);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(() => addAgendaItem(b, { title: "x" })).toThrow(DocError);
    expect(snapshot(b).lock?.at).toBe(1000);
  });
});
