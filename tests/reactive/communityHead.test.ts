// A register's first screen from its stored head: the community's registry hands it out while the workspace
// is still being read (the register's first HEAD_ROWS matters in the default order, as listed, and the
// total), and no longer once the workspace is open; a head that is not one (damaged, another community's)
// is not shown. The registry opens a workspace with this tablet's role even when asked before its list is read.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteDB } from "idb";
import * as Y from "yjs";
import { queryMatters } from "../../src/doc/community/registerQuery.ts";
import { isDeviceReadOnly } from "../../src/doc/device.ts";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import { putCommunity } from "../../src/persistence/communities.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { openCommunity } from "../../src/reactive/communityHandle.ts";
import { createCommunities, storeNewWorkspace } from "../../src/reactive/communities.ts";
import { HEAD_ROWS, headFrom, headOf, isCommunityHead } from "../../src/reactive/communityView.ts";
import { buildRegisterWorkspace } from "../bench/registerWorkspace.ts";

let db: YishiDatabase;
let name: string;
const appDb = (): AppDb => ({ current: db, onReplaced: () => () => {} });
const MATTERS = 120;

beforeEach(async () => {
  name = `yishi-test-${crypto.randomUUID()}`;
  db = await openYishiDb(name);
  const { update } = buildRegisterWorkspace({ id: "c1", matters: MATTERS, sessions: 12 });
  await storeNewWorkspace(appDb(), (doc) => Y.applyUpdate(doc, update), "c1");
  await putCommunity(db, { id: "c1", name: "老城路社区", code: null, role: "display", addedAt: 0 });
  // Opened once by an app that stores heads: its view is stored again with one.
  const h = await openCommunity(appDb(), "c1");
  h.load();
  await h.dispose();
});
afterEach(async () => {
  db.close();
  await deleteDB(name);
});

describe("the register's stored head", () => {
  it("is handed out before the workspace opens: the first rows in the default order and the total", async () => {
    const communities = createCommunities(appDb());
    const head = await communities.head("c1");
    expect(communities.opened("c1")).toBeUndefined();
    const handle = await communities.open("c1");
    expect(head?.total).toBe(MATTERS);
    expect(head?.state.meta.name).toBe(handle.state.meta.name);
    expect(head?.state.directory).toEqual(handle.state.directory);
    const order = queryMatters(handle.matters(), {}, "").slice(0, HEAD_ROWS);
    expect(head?.matters.map((m) => m.id)).toEqual(order.map((m) => m.id));
    expect(head?.matters.map((m) => m.status)).toEqual(order.map((m) => m.status));
    expect(head?.matters.every((m) => m.history.length === 0)).toBe(true); // as listed: no histories
    expect(await communities.head("c1")).toBeNull(); // open now: the register shows the workspace
    await handle.dispose();
  });

  it("opens the workspace with this tablet's role when asked before the list is read", async () => {
    const communities = createCommunities(appDb());
    const handle = await communities.open("c1");
    expect(handle.role).toBe("display");
    expect(isDeviceReadOnly(handle.doc)).toBe(true);
    await handle.dispose();
  });

  it("is not shown when it is not a head of this community", async () => {
    const h = await openCommunity(appDb(), "c1");
    h.load();
    const good = headOf(h.state, h.matters());
    await h.dispose();
    expect(isCommunityHead(good, "c1")).toBe(true);
    expect(headFrom(good, "c2")).toBeNull();
    for (const bad of [
      null,
      "head",
      { ...good, total: good.matters.length - 1 },
      { ...good, total: "120" },
      { ...good, matters: [...good.matters, null] },
      { ...good, matters: {} },
      { ...good, state: { ...good.state, directory: "电力局" } },
      { ...good, state: null },
    ])
      expect(headFrom(bad, "c1")).toBeNull();
  });
});
