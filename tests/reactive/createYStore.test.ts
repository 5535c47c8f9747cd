// @vitest-environment happy-dom
import { createRoot, createEffect } from "solid-js";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addAgendaItem, updateAgendaItem } from "../../src/doc/session/agenda.ts";
import { addIssue } from "../../src/doc/session/issues.ts";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { setSessionNotes } from "../../src/doc/session/session.ts";
import { createYStore } from "../../src/reactive/createYStore.ts";

const init = (doc: Y.Doc) =>
  initSessionDoc(doc, {
    id: "s1",
    talkPoint: { id: "tp", name: "有一说一说事点", community: "老城路社区", location: "幸福路" },
    title: "议事",
    startsAt: "2024-01-21T10:00:00+08:00",
  });

describe("createYStore", () => {
  it("mirrors the document and re-runs only what reads a changed slice", () => {
    const doc = init(new Y.Doc());
    const runs = { agenda: 0, issues: 0 };
    const { state, dispose } = createRoot((dispose) => {
      const state = createYStore(doc);
      createEffect(() => {
        void state.agenda.map((a) => a.title).join();
        runs.agenda++;
      });
      createEffect(() => {
        void state.issues.length;
        runs.issues++;
      });
      return { state, dispose };
    });
    expect(state.meta.title).toBe("议事");
    expect(runs).toEqual({ agenda: 1, issues: 1 });
    const id = addAgendaItem(doc, { title: "电表改造" });
    expect(state.agenda.map((a) => a.title)).toEqual(["电表改造"]);
    updateAgendaItem(doc, id, { title: "电表与线路" });
    expect(state.agenda[0]!.title).toBe("电表与线路");
    expect(runs).toEqual({ agenda: 3, issues: 1 });
    addIssue(doc, { text: "停车难" });
    expect(state.issues[0]!.text).toBe("停车难");
    expect(runs).toEqual({ agenda: 3, issues: 2 });
    setSessionNotes(doc, "记录");
    expect(state.notes).toBe("记录");
    dispose();
  });

  it("follows updates from another replica and stops after dispose", () => {
    const a = init(new Y.Doc());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    let read: () => number = () => -1;
    const dispose = createRoot((d) => {
      const state = createYStore(b);
      read = () => state.agenda.length;
      return d;
    });
    addAgendaItem(a, { title: "远端议题" });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(read()).toBe(1);
    dispose();
    addAgendaItem(a, { title: "之后" });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(read()).toBe(1);
  });
});
