// Undo and redo for an open session, as Solid signals; refused (with a message) on a display or while locked.
import type * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import { createUndoManager, undoChecked } from "../doc/session/sessionDoc.ts";
import { attempt } from "./notices.ts";

export interface UndoState {
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  undo(): void;
  redo(): void;
  destroy(): void;
}

/** Undo over the session's discrete local edits (see createUndoManager). */
export function createUndoState(doc: Y.Doc): UndoState {
  const manager = createUndoManager(doc);
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);
  const refresh = () => {
    setCanUndo(manager.undoStack.length > 0);
    setCanRedo(manager.redoStack.length > 0);
  };
  manager.on("stack-item-added", refresh);
  manager.on("stack-item-popped", refresh);
  manager.on("stack-cleared", refresh);
  return {
    canUndo,
    canRedo,
    undo: () => void attempt(() => undoChecked(doc, manager)),
    redo: () => void attempt(() => undoChecked(doc, manager, true)),
    destroy: () => manager.destroy(),
  };
}
