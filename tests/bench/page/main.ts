// Benchmark page: runs the real persistence layer against the browser's real IndexedDB.
import * as Y from "yjs";
import { buildLargeSession } from "../../helpers/largeSession.ts";
import { openYishiDb } from "../../../src/persistence/db.ts";
import { SessionStore } from "../../../src/persistence/sessionStore.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";

export interface SaveLoadResult {
  saveMs: number[];
  loadMs: number[];
  storedBytes: number;
  encodedBytes: number;
  items: number;
}

async function saveLoad(runs: number, items = 2000, edits = 20_000): Promise<SaveLoadResult> {
  const source = buildLargeSession(new Y.Doc(), { items, edits });
  const state = Y.encodeStateAsUpdate(source);
  const result: SaveLoadResult = {
    saveMs: [],
    loadMs: [],
    storedBytes: 0,
    encodedBytes: state.byteLength,
    items: 0,
  };
  for (let run = 0; run < runs; run++) {
    const name = `bench-${run}-${Date.now()}`;
    const db = await openYishiDb(name);
    // Save: the whole session reaches the store as one update and is written and compacted.
    const doc = new Y.Doc();
    const store = new SessionStore(db, "s", doc);
    await store.whenSynced;
    let t0 = performance.now();
    Y.applyUpdate(doc, state);
    await store.flush();
    await store.compact();
    result.saveMs.push(performance.now() - t0);
    result.storedBytes = await store.storedBytes();
    await store.destroy();
    doc.destroy();
    // Load: a fresh document restored from IndexedDB and read into plain records, as the session page does.
    t0 = performance.now();
    const loaded = new Y.Doc();
    const loader = new SessionStore(db, "s", loaded);
    await loader.whenSynced;
    const snap = snapshot(loaded);
    result.loadMs.push(performance.now() - t0);
    result.items = snap.agenda.length + snap.issues.length + snap.followUps.length;
    await loader.destroy();
    loaded.destroy();
    db.close();
    indexedDB.deleteDatabase(name);
  }
  return result;
}

(window as unknown as { yishiBench: unknown }).yishiBench = { saveLoad };
document.title = "ready";
