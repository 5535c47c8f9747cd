// Messages for the user (errors, confirmations with undo), queued as a signal; the UI translates and shows them.
import { createSignal } from "solid-js";
import { MASTER, t, type MessageKey } from "../i18n/i18n.ts";
import { DocError } from "../doc/docError.ts";

export interface Notice {
  id: number;
  kind: "error" | "info";
  key: MessageKey;
  params?: Record<string, string | number>;
  /** A button next to the message ("Undo", "Reload"). */
  action?: { key: MessageKey; run: () => void };
  /** Stays until dismissed (storage problems), instead of fading after a few seconds. */
  sticky?: boolean;
}

const [notices, setNotices] = createSignal<Notice[]>([]);
export { notices };
let nextId = 1;
const TIMEOUT_MS = 6000;

/** Shows a message; returns its id. */
export function notify(notice: Omit<Notice, "id">): number {
  const id = nextId++;
  setNotices((list) => [
    ...list.filter((n) => n.key !== notice.key || n.sticky !== notice.sticky),
    { ...notice, id },
  ]);
  if (!notice.sticky) setTimeout(() => dismiss(id), TIMEOUT_MS);
  return id;
}

export function dismiss(id: number): void {
  setNotices((list) => list.filter((n) => n.id !== id));
}

/** Removes sticky messages with this key (the problem went away). */
export function clearNotice(key: MessageKey): void {
  setNotices((list) => list.filter((n) => n.key !== key));
}

/** Error parameters that name something the dictionary translates: a field, a matter's status or step. */
const TRANSLATED_PARAMS = [
  ["field", "field"],
  ["from", "matterStatus"],
  ["step", "matterStep"],
] as const;

/** Turns a rejected change into a translated message; other errors are reported as unexpected. */
export function reportError(error: unknown): void {
  if (error instanceof DocError) {
    // Field, status and step names in messages are shown in the UI language, not as internal names.
    const params = { ...error.params };
    for (const [param, prefix] of TRANSLATED_PARAMS) {
      const key = `${prefix}.${String(params[param])}`;
      if (params[param] !== undefined && key in MASTER) params[param] = t(key as MessageKey);
    }
    notify({ kind: "error", key: `error.${error.code}` as MessageKey, params });
  } else {
    console.error(error);
    notify({
      kind: "error",
      key: "error.unexpected",
      params: { detail: String((error as Error)?.message ?? error) },
    });
  }
}

/** Runs a change, reporting a rejection instead of throwing; returns the result or undefined. */
export function attempt<R>(fn: () => R): R | undefined {
  try {
    return fn();
  } catch (error) {
    reportError(error);
    return undefined;
  }
}
