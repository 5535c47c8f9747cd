import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { StorageError, toStorageError } from "../../src/persistence/errors.ts";
import type { StorageErrorCode } from "../../src/persistence/errors.ts";

describe("toStorageError", () => {
  const cases: [unknown, StorageErrorCode][] = [
    [new DOMException("full", "QuotaExceededError"), "quota"],
    [new DOMException("closing", "InvalidStateError"), "closed"],
    [new DOMException("finished", "TransactionInactiveError"), "closed"],
    [new DOMException("aborted", "AbortError"), "closed"],
    [
      new DOMException("Connection to Indexed Database server lost. Refresh the page", "UnknownError"),
      "closed",
    ],
    [new DOMException("Internal error opening backing store", "UnknownError"), "unavailable"],
    [new DOMException("denied", "SecurityError"), "unavailable"],
    [new DOMException("gone", "NotReadableError"), "corrupt"],
    [new DOMException("bad key", "DataError"), "unknown"],
    [new TypeError("oops"), "unknown"],
    ["a string", "unknown"],
    [undefined, "unknown"],
  ];

  it.each(cases)("classifies %s as %s", (input, code) => {
    const error = toStorageError(input);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.code).toBe(code);
    expect(error.cause).toBe(input);
  });

  it("returns a StorageError unchanged", () => {
    const error = new StorageError("quota", "full");
    expect(toStorageError(error)).toBe(error);
    expect(error.name).toBe("StorageError");
    expect(error).toBeInstanceOf(Error);
  });
});
