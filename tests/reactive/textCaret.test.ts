// textCaret: the opaque caret anchors a session handle gives a text field, for root texts and record texts.
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addAgendaItem, setAgendaNotes } from "../../src/doc/session/agenda.ts";
import { setMinutesText } from "../../src/doc/session/minutes.ts";
import { setSessionNotes } from "../../src/doc/session/session.ts";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { textCaret } from "../../src/reactive/textCaret.ts";

function session() {
  const doc = initSessionDoc(new Y.Doc(), {
    id: "s1",
    talkPoint: { id: "tp", name: "说事点", community: "老城路社区", location: "幸福路" },
    title: "议事",
    startsAt: "2024-01-21T10:00:00+08:00",
  });
  const item = addAgendaItem(doc, { title: "停车" });
  /** Applies `edit` as made on a peer that had the whole session. */
  const peer = (edit: (peerDoc: Y.Doc) => void) => {
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    edit(other);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  };
  return { doc, item, peer };
}

describe("textCaret", () => {
  it("keeps a caret in the session notes and the minutes by the same characters", () => {
    const { doc, peer } = session();
    setSessionNotes(doc, "电表改造");
    setMinutesText(doc, "通过");
    const notes = textCaret(doc, "notes");
    const minutes = textCaret(doc, "minutes");
    const inNotes = notes.save(2);
    const inMinutes = minutes.save(2);
    peer((d) => setSessionNotes(d, "一号楼电表改造"));
    peer((d) => setMinutesText(d, "一致通过"));
    expect(notes.restore(inNotes)).toBe(5);
    expect(minutes.restore(inMinutes)).toBe(4);
  });

  it("keeps a caret in an agenda item's notes, and loads the stored state before making an anchor", () => {
    const { doc, item, peer } = session();
    setAgendaNotes(doc, item, "车位不够");
    const load = vi.fn();
    const caret = textCaret(doc, { collection: "agenda", id: item, field: "notes" }, load);
    const token = caret.save(4);
    expect(load).toHaveBeenCalledTimes(1);
    peer((d) => setAgendaNotes(d, item, "晚上车位不够"));
    expect(caret.restore(token)).toBe(6);
  });

  it("gives no anchor for a field that is not shared text", () => {
    const { doc, item } = session();
    const title = textCaret(doc, { collection: "agenda", id: item, field: "title" });
    expect(title.save(1)).toBeUndefined();
    expect(title.restore(undefined)).toBeNull();
    const gone = textCaret(doc, { collection: "agenda", id: "no-such-item", field: "notes" });
    expect(gone.save(0)).toBeUndefined();
  });
});
