// What the relay process prints never names a document: Hocuspocus's own error messages carry the full
// name (`<community>/session/<session>`), which says who held which session. The relay's console is
// wrapped once, in its process only (startRelay in a test process leaves the console alone).
import { inspect } from "node:util";

const DOC_NAME = /[A-Za-z0-9_-]{1,64}\/(?:workspace|session\/[A-Za-z0-9_-]{1,64})/g;

/** `text` with every relay document name replaced by `<document>`. */
export const redactDocNames = (text: string): string => text.replace(DOC_NAME, "<document>");

const clean = (arg: unknown): unknown =>
  typeof arg === "string" ? redactDocNames(arg) : arg instanceof Error ? redactDocNames(inspect(arg)) : arg;

/** Wraps console.log/info/warn/error so that nothing printed names a document. */
export function redactConsole(): void {
  for (const level of ["log", "info", "warn", "error"] as const) {
    const print = console[level].bind(console);
    console[level] = (...args: unknown[]) => print(...args.map(clean));
  }
}
