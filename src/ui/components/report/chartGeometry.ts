// Shared geometry of the report's SVG charts: physical x positions mirrored for right-to-left languages (SVG
// has no logical coordinates), numbers isolated left to right, labels cut to the width they are given.

export type Dir = "ltr" | "rtl";

/** The physical x of a logical position `x` (from the start side) in a chart `width` wide. */
export const mirrorX = (dir: Dir, width: number, x: number): number => (dir === "rtl" ? width - x : x);

/** The physical x of a box starting at logical `x`, `w` wide. */
export const mirrorBox = (dir: Dir, width: number, x: number, w: number): number =>
  dir === "rtl" ? width - x - w : x;

/** A number (or date) kept left to right inside text of either direction (LRI … PDI). */
export const ltr = (text: string): string => `\u2066${text}\u2069`;

/** A label cut to about `ems` em of text (a CJK character is one em, most other letters about half). */
export function fitLabel(label: string, ems: number): string {
  let width = 0;
  const chars = [...label.trim()];
  for (let i = 0; i < chars.length; i++) {
    width += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(chars[i]!) ? 1 : 0.56;
    if (width > ems) return `${chars.slice(0, Math.max(1, i - 1)).join("")}…`;
  }
  return chars.join("");
}

/**
 * A round upper bound for an axis over values up to `max`, and the ticks up to it (0 included).
 * @example niceTicks(37) // { top: 40, ticks: [0, 10, 20, 30, 40] }
 */
export function niceTicks(max: number): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const stepInt = Math.max(1, Math.round(step));
  const top = Math.ceil(max / stepInt) * stepInt;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += stepInt) ticks.push(v);
  return { top, ticks };
}
