// Caret anchors for one shared text field of a session, handed to the UI as opaque tokens (it never sees Yjs).
import * as Y from "yjs";
import { roots, type CollectionName } from "../doc/session/sessionDoc.ts";
import { caretAnchor, caretIndex } from "../doc/text.ts";

/** A shared text field: a root text of the session, or a Y.Text field of a record. */
export type TextPath = "notes" | "minutes" | { collection: CollectionName; id: string; field: string };

/** Keeps a caret by the same characters: `save` an index now, `restore` it after others edited the text. */
export interface TextCaret {
  /** A token for `index` of the text as it is now (undefined when the field holds no shared text). */
  save(index: number): unknown;
  /** Where the token's place is now, or null when it cannot be told (the text was replaced, say). */
  restore(token: unknown): number | null;
}

function textAt(doc: Y.Doc, path: TextPath): Y.Text | null {
  const r = roots(doc);
  if (path === "notes" || path === "minutes") return r[path];
  const record: unknown = r[path.collection].get(path.id);
  const value = record instanceof Y.Map ? (record as Y.Map<unknown>).get(path.field) : null;
  return value instanceof Y.Text ? value : null;
}

/**
 * Caret anchors for the text at `path` in `doc`. `load` first puts the stored state into the doc (a session
 * opened from its view), so anchors are made against the text the field shows.
 * @example const caret = textCaret(doc, "notes", load); caret.restore(caret.save(3))
 */
export function textCaret(doc: Y.Doc, path: TextPath, load: () => void = () => {}): TextCaret {
  return {
    save: (index) => {
      load();
      const ytext = textAt(doc, path);
      return ytext === null ? undefined : caretAnchor(ytext, index);
    },
    restore: (token) => {
      const ytext = textAt(doc, path);
      return ytext === null ? null : caretIndex(ytext, token);
    },
  };
}
