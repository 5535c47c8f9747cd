// @vitest-environment happy-dom
// Sharing is not an edit of the session: the join code lives on this device, Undo never takes it back, and
// an older app's code inside the document is moved out of it on open.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteDB } from "idb";
import * as Y from "yjs";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { openSession, type SessionHandle } from "../../src/reactive/sessionHandle.ts";
import { setRoleIn, setShareCodeOf, shareCodeOf } from "../../src/sync/deviceSettings.ts";
import { parseShareCode } from "../../src/sync/shareCode.ts";

const connect = vi.fn(async (_code: string) => {});
vi.mock("../../src/reactive/sessionSync.ts", async () => {
  const { createSignal } = await import("solid-js");
  return {
    createSessionSync: () => {
      const [code] = createSignal(null);
      return {
        status: () => null,
        presence: () => [],
        wrongKey: () => false,
        code,
        connect,
        disconnect: async () => {},
      };
    },
  };
});

const ID = "shared-1";
let db: YishiDatabase;
let name: string;
const handles: SessionHandle[] = [];
const appDb = (): AppDb => ({ current: db, onReplaced: () => () => {} });

beforeEach(async () => {
  name = `yishi-test-${crypto.randomUUID()}`;
  db = await openYishiDb(name);
  localStorage.clear();
  connect.mockClear();
});
afterEach(async () => {
  for (const h of handles.splice(0)) await h.dispose();
  db.close();
  await deleteDB(name);
});

async function storeSession(extra: (doc: Y.Doc) => void = () => {}): Promise<void> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, ID, doc);
  await store.whenSynced;
  initSessionDoc(doc, {
    id: ID,
    talkPoint: { id: "tp", name: "有一说一说事点", community: "老城路社区", location: "幸福路" },
    title: "议事",
    startsAt: "2024-01-21T10:00:00+08:00",
  });
  extra(doc);
  await store.destroy();
}

async function open(): Promise<SessionHandle> {
  const h = await openSession(appDb(), ID);
  handles.push(h);
  return h;
}

describe("the join code", () => {
  it("is kept on this device, not in the document, and Undo right after Share leaves it", async () => {
    await storeSession();
    const h = await open();
    h.actions.agenda.addAgendaItem({ title: "电表" });
    h.share();
    const code = shareCodeOf(ID);
    expect(code).toMatchObject({ paused: false });
    expect(connect).toHaveBeenLastCalledWith(code!.code);
    h.undo();
    expect(h.state.agenda).toHaveLength(0);
    expect(shareCodeOf(ID)).toEqual(code);
    expect(h.canUndo()).toBe(false);
    await h.flush();
    const stored = new Y.Doc();
    const store = new SessionStore(db, ID, stored);
    await store.whenSynced;
    expect(stored.getMap("meta").has("shareCode")).toBe(false);
    await store.destroy();
  });

  it("an older app's code in the document moves to this device on open, and the room is rejoined", async () => {
    await storeSession((doc) => doc.getMap("meta").set("shareCode", "K7QD-3M9X-F2PA-W8TN"));
    const h = await open();
    expect(shareCodeOf(ID)).toEqual({ code: "K7QD-3M9X-F2PA-W8TN", paused: false });
    expect(connect).toHaveBeenCalledWith("K7QD-3M9X-F2PA-W8TN");
    await h.flush();
    const stored = new Y.Doc();
    const store = new SessionStore(db, ID, stored);
    await store.whenSynced;
    expect(stored.getMap("meta").has("shareCode")).toBe(false);
    await store.destroy();
  });

  it("is a staff code; an older 16-character code gets a write secret once, keeping its room and key", async () => {
    await storeSession();
    setShareCodeOf(ID, "K7QD-3M9X-F2PA-W8TN");
    const h = await open();
    expect(connect).toHaveBeenLastCalledWith("K7QD-3M9X-F2PA-W8TN");
    expect(h.share()).toBe(true);
    const code = parseShareCode(shareCodeOf(ID)!.code)!;
    expect(code.code).toBe("K7QD3M9XF2PAW8TN");
    expect(code.write).toMatch(/^[0-9A-Z]{10}$/);
    expect(connect).toHaveBeenLastCalledWith(shareCodeOf(ID)!.code);
    // Told once: the next Share keeps the same staff code.
    expect(h.share()).toBe(false);
    expect(parseShareCode(shareCodeOf(ID)!.code)).toEqual(code);
  });

  it("a display keeps its display code: it makes no write secret", async () => {
    await storeSession();
    setShareCodeOf(ID, "K7QD-3M9X-F2PA-W8TN");
    setRoleIn(ID, "display");
    const h = await open();
    expect(h.share()).toBe(false);
    expect(shareCodeOf(ID)!.code).toBe("K7QD-3M9X-F2PA-W8TN");
  });
});
