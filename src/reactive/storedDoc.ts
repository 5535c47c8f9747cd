// A document opened from IndexedDB for the screen, of any kind: its save status and storage notices, and
// its stored view shown first, with the Yjs state applied after the first paint or at the first edit.
import type * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import { SessionStore } from "../persistence/sessionStore.ts";
import type { AppDb } from "./appDb.ts";
import { afterPaint } from "./afterPaint.ts";
import { clearNotice, notify } from "./notices.ts";

export type SaveStatus = "loading" | "saved" | "saving" | "error";

export interface StoredDocOptions<V> {
  /** The stored view's format, and what to store as the view (what the screen shows). */
  viewVersion: number;
  readView: () => unknown;
  /** What to store as the view's head, if the screen paints one first (see persistence/storedViews.ts). */
  readHead?: () => unknown;
  /** Called with the stored head (undefined: none that shows the rows) before the view is read. */
  onHead?: (data: unknown) => void;
  /** True when stored data is a view of this document that the screen can render. */
  isView: (data: unknown) => data is V;
  /** Runs once the stored state is in the doc (repairs, rejoining rooms…). */
  afterLoad: () => void;
  /** Names the performance marks: `yishi:<mark>-view`, `yishi:<mark>-loaded`. */
  mark: string;
  /**
   * The screen says when it shows the view (`shown()`), and the state follows the paint after that: for a
   * document opened by others too before any screen renders it (every community is opened at start-up for
   * the home screen's lists), whose first paint need not be the one that shows it. Without a screen, the
   * state is applied after SHOWN_FALLBACK_MS.
   */
  loadWhenShown?: boolean;
}

/** How long a document that waits to be shown waits before its state is applied anyway. */
export const SHOWN_FALLBACK_MS = 1_000;

export interface StoredDoc<V> {
  store: SessionStore;
  saveStatus: Accessor<SaveStatus>;
  /** The stored view the screen shows first, or null when the state was loaded before anything is shown. */
  view: V | null;
  /** Applies the stored state now if it is not in the doc yet; every edit calls it first. */
  load(): void;
  /** A screen shows the view now: the state is applied after its paint. */
  shown(): void;
  /** Cancels a pending load and stops following database reconnects (then destroy the store). */
  dispose(): void;
}

/**
 * Opens `doc` on its rows in IndexedDB. When the stored view matches the rows, it is returned at once and
 * the state is applied after the first paint (or by `load()`, synchronously, at the first edit); otherwise
 * the state is loaded before this resolves.
 */
export async function openStoredDoc<V>(
  appDb: AppDb,
  docId: string,
  doc: Y.Doc,
  options: StoredDocOptions<V>,
): Promise<StoredDoc<V>> {
  const store = new SessionStore(appDb.current, docId, doc, {
    view: { version: options.viewVersion, read: options.readView, head: options.readHead },
  });
  if (options.onHead) void store.whenHead.then(options.onHead);
  const stopFollowingDb = appDb.onReplaced((db) => store.useDb(db));
  const [saveStatus, setSaveStatus] = createSignal<SaveStatus>("loading");
  store.on("status", (status: SaveStatus) => {
    setSaveStatus(status);
    if (status === "saved") clearNotice("error.storage.quota");
  });
  store.on("error", (error: { code: string }) =>
    notify({
      kind: "error",
      key: error.code === "quota" ? "error.storage.quota" : "error.storage.write",
      sticky: true,
    }),
  );
  store.on("corrupt", ({ count }) =>
    notify({ kind: "error", key: "error.storage.corrupt", params: { count }, sticky: true }),
  );
  const stored = await store.whenRead;
  const view = options.isView(stored) ? stored : null;
  const loaded = () => {
    performance.mark(`yishi:${options.mark}-loaded`);
    options.afterLoad();
  };
  const load = () => {
    if (store.synced) return;
    store.applyStored();
    loaded();
  };
  let cancelLoad = () => {};
  let cancelShown = () => {};
  if (view === null) {
    // No view: the store applies the rows by itself. A view that is not this document's (damaged on
    // disk) is not shown: the rows are applied now, before anything is.
    if (stored !== null) store.applyStored();
    await store.whenSynced;
    loaded();
  } else {
    performance.mark(`yishi:${options.mark}-view`);
    // Paint the view first; the state follows in the next task (input waiting then is handled after it).
    if (options.loadWhenShown) {
      const timer = setTimeout(load, SHOWN_FALLBACK_MS);
      cancelLoad = () => clearTimeout(timer);
    } else cancelLoad = afterPaint(load);
  }
  return {
    store,
    saveStatus,
    view,
    load,
    shown: () => {
      if (store.synced) return;
      cancelShown();
      cancelShown = afterPaint(load);
    },
    dispose: () => {
      cancelLoad();
      cancelShown();
      stopFollowingDb();
    },
  };
}
