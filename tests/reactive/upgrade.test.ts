// @vitest-environment happy-dom
// A tablet that ran the previous version (IndexedDB version 2: talk points in their own store, follow-ups
// only inside each session) upgrades: its talk points go into their communities' workspaces and every
// follow-up appears in the register, with the history it had; nothing is re-entered or lost.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteDB, openDB } from "idb";
import * as Y from "yjs";
import { buildSampleSession, SAMPLE_SESSION_ID, sampleTalkPoints } from "../../src/doc/sample/seedSession.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import { listTalkPoints } from "../../src/persistence/catalogue.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { createCatalogue } from "../../src/reactive/catalogueStore.ts";
import { createCommunities } from "../../src/reactive/communities.ts";
import { summarize } from "../../src/reactive/summary.ts";

let name: string;
let db: YishiDatabase | undefined;

beforeEach(() => {
  name = `yishi-upgrade-${crypto.randomUUID()}`;
});
afterEach(async () => {
  db?.close();
  await deleteDB(name);
});

/** The database as the previous version left it: version 2, its stores, a talk point and a session. */
async function writeVersion2(): Promise<void> {
  const old = await openDB(name, 2, {
    upgrade(d) {
      d.createObjectStore("updates", { autoIncrement: true }).createIndex("bySession", "sessionId");
      d.createObjectStore("quarantine", { autoIncrement: true }).createIndex("bySession", "sessionId");
      d.createObjectStore("talkPoints", { keyPath: "id" });
      const sessions = d.createObjectStore("sessions", { keyPath: "id" });
      sessions.createIndex("byTalkPoint", "talkPointId");
      sessions.createIndex("byStartsAt", "startsAt");
      d.createObjectStore("views", { keyPath: "sessionId" });
    },
  });
  const tps = sampleTalkPoints(1_705_000_000_000);
  for (const tp of tps) await old.put("talkPoints", tp);
  const doc = new Y.Doc();
  const store = new SessionStore(old as unknown as YishiDatabase, SAMPLE_SESSION_ID, doc);
  await store.whenSynced;
  buildSampleSession(doc, tps[0]!);
  await store.flush();
  await old.put("sessions", summarize(snapshot(doc)));
  await store.destroy();
  old.close();
}

describe("upgrading from the previous version", () => {
  it("moves talk points into their communities and shows every follow-up in the register", async () => {
    await writeVersion2();
    db = await openYishiDb(name);
    const appDb: AppDb = { current: db, onReplaced: () => () => {} };
    const communities = createCommunities(appDb);
    const catalogue = createCatalogue(appDb, communities);
    await catalogue.refresh();

    expect(
      communities
        .list()
        .map((c) => c.name)
        .sort(),
    ).toEqual(["老城路社区", "新城社区", "苏公塔社区", "椿树路社区"].sort());
    expect(
      catalogue
        .talkPoints()
        .map((tp) => tp.id)
        .sort(),
    ).toEqual(
      sampleTalkPoints()
        .map((tp) => tp.id)
        .sort(),
    );
    expect(await listTalkPoints(db)).toEqual([]);

    const laochenglu = communities.list().find((c) => c.name === "老城路社区")!;
    const ws = await communities.open(laochenglu.id);
    // One matter per issue raised, its follow-up its action, with the history the session kept.
    const matters = ws
      .matters()
      .map((m) => [
        m.actions.map((a) => a.action).join(),
        m.status,
        m.owner,
        m.due,
        m.escalation?.department ?? "",
      ]);
    expect(matters).toEqual([
      ["引进新物业公司进驻鸿雁小区", "resolved", "老城路社区", "2024-01-26", ""],
      ["更换鸿雁小区电表、整改老化线路", "resolved", "网格员 张三", "2024-01-31", "电力局"],
      ["社区院内每晚8点广场舞，联系管老师授课", "open", "海尼木古力·巴依丁", "2024-02-01", ""],
      ["大华商城停车位问题登记入册，上报街道党工委研讨", "escalated", "刘勇", "2024-02-15", "街道党工委"],
    ]);
    const wiring = ws.matters()[1]!;
    expect(wiring).toMatchObject({ urgent: true, anonymous: true, raisedBy: "", raisedOn: "2024-01-21" });
    expect(wiring.history.map((h) => h.kind)).toEqual(["created", "created", "escalate", "resolve"]);
    expect(ws.state.sessions.map((s) => s.id)).toEqual([SAMPLE_SESSION_ID]);

    // A second load (another start of the app) moves nothing twice.
    await catalogue.refresh();
    expect(communities.list()).toHaveLength(4);
    expect(ws.matters()).toHaveLength(4);
    expect(ws.matters()[1]!.history).toHaveLength(4);
    await Promise.all(communities.list().map(async (c) => (await communities.open(c.id)).dispose()));
  }, 60_000);
});
