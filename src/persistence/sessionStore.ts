// Saves one session's Yjs document to IndexedDB and restores it: y-indexeddb's design, rebuilt on idb.
import * as Y from "yjs";
import { ObservableV2 } from "lib0/observable";
import { checksum, checksumAsync, moveToQuarantine, readSessionRows, sessionBytes } from "./db.ts";
import { RowWriter, type RowWriterHost } from "./rowWriter.ts";
import { DocRows, type DocRowsHost } from "./docRows.ts";
import { backupReplace } from "./backup/docBackup.ts";
import type { BadRow, KeyedUpdate, QuarantineTx, StoredView, YishiDatabase } from "./db.ts";
import { StorageError, toStorageError } from "./errors.ts";
import { ViewKeeper, type ViewedStore } from "./storedViews.ts";
import { DEFAULT_COMPACT_AFTER } from "./sessionStoreOptions.ts";
import type { SessionStoreEvents, SessionStoreOptions, SessionStoreStatus } from "./sessionStoreOptions.ts";

export { deleteSessionData } from "./db.ts";
export { DEFAULT_COMPACT_AFTER } from "./sessionStoreOptions.ts";
export type { SessionStoreEvents, SessionStoreOptions, SessionStoreStatus } from "./sessionStoreOptions.ts";

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
  private readonly compactAfter: number;
  /** Local updates, queued and written as rows. */
  private readonly writer: RowWriter;
  private compacting: Promise<void> | null = null;
  private destroying: Promise<void> | null = null;
  private loadFailed = false;
  private destroyed = false;
  /** Which stored rows the doc holds; applying them; compaction. */
  private readonly rows: DocRows;

  constructor(db: YishiDatabase, sessionId: string, doc: Y.Doc, options: SessionStoreOptions = {}) {
    super();
    this.db = db;
    this.sessionId = sessionId;
    this.doc = doc;
    this.compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
    this.rows = new DocRows(this.rowsHost());
    this.writer = new RowWriter(this.writerHost(), {
      flushDelay: options.flushDelay ?? 0,
      retryMinMs: options.retryMinMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 30_000,
    });
    const viewDelay = options.viewDelay ?? 1000;
    this.views = options.view ? new ViewKeeper(this.viewed(), options.view, viewDelay) : null;
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
    return this.writer.pending;
  }

  /** Write everything queued so far; resolves once committed, rejects (keeping it queued) on failure. */
  flush(): Promise<void> {
    return this.writer.flush();
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
    if (this.writer.pending > 0) this.flush().catch(noop);
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
    this.writer.push(update);
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
    if (this.loadFailed || this.writer.failing) this.setStatus("error");
    else if (!this._synced) this.setStatus("loading");
    else this.setStatus(this.writer.busy ? "saving" : "saved");
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
    this.rows.read(rows.length);
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
    const bad = this.rows.apply(pending.rows, (row) => pending.sums.get(row.key) ?? checksum(row.update));
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
      holdsExactly: (keys) => this.writer.pending === 0 && this.rows.holds(keys),
    };
  }

  /** What the row writer sees of this store. */
  private writerHost(): RowWriterHost {
    return {
      sessionId: this.sessionId,
      db: () => this.db,
      written: (key) => {
        this.rows.wrote(key);
        this.views?.schedule();
      },
      failed: (e) => this.fail(e),
      changed: () => this.refreshStatus(),
      settled: () => {
        this.refreshStatus();
        if (!this.writer.failing && this._synced && this.rows.count > this.compactAfter) {
          this.compact().catch(noop);
        }
      },
      destroyed: () => this.destroyed,
    };
  }

  /** What the row set sees of this store. */
  private rowsHost(): DocRowsHost {
    return {
      doc: this.doc,
      sessionId: this.sessionId,
      origin: this,
      quietly: (fn) => {
        this.doc.off("update", this.onUpdate);
        try {
          fn();
        } finally {
          this.doc.on("update", this.onUpdate);
        }
      },
      quarantine: (tx, bad) => this.quarantine(tx, bad),
      rowsChanged: () => this.views?.schedule(),
    };
  }

  private async quarantine(tx: QuarantineTx, bad: BadRow[]): Promise<void> {
    await moveToQuarantine(tx, this.sessionId, bad);
    this._quarantined += bad.length;
    this.emit("corrupt", [{ count: bad.length }]);
  }

  private async runCompaction(): Promise<void> {
    await this.whenSynced; // before the load, the doc lacks the rows we would delete
    if (!this._synced || this.destroyed) return;
    try {
      const tx = this.db.transaction(["updates", "quarantine"], "readwrite");
      const [state] = await Promise.all([this.rows.replaceBySnapshot(tx), tx.done]);
      // The backup copy is compacted the same way (its appends since are in the state too).
      if (state) await backupReplace(this.db, this.sessionId, [state]);
    } catch (e) {
      throw this.fail(e);
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
    this.writer.cancel();
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
