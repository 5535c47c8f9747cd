// @vitest-environment happy-dom
// Restoring from the backup copy (an in-memory copy with the real comparison): what the database lacks comes
// back with its list row, talk points counted from the workspace, a removed session stays removed, and a
// document that lost some rows silently gets them back from the repair.
import * as Y from "yjs";
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BackupCopy } from "../../src/persistence/backup/backupCopy.ts";
import type { BackupFile } from "../../src/persistence/backup/protocol.ts";
import { reconcile } from "../../src/persistence/backup/reconcile.ts";
import { checksum, readSessionRows, storedRow } from "../../src/persistence/db.ts";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { addAgendaItem } from "../../src/doc/session/agenda.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { initWorkspace } from "../../src/doc/community/workspaceDoc.ts";
import { addTalkPoint } from "../../src/doc/community/talkPoints.ts";
import { setSessionRemovedHere } from "../../src/sync/deviceSettings.ts";
import { RECORD_FILE } from "../../src/reactive/backupRecord.ts";
import { restoreFromBackup } from "../../src/reactive/restoreBackup.ts";
import { repairBackup } from "../../src/reactive/repairBackup.ts";
import { freshDb } from "../helpers/freshDb.ts";

/** The copy's files in memory; `reconcile` runs the worker's comparison. */
function memoryCopy(files: Map<string, Uint8Array[]>): BackupCopy {
  return {
    state: "on",
    ready: Promise.resolve(),
    failed: new Set(),
    append: async (name, updates) => void files.set(name, [...(files.get(name) ?? []), ...updates]),
    replace: async (name, updates) => void files.set(name, updates),
    remove: async (name) => void files.delete(name),
    list: async () => [...files].map(([name, p]) => ({ name, size: p.reduce((n, u) => n + u.length, 0) })),
    read: async (names) =>
      names.flatMap((name): BackupFile[] =>
        files.has(name) ? [{ name, payloads: files.get(name)!, damaged: false }] : [],
      ),
    reconcile: async (name, stored) => {
      const payloads = files.get(name);
      return payloads ? { damaged: false, ...reconcile(payloads, stored) } : null;
    },
  };
}

/** A session document edited in three steps; its updates as the rows a tablet would store. */
function session(id: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  initSessionDoc(doc, {
    id,
    communityId: "c1",
    talkPoint: { id: "tp1", name: "说事点", community: "椿树路社区", location: "幸福路" },
    title: `议事 ${id}`,
    startsAt: "2026-12-01T02:00:00.000Z",
  });
  addAgendaItem(doc, { title: "停车难" });
  addAgendaItem(doc, { title: "广场舞噪音" });
  return updates;
}

function workspace(): Uint8Array {
  const doc = new Y.Doc();
  initWorkspace(doc, { id: "c1", name: "椿树路社区" });
  addTalkPoint(doc, {
    name: "周五有话您就说",
    location: "大华商城",
    facilitator: "",
    schedule: { kind: "weekly", weekday: 5, time: "11:00" },
  } as never);
  return Y.encodeStateAsUpdate(doc);
}

const record = (communities: unknown[]) => [
  new TextEncoder().encode(JSON.stringify({ talkPoints: [], communities, local: {}, key: null })),
];

const cleanups: (() => Promise<void>)[] = [];
beforeEach(() => localStorage.clear());
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

describe("restoring from the backup copy", () => {
  it("brings back what the database lacks, but never a session removed here", async () => {
    const { db } = await freshDb(cleanups);
    const files = new Map<string, Uint8Array[]>([
      ["doc:s1", session("s1")],
      ["doc:s2", session("s2")],
      ["doc:community:c1", [workspace()]],
      [RECORD_FILE, record([{ id: "c1", name: "椿树路社区", code: null, role: "facilitator", addedAt: 1 }])],
    ]);
    setSessionRemovedHere("s2", true);
    const restored = await restoreFromBackup(db, memoryCopy(files));
    expect(restored).toEqual({ talkPoints: 1, sessions: 1, communities: 1, waiting: [] });
    expect((await db.getAll("sessions")).map((s) => [s.id, s.title, s.communityId])).toEqual([
      ["s1", "议事 s1", "c1"],
    ]);
    expect(await db.countFromIndex("updates", "bySession", "s2")).toBe(0);
    expect((await db.getAll("communities")).map((c) => c.name)).toEqual(["椿树路社区"]);
    // Nothing is missing any more: a second start restores nothing and says nothing.
    expect(await restoreFromBackup(db, memoryCopy(files))).toBeNull();
  });

  it("names a community whose workspace neither copy held", async () => {
    const { db } = await freshDb(cleanups);
    const files = new Map([
      [RECORD_FILE, record([{ id: "c9", name: "新城社区", code: "x", role: "display", addedAt: 1 }])],
    ]);
    expect((await restoreFromBackup(db, memoryCopy(files)))?.waiting).toEqual(["新城社区"]);
  });

  it("the repair stores again the rows a database lost silently, and rewrites a copy that is behind", async () => {
    const { db } = await freshDb(cleanups);
    const updates = session("s1");
    for (const u of [updates[0]!, updates[2]!]) await db.add("updates", storedRow("s1", u, checksum(u)));
    const later = session("s3");
    for (const u of later) await db.add("updates", storedRow("s3", u, checksum(u)));
    const files = new Map<string, Uint8Array[]>([
      ["doc:s1", updates],
      ["doc:s3", later.slice(0, 1)], // an append that never reached the copy
    ]);
    const repaired = await repairBackup(db, memoryCopy(files));
    expect(repaired.restored).toEqual(["s1"]);
    expect(repaired.rewritten).toContain("s3");
    const doc = new Y.Doc();
    for (const row of await readSessionRows(db.transaction("updates").store.index("bySession"), "s1")) {
      Y.applyUpdate(doc, row.update);
    }
    const want = new Y.Doc();
    for (const u of updates) Y.applyUpdate(want, u);
    expect(snapshot(doc).agenda.map((a) => a.title)).toEqual(["停车难", "广场舞噪音"]);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(want));
    const s3 = new Y.Doc();
    for (const u of files.get("doc:s3")!) Y.applyUpdate(s3, u);
    expect(snapshot(s3).agenda.length).toBe(2);
  });
});
