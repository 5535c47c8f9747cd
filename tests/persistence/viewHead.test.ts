// The head of a stored view (what a register paints first): stored with the view and the same row keys,
// offered before the view is read, only while it shows exactly the stored rows and is of the reader's
// version; a view stored without a head gets one at the next open; deleting a document deletes its head.
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deleteSessionData, type YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import { viewHeadKey } from "../../src/persistence/storedViews.ts";
import { freshDb } from "../helpers/freshDb.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const plain = (doc: Y.Doc) => doc.getMap("x").toJSON();
const headOf = (doc: Y.Doc) => ({ keys: Object.keys(plain(doc)).sort().slice(0, 2) });

/** A store keeping `plain(doc)` as its view and `headOf(doc)` as its head (or no head when told). */
function headStore(db: YishiDatabase, opts: { version?: number; head?: boolean } = {}) {
  const doc = new Y.Doc();
  const store = new SessionStore(db, "s1", doc, {
    view: {
      version: opts.version ?? 1,
      read: () => plain(doc),
      head: opts.head === false ? undefined : () => headOf(doc),
    },
  });
  cleanups.push(() => store.destroy().catch(() => {}));
  return { doc, store };
}

async function stored(db: YishiDatabase, head = true) {
  const { doc, store } = headStore(db, { head });
  await store.whenSynced;
  for (const k of ["c", "a", "b"]) doc.getMap("x").set(k, k.charCodeAt(0));
  await store.destroy(); // writes the view (and the head)
  return { view: plain(doc), head: headOf(doc) };
}

/** Which of the store's promises settles first. */
const first = (store: SessionStore) =>
  Promise.race([store.whenHead.then(() => "head"), store.whenRead.then(() => "view")]);

describe("the head of a stored view", () => {
  it("is offered before the view, with the view, while both show exactly the rows", async () => {
    const { db } = await freshDb(cleanups);
    const written = await stored(db);
    const { store } = headStore(db);
    expect(await first(store)).toBe("head");
    expect(await store.whenHead).toEqual(written.head);
    expect(await store.whenRead).toEqual(written.view);
  });

  it("is not offered once another tab stored a row it does not show", async () => {
    const { db } = await freshDb(cleanups);
    await stored(db);
    const other = new Y.Doc();
    const tab = new SessionStore(db, "s1", other);
    await tab.whenSynced;
    other.getMap("x").set("d", 4);
    await tab.destroy();
    const { store } = headStore(db);
    expect(await store.whenHead).toBeUndefined();
    expect(await store.whenRead).toBeNull();
  });

  it("is not offered to a reader of another version", async () => {
    const { db } = await freshDb(cleanups);
    await stored(db);
    const { store } = headStore(db, { version: 2 });
    expect(await store.whenHead).toBeUndefined();
  });

  it("is stored at the next open when the view was stored without one", async () => {
    const { db } = await freshDb(cleanups);
    const written = await stored(db, false);
    expect(await db.get("views", viewHeadKey("s1"))).toBeUndefined();
    const { store } = headStore(db);
    expect(await store.whenHead).toBeUndefined();
    expect(await store.whenRead).toEqual(written.view); // the view is still shown
    store.applyStored();
    await store.destroy();
    const again = headStore(db);
    expect(await again.store.whenHead).toEqual(written.head);
  });

  it("is never offered by a store that keeps none, and is deleted with the document", async () => {
    const { db } = await freshDb(cleanups);
    await stored(db);
    const plainStore = new SessionStore(db, "s1", new Y.Doc());
    cleanups.push(() => plainStore.destroy());
    expect(await plainStore.whenHead).toBeUndefined();
    await plainStore.destroy();
    await deleteSessionData(db, "s1");
    expect(await db.get("views", viewHeadKey("s1"))).toBeUndefined();
    expect(await db.get("views", "s1")).toBeUndefined();
  });
});
