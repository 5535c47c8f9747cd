// The write side of a SessionStore: local updates queued, written as one row per flush (merged), retried
// with a doubling delay while writes fail, and nothing dropped: a failed batch stays queued.
import * as Y from "yjs";
import { checksumAsync, storedRow, type YishiDatabase } from "./db.ts";
import type { StorageError } from "./errors.ts";
import { backupAppend } from "./backup/docBackup.ts";

export interface RowWriterHost {
  readonly sessionId: string;
  /** The connection to write on now (it may be replaced, see SessionStore.useDb). */
  db(): YishiDatabase;
  /** A row was committed under `key`. */
  written(key: number): void;
  /** A write failed: report it; returns the error the flush rejects with. */
  failed(error: unknown): StorageError;
  /** What is queued, being written or failing changed (a status to refresh). */
  changed(): void;
  /** A write finished (whatever its outcome). */
  settled(): void;
  /** Once destroyed, no retry is scheduled. */
  destroyed(): boolean;
}

export interface RowWriterOptions {
  /** Milliseconds between an update and its write; updates in between share one row. */
  flushDelay: number;
  /** Delay before the first retry of a failed write, doubled per failure, up to retryMaxMs. */
  retryMinMs: number;
  retryMaxMs: number;
}

const noop = (): void => {};

export class RowWriter {
  // Invariant: queue.length === enqueued - written.
  private readonly queue: Uint8Array[] = [];
  private enqueued = 0;
  private written = 0;
  private writing: Promise<void> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  constructor(
    private readonly host: RowWriterHost,
    private readonly opts: RowWriterOptions,
  ) {}

  /** Updates not yet durably written. */
  get pending(): number {
    return this.queue.length;
  }

  /** True while updates wait or a write is under way. */
  get busy(): boolean {
    return this.queue.length > 0 || this.writing !== null;
  }

  /** True while the last write failed (until one succeeds). */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Queues `update`; it is written `flushDelay` from the first update queued since the last write. */
  push(update: Uint8Array): void {
    this.queue.push(update);
    this.enqueued++;
    this.host.changed();
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      this.flush().catch(noop); // failures are reported and retried by writeBatch
    }, this.opts.flushDelay);
  }

  /** Writes everything queued so far; resolves once committed, rejects (keeping it queued) on failure. */
  async flush(): Promise<void> {
    const target = this.enqueued;
    while (this.written < target) await (this.writing ?? this.writeBatch());
  }

  /** Stops the timers (a destroyed store's last flush is awaited by the store itself). */
  cancel(): void {
    for (const timer of [this.flushTimer, this.retryTimer]) if (timer !== null) clearTimeout(timer);
    this.flushTimer = null;
    this.retryTimer = null;
  }

  private writeBatch(): Promise<void> {
    const batch = this.queue.slice();
    const write = async (): Promise<void> => {
      try {
        // One row per flush: a burst of edits costs one transaction, not one per keystroke.
        const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
        const row = storedRow(this.host.sessionId, update, await checksumAsync(update));
        // Saved means saved twice. The backup copy first: then whatever IndexedDB holds, the copy holds too,
        // even after a crash between the two (the copy never fails a save; a failure is noted for repair).
        await backupAppend(this.host.db(), this.host.sessionId, [update]);
        const tx = this.host.db().transaction("updates", "readwrite");
        const [key] = await Promise.all([tx.store.add(row), tx.done]);
        this.queue.splice(0, batch.length);
        this.written += batch.length;
        this.failures = 0;
        this.host.written(key);
      } catch (e) {
        this.failures++;
        this.host.changed();
        const error = this.host.failed(e);
        this.scheduleRetry();
        throw error;
      }
    };
    const p = write().finally(() => {
      this.writing = null;
      this.host.settled();
    });
    this.writing = p;
    return p;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.host.destroyed()) return;
    const delay = Math.min(this.opts.retryMinMs * 2 ** (this.failures - 1), this.opts.retryMaxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().catch(noop);
    }, delay);
  }
}
