// @vitest-environment happy-dom
// Importing an archive: stored whole as one row or not at all (missing pieces, damage, a failed write), merged
// with the session already here, and its join code kept paused so the session joins no room by itself.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addIssue } from "../../src/doc/session/issues.ts";
import { buildSampleSession, sampleTalkPoints } from "../../src/doc/sample/seedSession.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { exportArchive, sha256Hex } from "../../src/export/archive.ts";
import { getSessionSummary } from "../../src/persistence/catalogue.ts";
import type { YishiDatabase } from "../../src/persistence/db.ts";
import { StorageError } from "../../src/persistence/errors.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { importArchiveText } from "../../src/reactive/importArchive.ts";
import { openSession } from "../../src/reactive/sessionHandle.ts";
import { setShareCodeOf, shareCodeOf } from "../../src/sync/deviceSettings.ts";
import { freshDb } from "../helpers/freshDb.ts";

// Every room join of a session opened here goes through this one spy.
const joins = vi.hoisted(() => ({ connect: vi.fn(async (_code: string) => {}) }));
vi.mock("../../src/reactive/sessionSync.ts", () => ({
  createSessionSync: () => ({
    status: () => null,
    presence: () => [],
    wrongKey: () => false,
    code: () => null,
    connect: joins.connect,
    disconnect: async () => {},
  }),
}));

const CODE = "K7QD-3M9X-F2PA-W8TN";
const cleanups: (() => Promise<void>)[] = [];
beforeEach(() => {
  localStorage.clear();
  joins.connect.mockClear();
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const seedSession = () => buildSampleSession(new Y.Doc(), sampleTalkPoints()[0]!);
const idOf = (doc: Y.Doc) => snapshot(doc).meta.id;
const appDbOf = (db: YishiDatabase): AppDb => ({ current: db, onReplaced: () => () => {} });
const rowKeys = (db: YishiDatabase, id: string) => db.getAllKeysFromIndex("updates", "bySession", id);

/** The session as its store loads it from `db`. */
async function load(db: YishiDatabase, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, id, doc);
  await store.whenSynced;
  await store.destroy();
  return doc;
}

/** `doc`'s archive, as the previous app wrote it (version 1, no hash) and with `update` in place of its own. */
function version1(doc: Y.Doc, update = Y.encodeStateAsUpdate(doc)): string {
  const a = JSON.parse(exportArchive(doc)) as { version: number; data: Record<string, unknown> };
  const { sha256: _hash, ...data } = a.data;
  return JSON.stringify({
    ...a,
    version: 1,
    data: { ...data, update: Buffer.from(update).toString("base64") },
  });
}

describe("importArchiveText", () => {
  it("stores a new session as one row and its summary, reading back the same session", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const id = idOf(source);
    expect(await importArchiveText(appDbOf(db), exportArchive(source))).toEqual({ ok: true, id });
    expect(await rowKeys(db, id)).toHaveLength(1);
    expect(snapshot(await load(db, id))).toEqual(snapshot(source));
    expect((await getSessionSummary(db, id))?.counts.issues).toBe(snapshot(source).issues.length);
  });

  it("adds one row beside the session already here, losing nothing from either side", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const id = idOf(source);
    const here = new Y.Doc();
    Y.applyUpdate(here, Y.encodeStateAsUpdate(source));
    const store = new SessionStore(db, id, here);
    await store.whenSynced;
    addIssue(here, { text: "只在本机的新问题" });
    await store.destroy();
    const before = await rowKeys(db, id);
    addIssue(source, { text: "只在导出方的新问题" });

    expect(await importArchiveText(appDbOf(db), exportArchive(source))).toEqual({ ok: true, id });
    const after = await rowKeys(db, id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    const texts = snapshot(await load(db, id)).issues.map((i) => i.text);
    expect(texts).toEqual(expect.arrayContaining(["只在本机的新问题", "只在导出方的新问题"]));
    expect((await getSessionSummary(db, id))?.counts.issues).toBe(texts.length);
  });

  it("refuses an archive whose update misses pieces, and stores nothing", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const id = idOf(source);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(source));
    addIssue(other, { text: "先" });
    const seen = Y.encodeStateVector(other);
    addIssue(other, { text: "后" });
    // The whole session, plus the other device's second issue without its first: Yjs would keep it pending.
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(source), Y.encodeStateAsUpdate(other, seen)]);
    expect(await importArchiveText(appDbOf(db), version1(source, update))).toEqual({
      ok: false,
      error: "badUpdate",
    });
    expect(await rowKeys(db, id)).toEqual([]);
    expect(await getSessionSummary(db, id)).toBeUndefined();
  });

  it("refuses a damaged archive, and stores nothing", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const a = JSON.parse(exportArchive(source, new Date(), { shareCode: CODE })) as {
      data: { update: string; sha256: string };
    };
    a.data.sha256 = sha256Hex(new Uint8Array([1, 2, 3]));
    expect(await importArchiveText(appDbOf(db), JSON.stringify(a))).toEqual({ ok: false, error: "damaged" });
    expect(await rowKeys(db, idOf(source))).toEqual([]);
    expect(shareCodeOf(idOf(source))).toBeNull();
  });

  it("stores nothing when a write fails midway (the summary over quota)", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const id = idOf(source);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === "sessions")
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    });
    const archive = exportArchive(source, new Date(), { shareCode: CODE });
    const failed = importArchiveText(appDbOf(db), archive);
    await expect(failed).rejects.toBeInstanceOf(StorageError);
    await expect(failed).rejects.toMatchObject({ code: "quota" });
    vi.restoreAllMocks();
    expect(await rowKeys(db, id)).toEqual([]);
    expect(await getSessionSummary(db, id)).toBeUndefined();
    expect(shareCodeOf(id)).toBeNull();
  });

  it("leaves the session as it was when the transaction is aborted after both writes", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const id = idOf(source);
    const here = new Y.Doc();
    Y.applyUpdate(here, Y.encodeStateAsUpdate(source));
    const store = new SessionStore(db, id, here);
    await store.whenSynced;
    await store.destroy();
    const before = await rowKeys(db, id);
    const summaryBefore = await getSessionSummary(db, id);
    addIssue(source, { text: "不会存下的问题" });
    // The browser gives up on the transaction (as on a full disk at commit) once both requests are made.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      if (this.name === "sessions") this.transaction.abort();
      return request;
    });
    await expect(importArchiveText(appDbOf(db), exportArchive(source))).rejects.toBeInstanceOf(StorageError);
    vi.restoreAllMocks();
    expect(await rowKeys(db, id)).toEqual(before);
    expect(await getSessionSummary(db, id)).toEqual(summaryBefore);
    expect(snapshot(await load(db, id)).issues.map((i) => i.text)).not.toContain("不会存下的问题");
  });
});

