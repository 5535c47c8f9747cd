// Storage failures as one typed error with a machine-readable code; the UI turns `code` into words.

/** What went wrong, coarse enough for the UI to pick a message and a remedy. */
export type StorageErrorCode = "quota" | "closed" | "unavailable" | "corrupt" | "unknown";

/** An IndexedDB failure classified by `code`. The original error is kept as `cause`. */
export class StorageError extends Error {
  override readonly name = "StorageError";
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

// DOMException names (https://webidl.spec.whatwg.org/#idl-DOMException-error-names) mapped to codes.
const CODE_BY_NAME: Readonly<Record<string, StorageErrorCode>> = {
  QuotaExceededError: "quota",
  NS_ERROR_DOM_QUOTA_REACHED: "quota", // older Firefox
  // The connection was closed (by us, the browser or a version change) or the transaction already ended.
  InvalidStateError: "closed",
  TransactionInactiveError: "closed",
  // Transactions still running when the connection is closed under them are aborted; a fresh connection
  // is the remedy. (A quota failure at commit surfaces as QuotaExceededError on tx.done, not as this.)
  AbortError: "closed",
  // IndexedDB missing or refused: private browsing, blocked site data, a broken backing store.
  SecurityError: "unavailable",
  NotFoundError: "unavailable",
  VersionError: "unavailable",
  UnknownError: "unavailable",
  // Chrome: a stored value's backing file is missing or unreadable.
  NotReadableError: "corrupt",
};

/**
 * Classify anything thrown by IndexedDB (or idb) as a StorageError; a StorageError is returned unchanged.
 * @example toStorageError(new DOMException("full", "QuotaExceededError")).code // "quota"
 */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = typeof e === "object" && e !== null && "name" in e ? String(e.name) : "";
  const message = e instanceof Error ? e.message : String(e);
  let code = CODE_BY_NAME[name] ?? "unknown";
  // Safari reports a lost connection to its storage process as UnknownError with this message.
  if (name === "UnknownError" && /connection.*lost/i.test(message)) code = "closed";
  return new StorageError(code, name ? `${name}: ${message}` : message, { cause: e });
}
