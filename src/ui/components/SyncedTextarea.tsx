import { createEffect, onCleanup, untrack } from "solid-js";
import { diffText, shiftIndex } from "../../doc/text.ts";

/** Keeps a caret by the same characters across remote edits; its tokens are opaque here. */
export interface CaretKeeper {
  save(index: number): unknown;
  restore(token: unknown): number | null;
}

interface Props {
  value: string;
  label: string;
  /** Returns false when the change was refused: the field then shows the stored text again. */
  onChange: (value: string) => boolean;
  /** Anchors for the stored text (shared text); without them a remote edit shifts the caret by a diff. */
  caret?: CaretKeeper;
  rows?: number;
  readOnly?: boolean;
  id?: string;
}

/** The field's text and selection at one moment, with anchors for the selection when it showed the stored text. */
interface Mark {
  text: string;
  start: number;
  end: number;
  anchors: [unknown, unknown] | null;
}

const clamp = (i: number, length: number) => Math.max(0, Math.min(i, length));

/**
 * A textarea showing shared text. Typing is written on each input, but an IME composition (pinyin) only
 * once it ends, spliced into the stored text as it is then, so what a peer typed meanwhile stays; until
 * then a remote edit does not touch the field. A remote edit keeps the caret by the same characters,
 * and a refused edit (too long) puts the stored text back.
 */
export function SyncedTextarea(props: Props) {
  let el!: HTMLTextAreaElement;
  /** The field when it last showed the stored text while focused. */
  let mark: Mark | null = null;
  /** The field when the current composition started; null when not composing. */
  let composition: Mark | null = null;

  const markNow = (): Mark => {
    const { value: text, selectionStart: start, selectionEnd: end } = el;
    const caret = text === props.value ? props.caret : undefined;
    return { text, start, end, anchors: caret ? [caret.save(start), caret.save(end)] : null };
  };
  // Only while focused: a caret is kept only then, and anchors would load a session opened from its view.
  const remember = () => {
    if (composition === null && document.activeElement === el && el.value === props.value) mark = markNow();
  };

  /** Maps indexes of `m.text` into `now`: by the anchors when it has them, else by the difference. */
  const mapper = (m: Mark, now: string) => {
    const caret = props.caret;
    const a = m.anchors && caret ? caret.restore(m.anchors[0]) : null;
    const b = m.anchors && caret ? caret.restore(m.anchors[1]) : null;
    return (i: number): number => {
      if (a === null || b === null) return clamp(shiftIndex(i, m.text, now), now.length);
      if (i <= m.start) return clamp(a - (m.start - i), now.length);
      if (i >= m.end) return clamp(b + (i - m.end), now.length);
      return clamp(Math.min(a + (i - m.start), b), now.length);
    };
  };

  /** Shows the stored text `next`; the caret goes to `caretAt`, or stays by the characters it was by. */
  const showStored = (next: string, caretAt?: number) => {
    if (el.value !== next) {
      const { value: text, selectionStart: start, selectionEnd: end, selectionDirection } = el;
      // The last mark's anchors hold only if the selection has not moved since it was taken.
      const fresh = mark !== null && mark.text === text && mark.start === start && mark.end === end;
      const map = mapper(fresh ? mark! : { text, start, end, anchors: null }, next);
      const [from, to] = caretAt === undefined ? [map(start), map(end)] : [caretAt, caretAt];
      const focused = document.activeElement === el;
      el.value = next;
      if (focused) el.setSelectionRange(from, Math.max(from, to), selectionDirection ?? undefined);
    }
    remember();
  };

  createEffect(() => {
    const next = props.value;
    // While composing the IME owns the field: the stored text is shown once the composition ends.
    if (composition === null) untrack(() => showStored(next));
  });

  const commit = (value: string) => {
    // An input that changes nothing (one some browsers send after compositionend) is not an edit.
    if (value !== props.value && !props.onChange(value)) el.value = props.value;
    remember();
  };

  const endComposition = () => {
    const base = composition;
    if (base === null) return;
    const stored = props.value;
    const change = diffText(base.text, el.value, base.start);
    let next = stored;
    let caretAt: number | undefined;
    if (change.end > change.start || change.text.length > 0) {
      const map = mapper(base, stored);
      const from = map(change.start);
      next = stored.slice(0, from) + change.text + stored.slice(Math.max(from, map(change.end)));
      caretAt = from + change.text.length;
    }
    // Still "composing" while writing, so the store's update does not redraw the field half-way.
    const written = next === stored || props.onChange(next);
    composition = null;
    showStored(props.value, written ? caretAt : undefined);
  };

  const onSelectionChange = () => {
    if (document.activeElement === el) remember();
  };
  document.addEventListener("selectionchange", onSelectionChange);
  onCleanup(() => document.removeEventListener("selectionchange", onSelectionChange));

  return (
    <textarea
      ref={el}
      id={props.id}
      aria-label={props.label}
      rows={props.rows ?? 4}
      readOnly={props.readOnly}
      onFocus={remember}
      onCompositionStart={() => (composition = markNow())}
      onCompositionEnd={endComposition}
      onInput={(e) => {
        // Pinyin on its way to a character is not text yet: compositionend writes what was chosen.
        if (composition === null && !e.isComposing) commit(e.currentTarget.value);
      }}
    />
  );
}
