import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { deleteDB } from "idb";
import * as Y from "yjs";
import { checksum, openYishiDb } from "../../src/persistence/db.ts";
import type { YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore, deleteSessionData } from "../../src/persistence/sessionStore.ts";
import type { SessionStoreOptions, SessionStoreStatus } from "../../src/persistence/sessionStore.ts";
import type { StorageError } from "../../src/persistence/errors.ts";
import { freshDb } from "../helpers/freshDb.ts";

// Each test gets its own database, closed and deleted afterwards (as jakearchibald/idb's tests do).
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(
  db: YishiDatabase,
  sessionId = "s1",
  options?: SessionStoreOptions,
): Promise<{ doc: Y.Doc; store: SessionStore }> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, sessionId, doc, options);
  cleanups.push(() => store.destroy().catch(() => {}));
  await store.whenSynced;
  return { doc, store };
}

const rowCount = (db: YishiDatabase, sessionId = "s1"): Promise<number> =>
  db.countFromIndex("updates", "bySession", sessionId);

/** A fresh doc loaded from the db, with its store already destroyed (nothing written back). */
async function reload(db: YishiDatabase, sessionId = "s1"): Promise<Y.Doc> {
  const { doc, store } = await openStore(db, sessionId);
  await store.destroy();
  return doc;
}

function edit(doc: Y.Doc, i: number): void {
  doc.getMap("x").set(`k${i % 7}`, i);
  doc.getText("t").insert(doc.getText("t").length, `${i};`);
}

