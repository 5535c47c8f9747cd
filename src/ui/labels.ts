// Names shown for records whose default label comes from the dictionary (categories, vote options).
import type { Category, VoteOption } from "../doc/session/schema.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";

export const categoryLabel = (c: Category | undefined): string =>
  !c ? "" : c.label || t(`category.${c.id}` as MessageKey);

export const optionLabel = (o: Pick<VoteOption, "label" | "role">): string =>
  o.label || t(`option.${o.role}` as MessageKey);