describe("an imported session's join code", () => {
  it("is kept paused: opening the session joins no room, and Share joins the archive's", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const id = idOf(source);
    const archive = exportArchive(source, new Date(), { shareCode: CODE.toLowerCase() });
    expect(await importArchiveText(appDbOf(db), archive)).toEqual({ ok: true, id });
    expect(shareCodeOf(id)).toEqual({ code: CODE, paused: true });
    const h = await openSession(appDbOf(db), id);
    cleanups.push(() => h.dispose());
    expect(h.state.meta.id).toBe(id);
    expect(joins.connect).not.toHaveBeenCalled();
    h.share();
    // The archive's room and key, given a write secret (an older display-form code becomes a staff code).
    expect(joins.connect).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`^${CODE}-\\w{4}-\\w{4}-\\w{2}$`)),
    );
  });

  it("from an older app's document is kept paused too, and not joined on open", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    source.getMap("meta").set("shareCode", CODE); // where an older app kept it
    const id = idOf(source);
    expect(await importArchiveText(appDbOf(db), version1(source))).toEqual({ ok: true, id });
    expect(shareCodeOf(id)).toEqual({ code: CODE, paused: true });
    const h = await openSession(appDbOf(db), id);
    cleanups.push(() => h.dispose());
    expect(joins.connect).not.toHaveBeenCalled();
    expect(shareCodeOf(id)).toEqual({ code: CODE, paused: true });
  });

  it("does not replace the code this device already uses for the session", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    const id = idOf(source);
    setShareCodeOf(id, "0000-1111-2222-3333");
    const archive = exportArchive(source, new Date(), { shareCode: CODE });
    expect(await importArchiveText(appDbOf(db), archive)).toEqual({ ok: true, id });
    expect(shareCodeOf(id)).toEqual({ code: "0000-1111-2222-3333", paused: false });
  });

  it("is none when the archive carries none", async () => {
    const { db } = await freshDb(cleanups);
    const source = seedSession();
    expect((await importArchiveText(appDbOf(db), exportArchive(source))).ok).toBe(true);
    expect(shareCodeOf(idOf(source))).toBeNull();
    expect(localStorage.getItem("yishi.shareCodes")).toBeNull();
  });
});
