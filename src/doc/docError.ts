// The one error type mutators throw: a code the UI translates, plus the values its message needs.

export type DocErrorCode =
  | "required"
  | "tooLong"
  | "outOfRange"
  | "notFound"
  | "belowZero"
  | "readOnly"
  | "locked"
  | "voteNotOpen"
  | "voteClosed"
  | "transition"
  | "notInDirectory"
  | "deadlineBeforeEscalation"
  | "ownerRequired"
  | "dateInFuture"
  | "tooManyOptions";

/** A rejected change; nothing in the document was modified. */
export class DocError extends Error {
  readonly code: DocErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: DocErrorCode, params: Record<string, string | number> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "DocError";
    this.code = code;
    this.params = params;
  }
}

/** Rejects blank required text. */
export function requireText(value: string, field: string): string {
  if (value.trim() === "") throw new DocError("required", { field });
  return value;
}

/** Rejects text longer than `max` characters (a 1 MB paste, say) instead of truncating it silently. */
export function limitText(value: string, max: number, field: string): string {
  if (value.length > max) throw new DocError("tooLong", { field, max, length: value.length });
  return value;
}

/** Rejects numbers that are not whole numbers in [min, max]. */
export function limitInt(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new DocError("outOfRange", { field, min, max });
  return value;
}
