// Saves one session's Yjs document to IndexedDB and restores it: y-indexeddb's design, rebuilt on idb.
import * as Y from "yjs";
import { ObservableV2 } from "lib0/observable";
import { checksum, checksumAsync, moveToQuarantine, readSessionRows, sessionBytes, storedRow } from "./db.ts";
import { triageRows } from "./db.ts";
import type { BadRow, KeyedUpdate, QuarantineTx, StoredView, YishiDatabase } from "./db.ts";
import { StorageError, toStorageError } from "./errors.ts";
import { ViewKeeper, type ViewedStore, type ViewOptions } from "./storedViews.ts";

export { deleteSessionData } from "./db.ts";

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

const noop = (): void => {};

/**
 * Keeps a Y.Doc and its session's rows in the `updates` store in step: applies them on construction,
 * then writes every local update (batched, retried on failure, compacted past `compactAfter` rows).
 * @example
 * const store = new SessionStore(db, sessionId, ydoc);
 * store.on("error", (e) => showStorageProblem(e.code));
 * await store.whenSynced;
 */
export class SessionStore extends ObservableV2<SessionStoreEvents> {
  readonly doc: Y.Doc;
  readonly sessionId: string;
  /** Resolves once stored updates are in the doc; rejects with a StorageError if they cannot be read. */
  readonly whenSynced: Promise<this>;
  /**
   * Resolves once the rows are read: with the stored view's data when it shows exactly those rows (the doc
   * then stays empty until `applyStored()`), else with null (the rows are applied by themselves).
   */
  readonly whenRead: Promise<unknown>;
  private resolveRead: (view: unknown) => void = noop;
  /**
   * Resolves before `whenRead`, once the view's head (if the view has one) is read: with its data when it
   * shows exactly the stored rows, else undefined. The head is asked for first in the load's transaction.
   */
  readonly whenHead: Promise<unknown>;
  private resolveHead: (head: unknown) => void = noop;
  /** Rows read but not yet applied, their native checksums, and how to hand the result to `load`. */
  private unapplied: {
    rows: KeyedUpdate[];
    sums: Map<number, number>;
    done: (bad: BadRow[] | null) => void;
  } | null = null;
  /** Keeps the view (and its head) when the options ask for one. */
  private readonly views: ViewKeeper | null;
  private _synced = false;
  private _status: SessionStoreStatus = "loading";
  private _quarantined = 0;

  private db: YishiDatabase;
  private readonly opts: Required<Omit<SessionStoreOptions, "view">> & Pick<SessionStoreOptions, "view">;
  // Invariant: queue.length === enqueued - written.
  private readonly queue: Uint8Array[] = [];
  private enqueued = 0;
  private written = 0;
  private writing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private destroying: Promise<void> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private loadFailed = false;
  private destroyed = false;
  /** Approximate rows stored for the session (other tabs may add more); drives compaction. */
  private rowCount = 0;
  // Rows whose content is in this doc (loaded or written here). Compaction may only delete rows whose
  // content the snapshot contains, so rows another tab wrote since our load are applied first.
  private readonly knownKeys = new Set<number>();

  constructor(db: YishiDatabase, sessionId: string, doc: Y.Doc, options: SessionStoreOptions = {}) {
    super();
    this.db = db;
    this.sessionId = sessionId;
    this.doc = doc;
    this.opts = {
      compactAfter: options.compactAfter ?? DEFAULT_COMPACT_AFTER,
      flushDelay: options.flushDelay ?? 0,
      retryMinMs: options.retryMinMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 30_000,
      view: options.view,
      viewDelay: options.viewDelay ?? 1000,
    };
    this.views = options.view ? new ViewKeeper(this.viewed(), options.view, this.opts.viewDelay) : null;
    // Listen before loading: an edit made while the load is in flight must still be saved.
    doc.on("update", this.onUpdate);
    doc.on("destroy", this.onDocDestroy);
    // Content the doc already holds (a new or imported session) is saved too, as y-indexeddb does.
    if (doc.store.clients.size > 0) this.onUpdate(Y.encodeStateAsUpdate(doc), null);
    this.whenRead = new Promise((resolve) => (this.resolveRead = resolve));
    this.whenHead = new Promise((resolve) => (this.resolveHead = resolve));
    this.whenSynced = this.load().finally(() => {
      this.resolveHead(undefined);
      this.resolveRead(null);
    });
    this.whenSynced.catch(noop); // reported through the `error` event; awaiting callers still see it
  }

