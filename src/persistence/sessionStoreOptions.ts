// The options, status and events of a SessionStore (sessionStore.ts).
import type { StorageError } from "./errors.ts";
import type { ViewOptions } from "./storedViews.ts";
import type { SessionStore } from "./sessionStore.ts";

export const DEFAULT_COMPACT_AFTER = 500;

/** "loading" until stored updates are applied; then "saving" while edits wait, "saved", or "error". */
export type SessionStoreStatus = "loading" | "saving" | "saved" | "error";

export interface SessionStoreOptions {
  /** Once a session has more stored rows than this, they are replaced by one snapshot. Default 500. */
  compactAfter?: number;
  /** Milliseconds between an edit and its write; edits in between share one row. Default 0. */
  flushDelay?: number;
  /** Delay before the first retry of a failed write, doubled per failure. Default 500 ms. */
  retryMinMs?: number;
  /** Longest delay between retries. Default 30 s. */
  retryMaxMs?: number;
  /**
   * Keep a plain view of the doc (`read()`, e.g. what the screen shows) beside its rows, and open from it.
   * The view is written `viewDelay` after the last write, only while the doc holds exactly the stored
   * rows. When a stored view matches the rows on load, `whenRead` gives it and the rows wait for
   * `applyStored()`, so the caller can show the view first; any other view is ignored.
   */
  view?: ViewOptions;
  /** Milliseconds from the last write to the view's rewrite. Default 1000. */
  viewDelay?: number;
}

export interface SessionStoreEvents {
  status: (status: SessionStoreStatus) => void;
  /** A load, write or compaction failed. Failed writes stay queued and are retried. */
  error: (error: StorageError) => void;
  /** Stored updates that could not be applied were moved to the `quarantine` store. */
  corrupt: (event: { count: number }) => void;
  synced: (store: SessionStore) => void;
}