describe("SessionStore", () => {
  it("round-trips edits through the database", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db);
    for (let i = 0; i < 20; i++) edit(doc, i);
    doc.getText("t").delete(0, 5);
    await store.destroy();

    const loaded = await reload(db);
    expect(loaded.getMap("x").toJSON()).toEqual(doc.getMap("x").toJSON());
    expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
    expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc));
  });

  it("saves edits made while the load is still in flight, next to the stored state", async () => {
    const { db } = await freshDb(cleanups);
    const first = await openStore(db);
    first.doc.getMap("x").set("stored", true);
    await first.store.destroy();

    const doc = new Y.Doc();
    const store = new SessionStore(db, "s1", doc);
    doc.getMap("x").set("early", true); // before whenSynced
    await store.whenSynced;
    await store.destroy();

    expect((await reload(db)).getMap("x").toJSON()).toEqual({ stored: true, early: true });
  });

  it("does not write loaded updates back", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db);
    edit(doc, 1);
    await store.destroy();
    const before = await rowCount(db);

    const second = await openStore(db);
    await second.store.flush();
    expect(second.store.pending).toBe(0);
    expect(await rowCount(db)).toBe(before);
  });

  it("batches synchronous edits into few rows, and keeps them all", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db);
    for (let i = 0; i < 100; i++) doc.getArray<number>("a").push([i]);
    expect(store.pending).toBe(100);
    await store.flush();
    expect(store.pending).toBe(0);
    expect(await rowCount(db)).toBeLessThanOrEqual(2);

    const loaded = await reload(db);
    expect(loaded.getArray<number>("a").toArray()).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it("compaction replaces the rows by one snapshot that reloads byte-identically", async () => {
    const { db } = await freshDb(cleanups);
    // A high compactAfter keeps automatic compaction out of the way: compact() is called by hand.
    const { doc, store } = await openStore(db, "s1", { compactAfter: 1_000 });
    for (let i = 0; i < 15; i++) {
      edit(doc, i);
      await store.flush(); // one row per edit
    }
    doc.getText("t").delete(0, 10); // deleted content must not survive in the snapshot
    await store.flush();
    expect(await rowCount(db)).toBe(16);
    const bytesBefore = await store.storedBytes();

    await store.compact();
    expect(await rowCount(db)).toBe(1);
    expect(await store.storedBytes()).toBeLessThan(bytesBefore);

    edit(doc, 99); // a write after compaction adds a row
    await store.destroy();
    expect(await rowCount(db)).toBe(2);

    const loaded = await reload(db);
    expect(Y.encodeStateAsUpdate(loaded)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it("compacts on its own once rows exceed compactAfter", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db, "s1", { compactAfter: 10 });
    for (let i = 0; i < 25; i++) {
      edit(doc, i);
      await store.flush();
    }
    await store.destroy(); // waits for a compaction in flight
    expect(await rowCount(db)).toBeLessThanOrEqual(10);
    expect(Y.encodeStateAsUpdate(await reload(db))).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it("compaction keeps rows another tab wrote since the load", async () => {
    const { db } = await freshDb(cleanups);
    const a = await openStore(db, "s1", { compactAfter: 1_000 });
    const b = await openStore(db, "s1", { compactAfter: 1_000 });
    a.doc.getMap("x").set("fromA", 1);
    b.doc.getMap("x").set("fromB", 2); // a never hears of this edit except through the database
    await Promise.all([a.store.flush(), b.store.flush()]);

    await a.store.compact();
    expect(await rowCount(db)).toBe(1);
    expect(a.doc.getMap("x").toJSON()).toEqual({ fromA: 1, fromB: 2 });
    expect((await reload(db)).getMap("x").toJSON()).toEqual({ fromA: 1, fromB: 2 });
  });

  it("quarantines stored updates that fail to apply and loads the rest", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db);
    doc.getMap("x").set("good", "yes");
    doc.getText("t").insert(0, "intact text");
    await store.destroy();

    // A real update on top of the stored state, cut inside its delete set: Yjs integrates its insert
    // before it fails, so applied straight to the doc it would leave " PARTIAL" behind.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText("t").insert(6, " PARTIAL");
    other.getText("t").delete(0, 2);
    const realUpdate = Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc));
    const truncated = realUpdate.slice(0, realUpdate.length - 1);
    const garbage = new Uint8Array([255, 1, 2, 3, 250]);
    await db.add("updates", { sessionId: "s1", update: garbage });
    await db.add("updates", { sessionId: "s1", update: truncated });

    const loaded = new Y.Doc();
    const store2 = new SessionStore(db, "s1", loaded);
    cleanups.push(() => store2.destroy().catch(() => {}));
    const corrupt: number[] = [];
    store2.on("corrupt", ({ count }) => corrupt.push(count));
    await store2.whenSynced;

    expect(corrupt).toEqual([2]);
    expect(store2.quarantined).toBe(2);
    expect(store2.status).toBe("saved");
    expect(loaded.getMap("x").toJSON()).toEqual({ good: "yes" });
    expect(loaded.getText("t").toString()).toBe("intact text");
    const quarantined = await db.getAllFromIndex("quarantine", "bySession", "s1");
    expect(quarantined.map((q) => q.update)).toEqual([garbage, truncated]);
    expect(quarantined.every((q) => q.reason.length > 0 && q.at > 0)).toBe(true);
    // Only good rows are left; reloading again reports nothing.
    const again = new SessionStore(db, "s1", new Y.Doc());
    cleanups.push(() => again.destroy().catch(() => {}));
    await again.whenSynced;
    expect(again.quarantined).toBe(0);
  });

  it("writes a checksum with each row, and quarantines a row whose bytes changed even if they still decode", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db);
    doc.getText("t").insert(0, "first");
    await store.flush();
    doc.getText("t").insert(5, " second");
    await store.destroy();
    const rows = await db.getAllFromIndex("updates", "bySession", "s1");
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.sum === checksum(row.update))).toBe(true);

    // Flip one letter of the second row's text: the update still decodes, but it is not what was written.
    const keys = await db.getAllKeysFromIndex("updates", "bySession", "s1");
    const damaged = rows[1]!.update.slice();
    const at = damaged.indexOf("s".charCodeAt(0));
    damaged[at] = "S".charCodeAt(0);
    expect(() => Y.decodeUpdate(damaged)).not.toThrow();
    await db.put("updates", { ...rows[1]!, update: damaged }, keys[1]);

    const loaded = new Y.Doc();
    const reopened = new SessionStore(db, "s1", loaded);
    cleanups.push(() => reopened.destroy().catch(() => {}));
    await reopened.whenSynced;
    expect(reopened.quarantined).toBe(1);
    expect(loaded.getText("t").toString()).toBe("first");
    const [kept] = await db.getAllFromIndex("quarantine", "bySession", "s1");
    expect(kept!.update).toEqual(damaged);
    expect(kept!.reason).toMatch(/checksum/);
  });

  it("keeps edits queued through a quota failure and writes them when storage is back", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db, "s1", { retryMinMs: 60_000 });
    const errors: StorageError[] = [];
    const statuses: SessionStoreStatus[] = [];
    store.on("error", (e) => errors.push(e));
    store.on("status", (s) => statuses.push(s));

    const transaction = db.transaction.bind(db);
    db.transaction = ((...args: Parameters<typeof transaction>) => {
      if (args[1] === "readwrite") throw new DOMException("full", "QuotaExceededError");
      return transaction(...args);
    }) as typeof db.transaction;
    for (let i = 0; i < 5; i++) edit(doc, i);
    await expect(store.flush()).rejects.toMatchObject({ code: "quota" });
    edit(doc, 5);
    await expect(store.flush()).rejects.toMatchObject({ code: "quota" });

    expect(errors.map((e) => e.code)).toEqual(["quota", "quota"]);
    expect(store.status).toBe("error");
    expect(store.pending).toBe(12);

    db.transaction = transaction;
    await store.flush();
    expect(store.pending).toBe(0);
    expect(statuses.at(-1)).toBe("saved");
    await store.destroy();

    const loaded = await reload(db);
    expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
    expect(loaded.getMap("x").toJSON()).toEqual(doc.getMap("x").toJSON());
  });

  it("retries a failed write on its own with backoff", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db, "s1", { retryMinMs: 5 });
    const transaction = db.transaction.bind(db);
    let failuresLeft = 2;
    db.transaction = ((...args: Parameters<typeof transaction>) => {
      if (args[1] === "readwrite" && failuresLeft-- > 0) throw new DOMException("full", "QuotaExceededError");
      return transaction(...args);
    }) as typeof db.transaction;
    const saved = new Promise<void>((resolve) =>
      store.on("status", (s) => {
        if (s === "saved") resolve();
      }),
    );
    doc.getMap("x").set("k", "v");
    await saved;
    expect(failuresLeft).toBeLessThan(0);
    expect(store.pending).toBe(0);
    db.transaction = transaction;
    await store.destroy();
    expect((await reload(db)).getMap("x").toJSON()).toEqual({ k: "v" });
  });

  it("reports a closed connection and continues on a new one", async () => {
    const { db, name } = await freshDb(cleanups);
    const { doc, store } = await openStore(db, "s1", { retryMinMs: 60_000 });
    const errors: StorageError[] = [];
    store.on("error", (e) => errors.push(e));
    db.close();
    doc.getMap("x").set("k", "after close");
    await expect(store.flush()).rejects.toMatchObject({ code: "closed" });
    expect(errors[0]?.code).toBe("closed");
    expect(store.pending).toBe(1);

    const db2 = await openYishiDb(name);
    cleanups.push(async () => db2.close());
    store.useDb(db2);
    await store.flush();
    await store.destroy();
    expect((await reload(db2)).getMap("x").toJSON()).toEqual({ k: "after close" });
  });

  it("writes edits made while a write is in flight in the next batch", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db);
    doc.getMap("x").set("first", 1);
    const firstFlush = store.flush();
    doc.getMap("x").set("second", 2); // queued while the first batch is being written
    await firstFlush;
    expect(store.pending).toBe(1);
    await store.flush();
    expect(store.pending).toBe(0);
    await store.destroy();
    expect((await reload(db)).getMap("x").toJSON()).toEqual({ first: 1, second: 2 });
  });

  it("stops listening after destroy and leaves the database open", async () => {
    const { db } = await freshDb(cleanups);
    const { doc, store } = await openStore(db);
    let statusEvents = 0;
    store.on("status", () => statusEvents++);
    doc.getMap("x").set("before", 1);
    await store.destroy();
    const rows = await rowCount(db); // also proves the db is still open
    statusEvents = 0;
    doc.getMap("x").set("after", 2);
    await new Promise((r) => setTimeout(r, 10));
    expect(store.pending).toBe(0);
    expect(statusEvents).toBe(0);
    expect(await rowCount(db)).toBe(rows);
  });

  it("deleteSessionData removes the session's updates, quarantine and view but not other sessions", async () => {
    const { db } = await freshDb(cleanups);
    for (const id of ["s1", "s2"]) {
      const { doc, store } = await openStore(db, id, { view: { version: 1, read: () => doc.toJSON() } });
      edit(doc, 1);
      await store.destroy();
    }
    await db.add("quarantine", { sessionId: "s1", update: new Uint8Array([1]), reason: "test", at: 1 });
    expect(await db.count("views")).toBe(2);
    await deleteSessionData(db, "s1");
    expect(await rowCount(db, "s1")).toBe(0);
    expect(await db.countFromIndex("quarantine", "bySession", "s1")).toBe(0);
    expect(await db.get("views", "s1")).toBeUndefined();
    expect(await rowCount(db, "s2")).toBeGreaterThan(0);
    expect(await db.get("views", "s2")).toBeDefined();
  });
});

describe("a document that already has content", () => {
  it("is saved in full when a store is attached to it", async () => {
    const name = `pre-existing-${Math.random()}`;
    const db = await openYishiDb(name);
    const doc = new Y.Doc();
    doc.getMap("m").set("before", 1);
    doc.getText("t").insert(0, "已有内容");
    const store = new SessionStore(db, "s", doc);
    await store.whenSynced;
    await store.flush();
    await store.destroy();
    const again = new Y.Doc();
    const loader = new SessionStore(db, "s", again);
    await loader.whenSynced;
    expect(again.getMap("m").get("before")).toBe(1);
    expect(again.getText("t").toString()).toBe("已有内容");
    await loader.destroy();
    db.close();
    await deleteDB(name);
  });
});
