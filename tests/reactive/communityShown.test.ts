// @vitest-environment happy-dom
// A community's workspace opens from its stored view, and its Yjs state follows the paint of the screen that
// shows it: every community is opened at start-up for the home screen's lists, before the register's page
// renders, so the first frame after opening need not show it. Without such a screen, the state follows a
// second later.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteDB } from "idb";
import { initWorkspace } from "../../src/doc/community/workspaceDoc.ts";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { openCommunity, type CommunityHandle } from "../../src/reactive/communityHandle.ts";
import { storeNewWorkspace } from "../../src/reactive/communities.ts";
import { SHOWN_FALLBACK_MS } from "../../src/reactive/storedDoc.ts";

let db: YishiDatabase;
let name: string;
let frames: FrameRequestCallback[];
const handles: CommunityHandle[] = [];
const appDb = (): AppDb => ({ current: db, onReplaced: () => () => {} });
const paint = async () => {
  const due = frames.splice(0);
  due.forEach((cb) => cb(performance.now()));
  await new Promise((r) => setTimeout(r, 20)); // the task after the frame
};

beforeEach(async () => {
  name = `yishi-test-${crypto.randomUUID()}`;
  db = await openYishiDb(name);
  frames = [];
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
  await storeNewWorkspace(appDb(), (doc) => initWorkspace(doc, { id: "c1", name: "老城路社区" }), "c1");
});
afterEach(async () => {
  for (const h of handles.splice(0)) await h.dispose();
  vi.unstubAllGlobals();
  db.close();
  await deleteDB(name);
});

async function open(): Promise<CommunityHandle> {
  const h = await openCommunity(appDb(), "c1");
  handles.push(h);
  return h;
}

describe("a community opened from its view", () => {
  it("shows the view at once and applies its state after the paint of the screen that shows it", async () => {
    const h = await open();
    expect(h.state.meta.name).toBe("老城路社区");
    await paint(); // a frame of whatever screen is up: not the one that shows this community
    expect(h.loaded()).toBe(false);
    h.shown();
    expect(h.loaded()).toBe(false);
    await paint();
    expect(h.loaded()).toBe(true);
  });

  it("applies its state a second after opening when no screen says it shows it", async () => {
    const h = await open();
    await paint();
    await new Promise((r) => setTimeout(r, SHOWN_FALLBACK_MS / 2));
    expect(h.loaded()).toBe(false);
    await new Promise((r) => setTimeout(r, SHOWN_FALLBACK_MS));
    expect(h.loaded()).toBe(true);
  });

  it("applies it at once when an edit comes first", async () => {
    const h = await open();
    h.load();
    expect(h.loaded()).toBe(true);
  });
});
