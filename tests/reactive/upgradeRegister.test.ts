// @vitest-environment happy-dom
// A tablet that ran the previous version (register of one matter per follow-up) upgrades. The database is
// the one that version wrote (tests/fixtures/db-v3-register.json, made by the app at commit e8fba83 from the
// sample data, a second follow-up on an issue, an issue settled at the table with no follow-up, a follow-up
// of no issue, a guest's status change, register steps of every kind and the next session's report-back).
// Every follow-up becomes an action of its issue's matter, every issue is a matter, nothing is lost or doubled.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteDB, openDB } from "idb";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { createCatalogue } from "../../src/reactive/catalogueStore.ts";
import { createCommunities } from "../../src/reactive/communities.ts";
import { computeReport, reportCommunityOf } from "../../src/doc/community/report.ts";

interface Fixture {
  dbVersion: number;
  communityId: string;
  stores: Record<string, { key: IDBValidKey; value: unknown }[]>;
}
const fixture = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../fixtures/db-v3-register.json"), "utf8"),
) as Fixture;

/** The stored rows as they were: `{ $bytes }` back to bytes. */
function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.$bytes === "string") return new Uint8Array(Buffer.from(o.$bytes, "base64"));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

let name: string;
let db: YishiDatabase | undefined;
beforeEach(() => {
  name = `yishi-upgrade-register-${crypto.randomUUID()}`;
});
afterEach(async () => {
  db?.close();
  await deleteDB(name);
});

async function restoreFixture(): Promise<void> {
  // The schema of that version is this one's (DB_VERSION 3): open it, then put every row back by its key.
  (await openYishiDb(name)).close();
  const raw = await openDB(name, fixture.dbVersion);
  for (const [store, rows] of Object.entries(fixture.stores)) {
    const tx = raw.transaction(store, "readwrite");
    const keyed = tx.store.keyPath === null;
    for (const { key, value } of rows)
      await (keyed ? tx.store.put(decode(value), key) : tx.store.put(decode(value)));
    await tx.done;
  }
  raw.close();
}

describe("upgrading a register of one matter per follow-up", () => {
  it("makes each issue a matter with its follow-ups as actions; nothing lost, nothing doubled", async () => {
    await restoreFixture();
    db = await openYishiDb(name);
    const appDb: AppDb = { current: db, onReplaced: () => () => {} };
    const communities = createCommunities(appDb);
    const catalogue = createCatalogue(appDb, communities);
    await catalogue.refresh();
    const ws = await communities.open(fixture.communityId);
    ws.load();
    const matters = ws.matters();
    const row = (prefix: string) => matters.find((m) => m.text.startsWith(prefix))!;

    // Five issues and one follow-up of no issue: six matters, holding the six follow-ups (one issue has two).
    expect(matters).toHaveLength(6);
    expect(
      matters
        .flatMap((m) => m.actions)
        .map((a) => a.id)
        .sort(),
    ).toHaveLength(6);
    expect(new Set(matters.flatMap((m) => m.actions.map((a) => a.id))).size).toBe(6);
    const wiring = row("小区线路老化");
    expect(wiring.actions.map((a) => [a.action, a.state])).toEqual([
      ["更换鸿雁小区电表、整改老化线路", "done"],
      ["物业公司协助入户检查线路", "open"],
    ]);
    // The issue settled at the table, which had no follow-up, is a matter now.
    expect(row("巷道路灯不亮")).toMatchObject({ status: "open", actions: [] });
    // What was recorded before is all there, each step once.
    expect(row("鸿雁小区（297户）")).toMatchObject({ status: "closed", feedback: { satisfied: true } });
    expect(row("大华商城停车位")).toMatchObject({ status: "acknowledged" });
    expect(row("我们想跳广场舞")).toMatchObject({ status: "inProgress", owner: "海尼木古力·巴依丁" });
    const ids = matters.flatMap((m) => m.history.map((h) => h.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(wiring.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(["escalate", "resolve", "feedback", "resolve", "start"]),
    );

    // The report counts matters: six raised in January 2024, two urgent-hard.
    const report = computeReport({
      communities: [reportCommunityOf({ ...ws.state, matters: ws.matters() } as never)],
      period: { from: "2024-01-01", to: "2024-01-31" },
      scope: {},
      now: Date.UTC(2024, 1, 5),
    });
    expect([report.figures.raised.value, report.figures.urgent.value]).toEqual([6, 2]);
    // The next session was started but never held: it is not in the report.
    expect(report.figures.sessions.value).toBe(1);

    // Another start of the app upgrades nothing twice.
    const before = JSON.stringify(ws.matters());
    await catalogue.refresh();
    expect(JSON.stringify(ws.matters())).toBe(before);
    await Promise.all(communities.list().map(async (c) => (await communities.open(c.id)).dispose()));
  }, 60_000);
});
