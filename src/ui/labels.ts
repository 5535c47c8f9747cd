// Names shown for records whose default label comes from the dictionary (categories, vote options).
import type { Category, VoteOption } from "../doc/session/schema.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";

export const categoryLabel = (c: Category | undefined): string =>
  !c ? "" : c.label || t(`category.${c.id}` as MessageKey);

export const optionLabel = (o: Pick<VoteOption, "label" | "role">): string =>
  o.label || t(`option.${o.role}` as MessageKey);

/** A record's text as a button names it ("Delete issue 停车难…"): its first line, cut at 30 characters. */
export function shortText(text: string, max = 30): string {
  const line = text.trim().split(/\r?\n/)[0] ?? "";
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The parts that have a value, joined with " · " (an empty place leaves no "· ·" behind). */
export const joinFilled = (parts: (string | null | undefined)[]): string =>
  parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join(" · ");
