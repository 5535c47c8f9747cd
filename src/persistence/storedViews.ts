// A document's stored view (a plain copy of what its screen shows, so it opens before its Yjs state is
// applied) and the view's head (the little a screen paints first: a register's first screen of rows and
// its total), both only caches: used only while their row keys are exactly the document's rows. The head
// is read first in the load's transaction, so it is shown while the whole view (megabytes for a register
// of thousands of matters) is still on its way.
import type { IDBPTransaction } from "idb";
import type { KeyedUpdate, StoredView, YishiDatabase, YishiDB } from "./db.ts";

export interface ViewOptions {
  /** The reader's format; a view of another format is ignored. */
  version: number;
  /** What to store as the view. */
  read: () => unknown;
  /** What to store as the view's head, if the screen paints one first. */
  head?: () => unknown;
}

/** A load's read-only transaction. */
export type LoadTx = IDBPTransaction<YishiDB, ("updates" | "views")[], "readonly">;

/** The `views` key of the head of document `docId`'s view. */
export const viewHeadKey = (docId: string): string => `${docId}\u0000head`;

/** True when a stored view (or head) shows exactly the rows `keys` (in any order). */
export function showsExactly(view: Pick<StoredView, "keys">, keys: readonly number[]): boolean {
  if (view.keys.length !== keys.length) return false;
  const stored = new Set(view.keys);
  return keys.every((key) => stored.has(key));
}

/** What the keeper asks of the store whose views it keeps. */
export interface ViewedStore {
  readonly docId: string;
  /** The store's connection now (it changes after a reconnect). */
  db(): YishiDatabase;
  /** The stored rows are in the doc. */
  synced(): boolean;
  destroyed(): boolean;
  /** Nothing waits to be written and every one of `keys` is in the doc. */
  holdsExactly(keys: readonly number[]): boolean;
}

/** Reads and writes one document's view and head; rewrites them `delay` ms after they fall behind. */
export class ViewKeeper {
  /** The stored view (if any) lags behind the rows. */
  stale = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: ViewedStore,
    private readonly opts: ViewOptions,
    private readonly delay: number,
  ) {}

  /** The stored view, asked for in the load's transaction. */
  readView(tx: LoadTx): Promise<StoredView | undefined> {
    return tx.objectStore("views").get(this.store.docId);
  }

  /**
   * The stored head's data if it shows exactly the document's rows (else undefined), asked for before the
   * rows in the load's transaction: the answers come in that order. `found` says whether there was one.
   */
  async readHead(tx: LoadTx): Promise<{ data: unknown; found: boolean }> {
    if (!this.opts.head) return { data: undefined, found: true };
    const { docId } = this.store;
    const [head, keys] = await Promise.all([
      tx.objectStore("views").get(viewHeadKey(docId)),
      tx.objectStore("updates").index("bySession").getAllKeys(docId),
    ]);
    const found = head?.version === this.opts.version && keys.length > 0 && showsExactly(head, keys);
    return { data: found ? head!.data : undefined, found };
  }

  /** The stored view's data if it is of our version and shows exactly `rows`; else undefined. */
  matching(view: StoredView | undefined, rows: readonly KeyedUpdate[]): unknown {
    if (!view || view.version !== this.opts.version) return undefined;
    return showsExactly(
      view,
      rows.map((row) => row.key),
    )
      ? view.data
      : undefined;
  }

  /** The view falls behind the rows: it is stored again `delay` ms after the last call. */
  schedule(): void {
    this.stale = true;
    if (this.store.destroyed()) return;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, this.delay);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Stores the view (and head) now if it lags behind the rows and the doc holds exactly the document's
   * rows. Resolves with whether it was stored; a failure is only logged, the rows are what count.
   */
  async write(): Promise<boolean> {
    if (!this.store.synced() || !this.stale) return false;
    const { docId } = this.store;
    try {
      const tx = this.store.db().transaction(["updates", "views"], "readwrite");
      const keys = await tx.objectStore("updates").index("bySession").getAllKeys(docId);
      const exact = keys.length > 0 && this.store.holdsExactly(keys);
      if (exact) {
        const views = tx.objectStore("views");
        const { version } = this.opts;
        await views.put({ sessionId: docId, version, keys, data: this.opts.read() });
        if (this.opts.head)
          await views.put({ sessionId: viewHeadKey(docId), version, keys, data: this.opts.head() });
      }
      await tx.done;
      if (exact) this.stale = false;
      return exact;
    } catch (e) {
      console.warn("yishi: the view was not stored", e);
      return false;
    }
  }
}
