// @vitest-environment happy-dom
// A community's backup taken from one tablet's storage (the workspace and each of its sessions stored there,
// no other community's) and imported on another: the community, its register and its sessions come back;
// a damaged backup stores nothing.
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readCommunityMeta, readMatters } from "../../src/doc/community/readers.ts";
import { readMeta } from "../../src/doc/session/snapshot.ts";
import { exportArchive } from "../../src/export/archive.ts";
import { listSessions } from "../../src/persistence/catalogue.ts";
import { getCommunity, workspaceDocId } from "../../src/persistence/communities.ts";
import type { YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { communityBackupText, importCommunityBackupText } from "../../src/reactive/communityBackup.ts";
import type { CommunityHandle } from "../../src/reactive/communityHandle.ts";
import { importArchiveText } from "../../src/reactive/importArchive.ts";
import { freshDb } from "../helpers/freshDb.ts";
import { newSessionDoc } from "../helpers/peers.ts";
import { meters, newWorkspace } from "../helpers/workspace.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const appDbOf = (db: YishiDatabase): AppDb => ({ current: db, onReplaced: () => () => {} });
const noCommunities = { opened: () => undefined, refresh: async () => {} };

async function load(db: YishiDatabase, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, id, doc);
  await store.whenSynced;
  await store.destroy();
  return doc;
}

/** A tablet holding 老城路社区 (one matter), two of its sessions and a session of another community. */
async function sourceTablet() {
  const { db } = await freshDb(cleanups);
  const appDb = appDbOf(db);
  for (const [id, communityId] of [
    ["s-1", "c-laochenglu"],
    ["s-2", "c-laochenglu"],
    ["s-x", "c-other"],
  ] as const)
    await importArchiveText(appDb, exportArchive(newSessionDoc({ id, communityId, title: `说事 ${id}` })));
  const doc = newWorkspace();
  meters(doc);
  const handle = { id: "c-laochenglu", doc, load: () => {}, flush: async () => {} };
  return { appDb, handle: handle as unknown as CommunityHandle };
}

describe("community backup on storage", () => {
  it("takes the workspace and the community's sessions, and imports them on another tablet", async () => {
    const source = await sourceTablet();
    const text = await communityBackupText(source.appDb, source.handle);
    const { db } = await freshDb(cleanups);
    const result = await importCommunityBackupText(appDbOf(db), noCommunities, text);
    expect(result).toEqual({ ok: true, id: "c-laochenglu", name: "老城路社区" });
    expect(await getCommunity(db, "c-laochenglu")).toMatchObject({ name: "老城路社区", code: null });
    const workspace = await load(db, workspaceDocId("c-laochenglu"));
    expect(readCommunityMeta(workspace).name).toBe("老城路社区");
    expect(readMatters(workspace).map((m) => m.id)).toEqual(["m1"]);
    expect((await listSessions(db)).map((s) => s.id).sort()).toEqual(["s-1", "s-2"]);
    expect(readMeta(await load(db, "s-2")).title).toBe("说事 s-2");
  });

  it("stores nothing of a backup with one damaged session", async () => {
    const source = await sourceTablet();
    const backup = JSON.parse(await communityBackupText(source.appDb, source.handle)) as {
      data: { sessions: { data: { update: string } }[] };
    };
    backup.data.sessions[1]!.data.update = backup.data.sessions[1]!.data.update.replace(/^..../, "AAAA");
    const { db } = await freshDb(cleanups);
    const result = await importCommunityBackupText(appDbOf(db), noCommunities, JSON.stringify(backup));
    expect(result).toEqual({ ok: false, error: "damaged" });
    expect(await getCommunity(db, "c-laochenglu")).toBeUndefined();
    expect(await listSessions(db)).toEqual([]);
    expect(await db.count("updates")).toBe(0);
  });
});
