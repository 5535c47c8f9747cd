// Which of a session's stored rows a SessionStore's doc holds, applying them, and compaction: replacing
// the rows by one snapshot of the doc, which may only delete rows whose content the doc holds.
import * as Y from "yjs";
import { readSessionRows, storedRow, triageRows } from "./db.ts";
import type { BadRow, KeyedUpdate, QuarantineTx } from "./db.ts";

export interface DocRowsHost {
  readonly doc: Y.Doc;
  readonly sessionId: string;
  /** The origin of the transactions applying rows (the store's own updates are not written back). */
  readonly origin: object;
  /** Runs `fn` with the store's update listener off (its presence alone makes Yjs re-encode the rows). */
  quietly(fn: () => void): void;
  /** Moves damaged rows to quarantine, in `tx`. */
  quarantine(tx: QuarantineTx, bad: BadRow[]): Promise<void>;
  /** The stored rows changed (the view may be rewritten). */
  rowsChanged(): void;
}

export class DocRows {
  /** Rows whose content is in the doc (loaded or written here); another tab's rows are not among them. */
  private readonly known = new Set<number>();
  /** Approximate rows stored for the session (other tabs may add more); drives compaction. */
  private stored = 0;

  constructor(private readonly host: DocRowsHost) {}

  get count(): number {
    return this.stored;
  }

  /** The load read `n` rows. */
  read(n: number): void {
    this.stored = n;
  }

  /** A row written from the doc was committed under `key`. */
  wrote(key: number): void {
    this.known.add(key);
    this.stored++;
  }

  /** True when the doc holds every one of `keys`. */
  holds(keys: readonly number[]): boolean {
    return keys.every((key) => this.known.has(key));
  }

  /**
   * Applies `rows`: damaged ones are returned, not applied (see triageRows), as is a row failing on the
   * real doc. Several rows go in one transaction (observers run once); a single row (the usual compacted
   * state) is its own transaction, which spares Yjs a nested one (measured ~15% of a cold load).
   */
  apply(rows: KeyedUpdate[], sumOf?: (row: KeyedUpdate) => number): BadRow[] {
    const { good, bad } = triageRows(rows, sumOf);
    const { doc, origin } = this.host;
    const applyAll = () => {
      for (const { key, update } of good) {
        try {
          Y.applyUpdate(doc, update, origin);
          this.known.add(key);
        } catch (e) {
          bad.push({ key, update, reason: String(e) });
        }
      }
    };
    this.host.quietly(() => (good.length > 1 ? Y.transact(doc, applyAll, origin) : applyAll()));
    return bad;
  }

  /**
   * Replaces the session's rows in `tx` by one snapshot of the doc, after applying rows it lacks.
   * Resolves with the snapshot stored, or null when there was nothing to replace.
   */
  async replaceBySnapshot(tx: QuarantineTx): Promise<Uint8Array | null> {
    const updates = tx.objectStore("updates");
    const rows = await readSessionRows(updates.index("bySession"), this.host.sessionId);
    const bad = this.apply(rows.filter((row) => !this.known.has(row.key)));
    if (bad.length > 0) await this.host.quarantine(tx, bad);
    const badKeys = new Set(bad.map((row) => row.key));
    const replaced = rows.map((row) => row.key).filter((key) => !badKeys.has(key));
    if (replaced.length <= 1) {
      this.stored = replaced.length;
      return null;
    }
    // The live doc's state, not Y.mergeUpdates(rows): merging keeps the content of deleted items, while
    // the doc has garbage-collected it, so the snapshot is smaller and is exactly what a reload rebuilds.
    // Every replaced row is in the doc (loaded, written here, or applied above).
    const state = Y.encodeStateAsUpdate(this.host.doc);
    const key = await updates.add(storedRow(this.host.sessionId, state));
    // Delete exactly the keys read above; rows added after (another tab) stay.
    await Promise.all(replaced.map((k) => updates.delete(k)));
    // Bookkeeping before commit is safe: if the transaction fails, a stale entry only means a row is
    // applied again next time (idempotent) or a count is off until the next write.
    for (const k of replaced) this.known.delete(k);
    this.known.add(key);
    this.stored = 1;
    this.host.rowsChanged();
    return state;
  }
}
