// Text fields over Y.Text: a new value applied as one minimal splice (so concurrent typing elsewhere survives),
// and caret anchors that stay by the same characters whatever peers type around them.
import * as Y from "yjs";

/** The one change turning `prev` into `next`: `prev.slice(start, end)` replaced by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * The smallest middle part of `prev` that differs from `next`, widened to whole code points. When the same
 * change could be in several places ("aa" → "aaa"), `maxStart` says it starts at or before that index.
 */
export function diffText(prev: string, next: string, maxStart = prev.length): TextChange {
  let start = 0;
  const startLimit = Math.min(prev.length, next.length, maxStart);
  while (start < startLimit && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (
    endPrev > start &&
    endNext > start &&
    prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
  ) {
    endPrev--;
    endNext--;
  }
  // Don't split a surrogate pair (emoji, rare CJK): widen the splice to whole code points.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  return { start, end: endPrev, text: next.slice(start, endNext) };
}

/** Replaces the content of `ytext` with `next`, touching only the changed middle part. */
export function spliceText(ytext: Y.Text, next: string): void {
  const prev = ytext.toString();
  if (prev === next) return;
  const { start, end, text } = diffText(prev, next);
  if (end > start) ytext.delete(start, end - start);
  if (text.length > 0) ytext.insert(start, text);
}

/**
 * Where index `index` of `prev` is in `next`, guessing from their difference: after a change before it,
 * shifted by the change's length; inside a replaced part, at its end. For text without caret anchors.
 */
export function shiftIndex(index: number, prev: string, next: string): number {
  const { start, end, text } = diffText(prev, next, index);
  if (index <= start) return index;
  if (index >= end) return index + text.length - (end - start);
  return start + text.length;
}

declare const anchorBrand: unique symbol;
/** A place in a Y.Text, kept by the character before it (opaque: only caretIndex reads it). */
export type CaretAnchor = { readonly [anchorBrand]: true };

/** An anchor for the caret at `index` of `ytext`: it stays after the same character as peers edit. */
export function caretAnchor(ytext: Y.Text, index: number): CaretAnchor {
  // assoc -1: the anchor follows the character before it, so text a peer adds right at the caret stays after it.
  const at = Math.max(0, Math.min(index, ytext.length));
  return Y.createRelativePositionFromTypeIndex(ytext, at, -1) as unknown as CaretAnchor;
}

/** The index in `ytext` now of an anchor made by caretAnchor, or null if it is not one of this text's. */
export function caretIndex(ytext: Y.Text, anchor: unknown): number | null {
  if (!(anchor instanceof Y.RelativePosition) || ytext.doc === null) return null;
  const position = Y.createAbsolutePositionFromRelativePosition(anchor, ytext.doc);
  return position !== null && position.type === ytext ? position.index : null;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
