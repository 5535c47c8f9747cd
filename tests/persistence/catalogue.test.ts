import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { TalkPoint } from "../../src/doc/talkPoint.ts";
import {
  deleteSession,
  deleteTalkPoint,
  getSessionSummary,
  listSessions,
  listTalkPoints,
  putSessionSummary,
  putTalkPoint,
  requestPersistentStorage,
  storageEstimate,
} from "../../src/persistence/catalogue.ts";
import type { SessionSummary } from "../../src/persistence/catalogue.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import { freshDb } from "../helpers/freshDb.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const talkPoint = (id: string, name: string): TalkPoint => ({
  id,
  name,
  community: "东湖社区",
  location: "活动室",
  facilitator: "王老师",
  schedule: { kind: "monthDays", days: [1, 11, 21], time: "15:00" },
  createdAt: 1,
  updatedAt: 1,
});

const session = (id: string, talkPointId: string, startsAt: string): SessionSummary => ({
  id,
  talkPointId,
  title: `议事 ${id}`,
  startsAt,
  updatedAt: 1,
  counts: { issues: 3, urgent: 1, votes: 2, followUps: 1, resolved: 0 },
  schemaVersion: 1,
});

describe("talk points", () => {
  it("puts, lists by name, replaces and deletes", async () => {
    const { db } = await freshDb(cleanups);
    await putTalkPoint(db, talkPoint("b", "Bridge Street"));
    await putTalkPoint(db, talkPoint("a", "Apple Court"));
    expect((await listTalkPoints(db)).map((tp) => tp.id)).toEqual(["a", "b"]);

    await putTalkPoint(db, { ...talkPoint("a", "Cedar Lane"), updatedAt: 2 });
    const listed = await listTalkPoints(db);
    expect(listed.map((tp) => tp.name)).toEqual(["Bridge Street", "Cedar Lane"]);
    expect(listed[1]?.schedule).toEqual({ kind: "monthDays", days: [1, 11, 21], time: "15:00" });

    await deleteTalkPoint(db, "b");
    expect((await listTalkPoints(db)).map((tp) => tp.id)).toEqual(["a"]);
  });
});

describe("sessions", () => {
  it("lists newest first, optionally for one talk point", async () => {
    const { db } = await freshDb(cleanups);
    await putSessionSummary(db, session("s1", "tp1", "2024-01-01T07:00:00.000Z"));
    await putSessionSummary(db, session("s2", "tp2", "2024-03-11T07:00:00.000Z"));
    await putSessionSummary(db, session("s3", "tp1", "2024-02-21T07:00:00.000Z"));
    await putSessionSummary(db, session("s4", "tp1", "2024-04-01T07:00:00.000Z"));

    expect((await listSessions(db)).map((s) => s.id)).toEqual(["s4", "s2", "s3", "s1"]);
    expect((await listSessions(db, "tp1")).map((s) => s.id)).toEqual(["s4", "s3", "s1"]);
    expect(await listSessions(db, "nobody")).toEqual([]);
  });

  it("gets, replaces and fills counts missing from older rows", async () => {
    const { db } = await freshDb(cleanups);
    const s = session("s1", "tp1", "2024-01-01T07:00:00.000Z");
    await putSessionSummary(db, s);
    expect(await getSessionSummary(db, "s1")).toEqual(s);
    expect(await getSessionSummary(db, "missing")).toBeUndefined();

    await putSessionSummary(db, { ...s, title: "renamed" });
    expect((await getSessionSummary(db, "s1"))?.title).toBe("renamed");

    // A row from an older version without `resolved`, plus a field from a newer version: both survive.
    const old = { ...s, id: "old", counts: { issues: 1, urgent: 0, votes: 0, followUps: 0 }, extra: "kept" };
    await db.put("sessions", old as unknown as SessionSummary);
    expect(await getSessionSummary(db, "old")).toMatchObject({
      counts: { issues: 1, urgent: 0, votes: 0, followUps: 0, resolved: 0 },
      extra: "kept",
    });
  });

  it("deleteSession removes the summary and the stored updates", async () => {
    const { db } = await freshDb(cleanups);
    for (const id of ["s1", "s2"]) {
      await putSessionSummary(db, session(id, "tp1", "2024-01-01T07:00:00.000Z"));
      const doc = new Y.Doc();
      const store = new SessionStore(db, id, doc);
      await store.whenSynced;
      doc.getMap("x").set("k", id);
      await store.destroy();
    }
    await deleteSession(db, "s1");
    expect(await getSessionSummary(db, "s1")).toBeUndefined();
    expect(await db.countFromIndex("updates", "bySession", "s1")).toBe(0);
    expect(await getSessionSummary(db, "s2")).toBeDefined();
    expect(await db.countFromIndex("updates", "bySession", "s2")).toBe(1);
  });

  it("rejects with a StorageError when the connection is closed", async () => {
    const { db } = await freshDb(cleanups);
    db.close();
    await expect(listSessions(db)).rejects.toMatchObject({ name: "StorageError", code: "closed" });
  });
});

describe("storage durability", () => {
  it("asks for persistent storage where supported", async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal("navigator", { storage: { persist, persisted: async () => false } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it("does not ask again when storage is already persistent", async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal("navigator", { storage: { persist, persisted: async () => true } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it("resolves false or null where the API is missing or throws", async () => {
    vi.stubGlobal("navigator", undefined);
    expect(await requestPersistentStorage()).toBe(false);
    expect(await storageEstimate()).toBeNull();
    vi.stubGlobal("navigator", {});
    expect(await requestPersistentStorage()).toBe(false);
    expect(await storageEstimate()).toBeNull();
    const fail = async (): Promise<never> => {
      throw new Error("denied");
    };
    vi.stubGlobal("navigator", { storage: { persist: fail, estimate: fail } });
    expect(await requestPersistentStorage()).toBe(false);
    expect(await storageEstimate()).toBeNull();
  });

  it("reports usage and quota", async () => {
    vi.stubGlobal("navigator", { storage: { estimate: async () => ({ usage: 1200, quota: 50_000 }) } });
    expect(await storageEstimate()).toEqual({ usage: 1200, quota: 50_000 });
  });
});
