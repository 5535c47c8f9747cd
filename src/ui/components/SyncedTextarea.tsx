import { createEffect } from "solid-js";

interface Props {
  value: string;
  label: string;
  /** Returns false when the change was refused: the field then shows the stored text again. */
  onChange: (value: string) => boolean;
  rows?: number;
  readOnly?: boolean;
  id?: string;
}

/**
 * A textarea showing shared text: remote edits update it without moving the caret to the end,
 * and a refused edit (too long) puts the stored text back.
 */
export function SyncedTextarea(props: Props) {
  let el!: HTMLTextAreaElement;
  createEffect(() => {
    const next = props.value;
    if (el.value === next) return;
    const { selectionStart, selectionEnd } = el;
    el.value = next;
    if (document.activeElement === el) el.setSelectionRange(selectionStart, selectionEnd);
  });
  return (
    <textarea
      ref={el}
      id={props.id}
      aria-label={props.label}
      rows={props.rows ?? 4}
      readOnly={props.readOnly}
      onInput={(e) => {
        if (!props.onChange(e.currentTarget.value)) e.currentTarget.value = props.value;
      }}
    />
  );
}
