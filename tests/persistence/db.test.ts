import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deleteDB, openDB } from "idb";
import { checksum, checksumAsync, DB_VERSION, openYishiDb } from "../../src/persistence/db.ts";
import type { StorageError } from "../../src/persistence/errors.ts";

const names: string[] = [];
const uniqueName = (): string => {
  const name = `yishi-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const name of names.splice(0)) await deleteDB(name);
});

describe("openYishiDb", () => {
  it("creates the stores and indexes", async () => {
    const db = await openYishiDb(uniqueName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      "communities",
      "quarantine",
      "sessions",
      "talkPoints",
      "updates",
      "views",
    ]);
    const tx = db.transaction(["updates", "quarantine", "sessions", "talkPoints"]);
    expect(tx.objectStore("updates").autoIncrement).toBe(true);
    expect([...tx.objectStore("updates").indexNames]).toEqual(["bySession"]);
    expect([...tx.objectStore("quarantine").indexNames]).toEqual(["bySession"]);
    expect([...tx.objectStore("sessions").indexNames].sort()).toEqual(["byStartsAt", "byTalkPoint"]);
    expect(tx.objectStore("talkPoints").keyPath).toBe("id");
    await tx.done;
    expect(db.transaction("views").store.keyPath).toBe("sessionId");
    db.close();
  });

  it("upgrades a version 1 database in place: its rows stay and it gains the views store", async () => {
    const name = uniqueName();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore("updates", { autoIncrement: true }).createIndex("bySession", "sessionId");
        db.createObjectStore("quarantine", { autoIncrement: true }).createIndex("bySession", "sessionId");
        db.createObjectStore("talkPoints", { keyPath: "id" });
        const sessions = db.createObjectStore("sessions", { keyPath: "id" });
        sessions.createIndex("byTalkPoint", "talkPointId");
        sessions.createIndex("byStartsAt", "startsAt");
      },
    });
    await v1.add("updates", { sessionId: "s", update: new Uint8Array([1, 2]) });
    v1.close();
    const db = await openYishiDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAllFromIndex("updates", "bySession", "s")).toEqual([
      { sessionId: "s", update: new Uint8Array([1, 2]) },
    ]);
    expect(await db.count("views")).toBe(0);
    db.close();
  });

  it("reopens an existing database without upgrading it again", async () => {
    const name = uniqueName();
    const first = await openYishiDb(name);
    await first.add("updates", { sessionId: "s", update: new Uint8Array([1]) });
    first.close();
    const second = await openYishiDb(name);
    expect(await second.count("updates")).toBe(1);
    second.close();
  });

  it("steps aside for another connection that needs a newer version, and reports it", async () => {
    const name = uniqueName();
    const onTerminated = vi.fn<(error: StorageError) => void>();
    await openYishiDb(name, { onTerminated });
    // A newer app version in another tab: this open would wait forever if we kept our connection.
    const newer = await openDB(name, DB_VERSION + 1);
    expect(onTerminated).toHaveBeenCalledTimes(1);
    expect(onTerminated.mock.calls[0]?.[0].code).toBe("closed");
    newer.close();
  });

  it("rejects with an 'unavailable' StorageError where IndexedDB is missing", async () => {
    vi.stubGlobal("indexedDB", undefined);
    await expect(openYishiDb(uniqueName())).rejects.toMatchObject({
      name: "StorageError",
      code: "unavailable",
    });
  });

  it("rejects with a StorageError when the stored database is newer than the app", async () => {
    const name = uniqueName();
    (await openDB(name, DB_VERSION + 1)).close();
    await expect(openYishiDb(name)).rejects.toMatchObject({ name: "StorageError", code: "unavailable" });
  });
});

describe("row checksums", () => {
  it("are the first 32 bits of SHA-256, the same natively and in JavaScript, and change with any byte", async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 255);
    expect(checksum(new TextEncoder().encode("abc"))).toBe(0xba7816bf); // SHA-256("abc") starts ba7816bf
    expect(await checksumAsync(bytes)).toBe(checksum(bytes));
    vi.stubGlobal("crypto", {}); // an insecure context has no crypto.subtle
    expect(await checksumAsync(bytes)).toBe(checksum(bytes));
    const changed = bytes.slice();
    changed[54_321] = changed[54_321]! ^ 1;
    expect(checksum(changed)).not.toBe(checksum(bytes));
  });
});
