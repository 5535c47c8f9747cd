// @vitest-environment happy-dom
// SyncedTextarea over a real Y.Text: an IME composition is written once, at its end, merged with what a peer
// typed meanwhile; a peer's edit keeps the caret by the same characters.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSignal } from "solid-js";
import { render } from "solid-js/web";
import * as Y from "yjs";
import { caretAnchor, caretIndex, spliceText } from "../../src/doc/text.ts";
import { SyncedTextarea } from "../../src/ui/components/SyncedTextarea.tsx";

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.innerHTML = "";
});

/** A textarea showing a Y.Text; `remote` edits the text as a peer would (not through the field). */
function mount(initial: string, withCaret = true) {
  const doc = new Y.Doc();
  const ytext = doc.getText("t");
  ytext.insert(0, initial);
  const [value, setValue] = createSignal(ytext.toString());
  ytext.observe(() => setValue(ytext.toString()));
  const onChange = vi.fn((next: string) => {
    doc.transact(() => spliceText(ytext, next), "local");
    return true;
  });
  const caret = withCaret
    ? { save: (i: number) => caretAnchor(ytext, i), restore: (t: unknown) => caretIndex(ytext, t) }
    : undefined;
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(
    render(() => <SyncedTextarea label="笔记" value={value()} onChange={onChange} caret={caret} />, host),
  );
  const el = host.querySelector("textarea")!;
  const remote = (index: number, text: string) => {
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    peer.getText("t").insert(index, text);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), "remote");
  };
  return { ytext, el, onChange, remote };
}

/** Puts the caret at `index`, as a tap would (the browser then reports a selection change). */
function placeCaret(el: HTMLTextAreaElement, index: number) {
  el.focus();
  el.setSelectionRange(index, index);
  document.dispatchEvent(new Event("selectionchange"));
}

/** What the browser does while an IME shows `text` in place of the composition so far. */
function composeStep(el: HTMLTextAreaElement, from: number, prevLength: number, text: string) {
  el.setRangeText(text, from, from + prevLength, "end");
  el.dispatchEvent(new CompositionEvent("compositionupdate", { data: text, bubbles: true }));
  el.dispatchEvent(
    new InputEvent("input", {
      data: text,
      inputType: "insertCompositionText",
      isComposing: true,
      bubbles: true,
    }),
  );
}

/** Types `steps` (pinyin, then the chosen character last) as one composition at the caret. */
function compose(el: HTMLTextAreaElement, steps: string[], opts: { during?: () => void } = {}) {
  const from = el.selectionStart;
  el.dispatchEvent(new CompositionEvent("compositionstart", { data: "", bubbles: true }));
  let prev = 0;
  steps.forEach((text, i) => {
    composeStep(el, from, prev, text);
    prev = text.length;
    if (i === 0) opts.during?.();
  });
  el.dispatchEvent(new CompositionEvent("compositionend", { data: steps.at(-1), bubbles: true }));
}

describe("SyncedTextarea and an IME composition", () => {
  it("writes nothing while composing, then the chosen text once", () => {
    const { el, onChange, ytext } = mount("今天讨论");
    placeCaret(el, 4);
    compose(el, ["z", "zh", "zhong", "中"]);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith("今天讨论中");
    expect(ytext.toString()).toBe("今天讨论中");
    expect(el.value).toBe("今天讨论中");
    // Some browsers send one more input after compositionend: it changes nothing, so writes nothing.
    el.dispatchEvent(new InputEvent("input", { data: "中", inputType: "insertText", bubbles: true }));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("does not write pinyin that is composed and then abandoned", () => {
    const { el, onChange } = mount("议事");
    placeCaret(el, 2);
    compose(el, ["z", "zh", ""]);
    expect(onChange).not.toHaveBeenCalled();
    expect(el.value).toBe("议事");
  });

  it("keeps the composition on screen through a peer's edit, and keeps both after it ends", () => {
    const { el, ytext, remote } = mount("电表改造");
    placeCaret(el, 4);
    let shownDuring = "";
    compose(el, ["z", "zh", "zhong", "中"], {
      during: () => {
        remote(0, "一号楼");
        shownDuring = el.value;
      },
    });
    expect(shownDuring).toBe("电表改造z");
    expect(ytext.toString()).toBe("一号楼电表改造中");
    expect(el.value).toBe("一号楼电表改造中");
    expect(el.selectionStart).toBe(8);
  });

  it("writes ordinary typing on each input, as before", () => {
    const { el, onChange, ytext } = mount("");
    el.value = "a";
    el.dispatchEvent(new InputEvent("input", { data: "a", inputType: "insertText", bubbles: true }));
    expect(onChange).toHaveBeenCalledWith("a");
    expect(ytext.toString()).toBe("a");
  });
});

describe("SyncedTextarea and the caret", () => {
  it("keeps the caret after the same characters when a peer inserts before it (Yjs positions)", () => {
    // "aaaa" → "aaaaa" could be an insert anywhere: only the Yjs position knows it was before the caret.
    const { el, remote } = mount("aaaa");
    placeCaret(el, 2);
    remote(0, "a");
    expect(el.value).toBe("aaaaa");
    expect([el.selectionStart, el.selectionEnd]).toEqual([3, 3]);
  });

  it("keeps a selection over the same characters when a peer edits around it", () => {
    const { el, remote } = mount("你好世界");
    el.focus();
    el.setSelectionRange(2, 4);
    document.dispatchEvent(new Event("selectionchange"));
    remote(0, "大家");
    remote(6, "！");
    expect(el.value).toBe("大家你好世界！");
    expect(el.value.slice(el.selectionStart, el.selectionEnd)).toBe("世界");
  });

  it("without Yjs positions (a plain field), shifts the caret by the change before it", () => {
    const { el, remote } = mount("你好世界", false);
    placeCaret(el, 2);
    remote(0, "大家");
    expect([el.selectionStart, el.selectionEnd]).toEqual([4, 4]);
    remote(6, "！");
    expect([el.selectionStart, el.selectionEnd]).toEqual([4, 4]);
  });
});
