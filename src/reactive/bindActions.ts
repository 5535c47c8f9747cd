// Mutator modules bound to one document for the UI: each call loads the stored state first if needed, and a
// refused change becomes a translated message (the call then returns undefined) instead of an exception.
import type * as Y from "yjs";
import { attempt } from "./notices.ts";

/** A mutator without its doc argument: returns its result (true for void ones), or undefined when refused. */
type Bound<F> = F extends (doc: Y.Doc, ...args: infer A) => infer R
  ? (...args: A) => (R extends void ? true : R) | undefined
  : never;
type BoundModule<M> = { [K in keyof M]: Bound<M[K]> };

/** The functions of a module that take the doc first (readers such as remainingMs stay in their module). */
type DocFunctions<M> = {
  [K in keyof M]: M[K] extends (doc: Y.Doc, ...a: never[]) => unknown ? K : never;
}[keyof M];

/** Every module's mutators, bound. */
export type BoundActions<Modules> = {
  [M in keyof Modules]: BoundModule<Pick<Modules[M], DocFunctions<Modules[M]>>>;
};

/**
 * Binds each module's functions to `doc`; `load` first puts the stored state into the doc if the document
 * opened from its view and it is not yet.
 * @example const actions = bindActions(doc, { agenda, votes }, load); actions.agenda.addAgendaItem({ title })
 */
export function bindActions<Modules extends Record<string, object>>(
  doc: Y.Doc,
  modules: Modules,
  load: () => void,
): BoundActions<Modules> {
  const bind = (mod: object) => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      out[name] = (...args: unknown[]) =>
        attempt(() => {
          load();
          return (fn as (...a: unknown[]) => unknown)(doc, ...args) ?? true;
        });
    }
    return out;
  };
  return Object.fromEntries(
    Object.entries(modules).map(([name, mod]) => [name, bind(mod)]),
  ) as BoundActions<Modules>;
}
