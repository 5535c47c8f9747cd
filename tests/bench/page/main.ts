// Benchmark page: runs the real persistence layer against the browser's real IndexedDB, alternately with
// y-indexeddb (the library a developer would otherwise pick) saving and loading the same document.
import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { buildLargeSession } from "../../helpers/largeSession.ts";
import { openYishiDb } from "../../../src/persistence/db.ts";
import { SessionStore } from "../../../src/persistence/sessionStore.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";

export interface SaveLoadResult {
  saveMs: number[];
  loadMs: number[];
  peerSaveMs: number[];
  peerLoadMs: number[];
  storedBytes: number;
  peerStoredBytes: number;
  encodedBytes: number;
  items: number;
  peerItems: number;
}

const itemsOf = (d: Y.Doc) => {
  const s = snapshot(d);
  return s.agenda.length + s.issues.length + s.followUps.length;
};

/**
 * Ours: save (the update written and committed, as after an edit: the app compacts only past `compactAfter`
 * rows, so a one-row store is never compacted), then load into a fresh document and read its records.
 */
async function ours(state: Uint8Array, r: SaveLoadResult): Promise<void> {
  const name = `bench-${Math.random()}`;
  const db = await openYishiDb(name);
  const doc = new Y.Doc();
  const store = new SessionStore(db, "s", doc);
  await store.whenSynced;
  let t0 = performance.now();
  Y.applyUpdate(doc, state);
  await store.flush();
  r.saveMs.push(performance.now() - t0);
  r.storedBytes = await store.storedBytes();
  await store.destroy();
  doc.destroy();
  t0 = performance.now();
  const loaded = new Y.Doc();
  const loader = new SessionStore(db, "s", loaded);
  await loader.whenSynced;
  r.items = itemsOf(loaded);
  r.loadMs.push(performance.now() - t0);
  await loader.destroy();
  loaded.destroy();
  db.close();
  indexedDB.deleteDatabase(name);
}

/** Resolves once every write y-indexeddb queued so far is committed (a later read waits for them). */
const committed = (db: IDBDatabase) =>
  new Promise<void>((ok, fail) => {
    const tx = db.transaction("updates", "readonly");
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });

/** The bytes in y-indexeddb's updates store. */
const peerBytes = (db: IDBDatabase) =>
  new Promise<number>((ok) => {
    const get = db.transaction("updates").objectStore("updates").getAll();
    get.onsuccess = () => ok((get.result as Uint8Array[]).reduce((n, u) => n + u.byteLength, 0));
  });

/** The peer: y-indexeddb, the same save (the update stored, committed) and load (synced, records read). */
async function peer(state: Uint8Array, r: SaveLoadResult): Promise<void> {
  const name = `bench-peer-${Math.random()}`;
  const doc = new Y.Doc();
  const p = new IndexeddbPersistence(name, doc);
  await p.whenSynced;
  let t0 = performance.now();
  Y.applyUpdate(doc, state);
  await committed(p.db!);
  r.peerSaveMs.push(performance.now() - t0);
  r.peerStoredBytes = await peerBytes(p.db!);
  await p.destroy();
  doc.destroy();
  t0 = performance.now();
  const loaded = new Y.Doc();
  const loader = new IndexeddbPersistence(name, loaded);
  await loader.whenSynced;
  r.peerItems = itemsOf(loaded);
  r.peerLoadMs.push(performance.now() - t0);
  await loader.clearData();
  loaded.destroy();
}

/** `runs` alternate runs (ours, peer, ours, peer, …) after one warm-up of each. */
async function saveLoad(runs: number, items = 2000, edits = 10 * items): Promise<SaveLoadResult> {
  const state = Y.encodeStateAsUpdate(buildLargeSession(new Y.Doc(), { items, edits }));
  const r: SaveLoadResult = {
    saveMs: [],
    loadMs: [],
    peerSaveMs: [],
    peerLoadMs: [],
    storedBytes: 0,
    peerStoredBytes: 0,
    encodedBytes: state.byteLength,
    items: 0,
    peerItems: 0,
  };
  for (let run = 0; run <= runs; run++) {
    await ours(state, r);
    await peer(state, r);
  }
  for (const k of ["saveMs", "loadMs", "peerSaveMs", "peerLoadMs"] as const) r[k].shift();
  return r;
}

(window as unknown as { yishiBench: unknown }).yishiBench = { saveLoad };
document.title = "ready";
