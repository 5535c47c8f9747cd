// The stored view a session opens from: used only while it shows exactly the stored rows, and the rows
// applied on demand. A seeded run of edits, other tabs, compactions and reopenings checks that a view
// offered on open always equals the state that loads after it.
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as prng from "lib0/prng";
import type { YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore, type SessionStoreOptions } from "../../src/persistence/sessionStore.ts";
import { freshDb } from "../helpers/freshDb.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const plain = (doc: Y.Doc) => ({ x: doc.getMap("x").toJSON(), t: doc.getText("t").toString() });

/** A store that keeps `plain(doc)` as its view (version 1 unless given). */
function viewStore(db: YishiDatabase, opts: SessionStoreOptions = {}, version = 1) {
  const doc = new Y.Doc();
  const store = new SessionStore(db, "s1", doc, { view: { version, read: () => plain(doc) }, ...opts });
  cleanups.push(() => store.destroy().catch(() => {}));
  return { doc, store };
}

/** Another tab (or an import) writing the session without keeping a view. */
async function otherTabEdit(db: YishiDatabase, key: string, value: number): Promise<void> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, "s1", doc);
  await store.whenSynced;
  doc.getMap("x").set(key, value);
  await store.destroy();
}

async function sessionWithView(db: YishiDatabase): Promise<ReturnType<typeof plain>> {
  const { doc, store } = viewStore(db);
  await store.whenSynced;
  doc.getMap("x").set("a", 1);
  doc.getText("t").insert(0, "电表改造");
  await store.destroy(); // writes the view: the rows changed since the last one
  return plain(doc);
}

describe("SessionStore view", () => {
  it("opens from a view that shows exactly the rows, and applies them only when asked", async () => {
    const { db } = await freshDb(cleanups);
    const written = await sessionWithView(db);
    const { doc, store } = viewStore(db);
    expect(await store.whenRead).toEqual(written);
    expect(doc.store.clients.size).toBe(0);
    expect(store.synced).toBe(false);
    expect(store.status).toBe("loading");

    store.applyStored();
    expect(store.synced).toBe(true);
    expect(plain(doc)).toEqual(written);
    await store.whenSynced;
    expect(store.status).toBe("saved");
    store.applyStored(); // a second call changes nothing
    expect(plain(doc)).toEqual(written);
  });

  it("keeps an edit made right after the rows are applied, next to them", async () => {
    const { db } = await freshDb(cleanups);
    await sessionWithView(db);
    const opened = viewStore(db);
    await opened.store.whenRead;
    opened.store.applyStored();
    opened.doc.getText("t").insert(4, "、线路");
    await opened.store.destroy();
    const again = viewStore(db);
    const view = await again.store.whenRead;
    again.store.applyStored();
    expect(plain(again.doc)).toEqual({ x: { a: 1 }, t: "电表改造、线路" });
    expect(view).toEqual(plain(again.doc)); // the first store rewrote the view on destroy
  });

  it("ignores a view that lags behind the rows another tab wrote, and loads by itself", async () => {
    const { db } = await freshDb(cleanups);
    await sessionWithView(db);
    await otherTabEdit(db, "b", 2);
    const { doc, store } = viewStore(db);
    expect(await store.whenRead).toBeNull();
    await store.whenSynced;
    expect(plain(doc).x).toEqual({ a: 1, b: 2 });
  });

  it("ignores a view of another version", async () => {
    const { db } = await freshDb(cleanups);
    await sessionWithView(db);
    const { store } = viewStore(db, {}, 2);
    expect(await store.whenRead).toBeNull();
    await store.whenSynced;
  });

  it("does not store a view while an edit waits to be written, or while a row is unknown to it", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = viewStore(db, { flushDelay: 60_000 });
    await store.whenSynced;
    doc.getMap("x").set("a", 1);
    expect(await store.writeView()).toBe(false); // the edit is not in the rows yet
    await store.flush();
    expect(await store.writeView()).toBe(true);
    await otherTabEdit(db, "b", 2);
    expect(await store.writeView()).toBe(false); // the doc lacks the other tab's row
    const view = await db.get("views", "s1");
    expect(view?.data).toEqual({ x: { a: 1 }, t: "" });
  });

  it("writes the view a while after the last write", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = viewStore(db, { viewDelay: 20 });
    await store.whenSynced;
    doc.getMap("x").set("a", 1);
    await store.flush();
    await expect.poll(async () => (await db.get("views", "s1"))?.data).toEqual({ x: { a: 1 }, t: "" });
  });

  it("settles when destroyed before its rows are applied, and changes nothing stored", async () => {
    const { db } = await freshDb(cleanups);
    const written = await sessionWithView(db);
    const before = await db.getAll("updates");
    const { store } = viewStore(db);
    await store.whenRead;
    await store.destroy();
    await store.whenSynced;
    expect(await db.getAll("updates")).toEqual(before);
    expect((await db.get("views", "s1"))?.data).toEqual(written);
  });

  it("over seeded runs of edits, other tabs, compactions and reopenings, an offered view equals what loads", async () => {
    let offered = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const gen = prng.create(seed);
      const { db } = await freshDb(cleanups);
      const everything = new Y.Doc(); // receives every edit made anywhere
      let n = 0;
      for (let round = 0; round < 8; round++) {
        const { doc, store } = viewStore(db, { compactAfter: prng.int32(gen, 2, 6), viewDelay: 0 });
        const view = await store.whenRead;
        if (view !== null) {
          offered++;
          store.applyStored();
          expect(view, `seed ${seed} round ${round}`).toEqual(plain(doc));
        }
        await store.whenSynced;
        for (let i = prng.int32(gen, 0, 6); i > 0; i--) {
          const op = prng.int32(gen, 0, 5);
          if (op <= 2) doc.getMap("x").set(`k${prng.int32(gen, 0, 4)}`, ++n);
          else if (op === 3) doc.getText("t").insert(prng.int32(gen, 0, doc.getText("t").length), `${++n};`);
          else if (op === 4) await otherTabEdit(db, `tab${prng.int32(gen, 0, 2)}`, ++n);
          else await store.compact();
          if (prng.bool(gen)) await store.flush();
          if (prng.bool(gen)) await new Promise((r) => setTimeout(r, 1)); // a view write may happen here
        }
        Y.applyUpdate(everything, Y.encodeStateAsUpdate(doc));
        await store.destroy();
      }
      // Nothing was lost on the way: a plain load holds every edit every store made.
      const last = new Y.Doc();
      const loader = new SessionStore(db, "s1", last);
      await loader.whenSynced;
      await loader.destroy();
      const have = Y.decodeStateVector(Y.encodeStateVector(last));
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(everything))) {
        expect(have.get(client) ?? 0, `seed ${seed}`).toBeGreaterThanOrEqual(clock);
      }
      expect(plain(last).t).toBe(plain(everything).t);
    }
    // The check above must have run: most reopenings find an up-to-date view.
    expect(offered).toBeGreaterThan(40);
  });
});
