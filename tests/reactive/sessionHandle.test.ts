// @vitest-environment happy-dom
// Opening a session from its stored view: the screen's data comes first, the Yjs state after the first
// frame, and an edit made before that still applies to the whole session.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteDB } from "idb";
import * as Y from "yjs";
import { addAgendaItem } from "../../src/doc/session/agenda.ts";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { VIEW_VERSION } from "../../src/doc/session/schema.ts";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { openSession, type SessionHandle } from "../../src/reactive/sessionHandle.ts";

const ID = "s1";
let db: YishiDatabase;
let name: string;
let frames: FrameRequestCallback[];
const handles: SessionHandle[] = [];
const appDb = (): AppDb => ({ current: db, onReplaced: () => () => {} });

beforeEach(async () => {
  name = `yishi-test-${crypto.randomUUID()}`;
  db = await openYishiDb(name);
  frames = [];
  // The deferred load waits for a frame: hold frames here so a test decides when one comes.
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
});
afterEach(async () => {
  for (const h of handles.splice(0)) await h.dispose();
  vi.unstubAllGlobals();
  db.close();
  await deleteDB(name);
});

/** Stores a session with three agenda items, written as the app writes a new one (with its view or not). */
async function storeSession(withView: boolean): Promise<void> {
  const doc = new Y.Doc();
  const view = withView ? { version: VIEW_VERSION, read: () => snapshot(doc) } : undefined;
  const store = new SessionStore(db, ID, doc, { view });
  await store.whenSynced;
  initSessionDoc(doc, {
    id: ID,
    talkPoint: { id: "tp", name: "有一说一说事点", community: "老城路社区", location: "幸福路" },
    title: "议事",
    startsAt: "2024-01-21T10:00:00+08:00",
  });
  for (const title of ["电表改造", "停车", "广场舞"]) addAgendaItem(doc, { title });
  await store.destroy();
}

async function open(): Promise<SessionHandle> {
  const h = await openSession(appDb(), ID);
  handles.push(h);
  return h;
}

/** The session as a plain load from the database sees it. */
async function loadPlain(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, ID, doc);
  await store.whenSynced;
  await store.destroy();
  return doc;
}

describe("openSession", () => {
  it("shows the stored view before loading, and an edit before the load applies to the loaded session", async () => {
    await storeSession(true);
    const h = await open();
    expect(h.state.agenda.map((a) => a.title)).toEqual(["电表改造", "停车", "广场舞"]);
    expect(h.saveStatus()).toBe("loading");
    expect(frames).toHaveLength(1); // the load waits for the first frame

    // The first tap loads the state synchronously, then adds after the three stored items.
    expect(h.actions.agenda.addAgendaItem({ title: "垃圾分类" })).toEqual(expect.any(String));
    expect(h.saveStatus()).not.toBe("loading");
    expect(h.state.agenda.map((a) => a.title)).toEqual(["电表改造", "停车", "广场舞", "垃圾分类"]);
    await h.flush();
    expect(snapshot(await loadPlain()).agenda.map((a) => a.title)).toEqual([
      "电表改造",
      "停车",
      "广场舞",
      "垃圾分类",
    ]);

    // Closing stores the view of what is on screen, equal to what a full load reads.
    await handles.pop()!.dispose();
    expect((await db.get("views", ID))?.data).toEqual(snapshot(await loadPlain()));
  });

  it("loads the state in the task after the first frame", async () => {
    await storeSession(true);
    const h = await open();
    frames.splice(0).forEach((cb) => cb(performance.now()));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.saveStatus()).toBe("saved");
    expect(await h.exportArchive()).toContain('"type"');
  });

  it("does not show a stored view that is not this session's, and loads the state instead", async () => {
    await storeSession(true);
    const row = (await db.get("views", ID))!;
    await db.put("views", { ...row, data: { meta: { id: "another" }, agenda: "not a list" } });
    const h = await open();
    expect(frames).toHaveLength(0);
    expect(h.saveStatus()).toBe("saved");
    expect(h.state.agenda.map((a) => a.title)).toEqual(["电表改造", "停车", "广场舞"]);
  });

  it("without a matching view, resolves once the state is loaded", async () => {
    await storeSession(false);
    const h = await open();
    expect(frames).toHaveLength(0);
    expect(h.saveStatus()).toBe("saved");
    expect(h.state.agenda).toHaveLength(3);
  });
});