  /** True once the stored updates are in the doc. */
  get synced(): boolean {
    return this._synced;
  }

  get status(): SessionStoreStatus {
    return this._status;
  }

  /** Rows this store moved to quarantine (a `corrupt` event may fire before a listener is attached). */
  get quarantined(): number {
    return this._quarantined;
  }

  /** Local updates not yet durably written. */
  get pending(): number {
    return this.queue.length;
  }

  /** Write everything queued so far; resolves once committed, rejects (keeping it queued) on failure. */
  async flush(): Promise<void> {
    const target = this.enqueued;
    while (this.written < target) await (this.writing ?? this.writeBatch());
  }

  /** Replace the session's rows by one snapshot of the doc, in one transaction. Waits for the load. */
  compact(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => (this.compacting = null));
    return this.compacting;
  }

  /** Total bytes of this session's stored rows. */
  storedBytes(): Promise<number> {
    return sessionBytes(this.db, this.sessionId);
  }

  /**
   * Continue on a new connection after the old one was closed (see `onTerminated`). A store whose load
   * failed cannot recover this way: create a new one.
   */
  useDb(db: YishiDatabase): void {
    this.db = db;
    if (this.queue.length > 0) this.flush().catch(noop);
  }

  /**
   * Flush, then stop listening to the doc and drop all listeners; the shared db stays open.
   * Rejects with a StorageError if the last edits could not be written (they remain only in the doc).
   */
  override destroy(): Promise<void> {
    this.destroying ??= this.runDestroy();
    return this.destroying;
  }

  // lib0's emit lets a throwing listener break the caller; here a listener bug must not fail a save.
  override emit<N extends keyof SessionStoreEvents>(name: N, args: Parameters<SessionStoreEvents[N]>): void {
    try {
      super.emit(name, args);
    } catch (e) {
      queueMicrotask(() => {
        throw e;
      });
    }
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.destroyed) return; // our own loads are not written back
    this.queue.push(update);
    this.enqueued++;
    this.refreshStatus();
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      this.flush().catch(noop); // failures are emitted and retried by writeBatch
    }, this.opts.flushDelay);
  };

  private readonly onDocDestroy = (): void => {
    this.destroy().catch(noop);
  };

  private setStatus(status: SessionStoreStatus): void {
    if (status === this._status) return;
    this._status = status;
    this.emit("status", [status]);
  }

  private refreshStatus(): void {
    if (this.loadFailed || this.failures > 0) this.setStatus("error");
    else if (!this._synced) this.setStatus("loading");
    else this.setStatus(this.queue.length > 0 || this.writing ? "saving" : "saved");
  }

  private fail(e: unknown): StorageError {
    const error = toStorageError(e);
    this.emit("error", [error]);
    return error;
  }

  private async load(): Promise<this> {
    let rows: KeyedUpdate[];
    let view: StoredView | undefined;
    let hasHead: boolean;
    try {
      const tx = this.db.transaction(["updates", "views"]);
      const head = this.views?.readHead(tx).then(
        (h) => (this.resolveHead(h.data), h.found),
        () => false, // the load reports the failure
      );
      [rows, view, hasHead] = await Promise.all([
        readSessionRows(tx.objectStore("updates").index("bySession"), this.sessionId),
        this.views?.readView(tx),
        head ?? true,
        tx.done,
      ]);
    } catch (e) {
      this.loadFailed = true;
      this.refreshStatus();
      throw this.fail(e);
    }
    if (this.destroyed) return this;
    this.rowCount = rows.length;
    // Checksums computed natively, off the main thread, now that the read transaction is over.
    const sums = new Map<number, number>();
    const hashing = Promise.all(
      rows
        .filter((row) => row.sum !== undefined)
        .map(async (row) => sums.set(row.key, await checksumAsync(row.update))),
    );
    const shown = this.views?.matching(view, rows);
    const bad = await new Promise<BadRow[] | null>((done) => {
      this.unapplied = { rows, sums, done };
      if (shown !== undefined) this.resolveRead(shown);
      else void hashing.then(() => this.applyStored());
    });
    if (bad === null) return this; // destroyed before the rows were applied
    if (bad.length > 0) {
      try {
        const tx = this.db.transaction(["updates", "quarantine"], "readwrite");
        await Promise.all([this.quarantine(tx, bad), tx.done]);
      } catch (e) {
        this.fail(e); // the rows stay in `updates`; the next load or compaction tries again
      }
    }
    this.refreshStatus();
    this.emit("synced", [this]);
    // A view without its head (stored by an app from before heads) is stored again with one.
    if (shown === undefined || !hasHead) this.views?.schedule();
    return this;
  }

  /**
   * Applies the rows read on load now, synchronously, if that has not happened yet; a no-op before the
   * read and after. Call it before changing the doc of a store that opened from its view.
   */
  applyStored(): void {
    const pending = this.unapplied;
    if (!pending || this.destroyed) return;
    this.unapplied = null;
    const bad = this.applyRows(pending.rows, (row) => pending.sums.get(row.key) ?? checksum(row.update));
    this._synced = true;
    this.refreshStatus();
    pending.done(bad);
  }

  /**
   * Stores the view now if it lags behind the rows and the doc holds exactly the session's rows: nothing
   * waits to be written and no row is unknown to it (another tab's). Resolves with whether it was stored;
   * a failure is only logged, as the view is a cache and the rows are what count.
   */
  writeView(): Promise<boolean> {
    return this.views?.write() ?? Promise.resolve(false);
  }

  /** What the view keeper sees of this store. */
  private viewed(): ViewedStore {
    return {
      docId: this.sessionId,
      db: () => this.db,
      synced: () => this._synced,
      destroyed: () => this.destroyed,
      holdsExactly: (keys) => this.queue.length === 0 && keys.every((key) => this.knownKeys.has(key)),
    };
  }

  // Apply stored rows in one Yjs transaction with origin `this`, so they are not written back. Damaged
  // rows are not applied (see triageRows); a row failing on the real doc is reported too. Our own update
  // listener is off meanwhile: it would ignore these rows, but its presence alone makes Yjs re-encode them.
  private applyRows(rows: KeyedUpdate[], sumOf?: (row: KeyedUpdate) => number): BadRow[] {
    const { good, bad } = triageRows(rows, sumOf);
    this.doc.off("update", this.onUpdate);
    try {
      this.applyGood(good, bad);
    } finally {
      this.doc.on("update", this.onUpdate);
    }
    return bad;
  }

  private applyGood(good: KeyedUpdate[], bad: BadRow[]): void {
    const applyAll = () => {
      for (const { key, update } of good) {
        try {
          Y.applyUpdate(this.doc, update, this);
          this.knownKeys.add(key);
        } catch (e) {
          bad.push({ key, update, reason: String(e) });
        }
      }
    };
    // Several rows in one transaction (observers run once); a single row (the usual compacted state) is
    // its own transaction, which spares Yjs a nested one (measured ~15% of a cold load).
    if (good.length > 1) Y.transact(this.doc, applyAll, this);
    else applyAll();
  }

  private async quarantine(tx: QuarantineTx, bad: BadRow[]): Promise<void> {
    await moveToQuarantine(tx, this.sessionId, bad);
    this._quarantined += bad.length;
    this.emit("corrupt", [{ count: bad.length }]);
  }

  private writeBatch(): Promise<void> {
    const batch = this.queue.slice();
    const write = async (): Promise<void> => {
      try {
        // One row per flush: a burst of edits costs one transaction, not one per keystroke.
        const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
        const row = storedRow(this.sessionId, update, await checksumAsync(update));
        const tx = this.db.transaction("updates", "readwrite");
        const [key] = await Promise.all([tx.store.add(row), tx.done]);
        this.queue.splice(0, batch.length);
        this.written += batch.length;
        this.knownKeys.add(key);
        this.rowCount++;
        this.failures = 0;
        this.views?.schedule();
      } catch (e) {
        this.failures++;
        this.refreshStatus();
        const error = this.fail(e);
        this.scheduleRetry();
        throw error;
      }
    };
    const p = write().finally(() => {
      this.writing = null;
      this.refreshStatus();
      if (this.failures === 0 && this._synced && this.rowCount > this.opts.compactAfter) {
        this.compact().catch(noop);
      }
    });
    this.writing = p;
    return p;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.destroyed) return;
    const delay = Math.min(this.opts.retryMinMs * 2 ** (this.failures - 1), this.opts.retryMaxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().catch(noop);
    }, delay);
  }

  private async runCompaction(): Promise<void> {
    await this.whenSynced; // before the load, the doc lacks the rows we would delete
    if (!this._synced || this.destroyed) return;
    try {
      const tx = this.db.transaction(["updates", "quarantine"], "readwrite");
      await Promise.all([this.replaceBySnapshot(tx), tx.done]);
    } catch (e) {
      throw this.fail(e);
    }
  }

  private async replaceBySnapshot(tx: QuarantineTx): Promise<void> {
    const updates = tx.objectStore("updates");
    const rows = await readSessionRows(updates.index("bySession"), this.sessionId);
    const bad = this.applyRows(rows.filter((row) => !this.knownKeys.has(row.key)));
    if (bad.length > 0) await this.quarantine(tx, bad);
    const badKeys = new Set(bad.map((row) => row.key));
    const replaced = rows.map((row) => row.key).filter((key) => !badKeys.has(key));
    if (replaced.length > 1) {
      // The live doc's state, not Y.mergeUpdates(rows): merging keeps the content of deleted items,
      // while the doc has garbage-collected it, so the snapshot is smaller and is exactly what a
      // reload rebuilds. Every replaced row is in the doc (loaded, written here, or applied above).
      const key = await updates.add(storedRow(this.sessionId, Y.encodeStateAsUpdate(this.doc)));
      // Delete exactly the keys read above; rows added after (another tab) stay.
      await Promise.all(replaced.map((k) => updates.delete(k)));
      // Bookkeeping before commit is safe: if the transaction fails, a stale entry only means a row is
      // applied again next time (idempotent) or a count is off until the next write.
      for (const k of replaced) this.knownKeys.delete(k);
      this.knownKeys.add(key);
      this.rowCount = 1;
      this.views?.schedule();
    } else {
      this.rowCount = replaced.length;
    }
  }

  private async runDestroy(): Promise<void> {
    const attemptFlush = (): Promise<unknown> =>
      this.flush().then(
        () => null,
        (e: unknown) => e,
      );
    let failure = await attemptFlush();
    if (failure === null && this.views?.stale) await this.views.write();
    this.destroyed = true;
    this.unapplied?.done(null);
    this.unapplied = null;
    for (const timer of [this.flushTimer, this.retryTimer]) if (timer !== null) clearTimeout(timer);
    this.views?.cancel();
    this.doc.off("update", this.onUpdate);
    this.doc.off("destroy", this.onDocDestroy);
    // Edits made while the first flush ran.
    if (failure === null) failure = await attemptFlush();
    await Promise.all([this.whenSynced.catch(noop), this.compacting?.catch(noop)]);
    super.destroy();
    if (failure !== null) throw toStorageError(failure);
  }
}
