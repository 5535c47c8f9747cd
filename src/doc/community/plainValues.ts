// Reading values any peer may have stored: a plain object, a string, a finite number, or the default.

export type Json = Record<string, unknown>;

/** True for a plain object (not null, not an array). */
export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
/** The string, or "" for anything else. */
export const str = (v: unknown): string => (typeof v === "string" ? v : "");
/** The finite number, or 0 for anything else. */
export const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
/** A non-empty string id, or null. */
export const idOrNull = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
