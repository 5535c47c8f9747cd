// @vitest-environment happy-dom
// A session removed from this tablet stays removed while the community's sync holds a loaded copy of it:
// the copy is dropped without writing back, and an update for it, arriving after the removal or already on
// its way, brings back neither its rows nor its catalogue row.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteDB } from "idb";
import * as Y from "yjs";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { addAgendaItem } from "../../src/doc/session/agenda.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { initWorkspace } from "../../src/doc/community/workspaceDoc.ts";
import { getSessionSummary, listSessions, putSessionSummary } from "../../src/persistence/catalogue.ts";
import { openYishiDb, sessionBytes, type YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { createCommunityDocs, type CommunityDocs } from "../../src/reactive/communityDocs.ts";
import type { CommunityHandle } from "../../src/reactive/communityHandle.ts";
import { removeSessionWithUndo } from "../../src/reactive/removeSession.ts";
import { summarize } from "../../src/reactive/summary.ts";
import { isSessionRemovedHere } from "../../src/sync/deviceSettings.ts";
import { markSyncOrigin } from "../../src/sync/syncOrigins.ts";

// Each test its own session: what this tablet removed is remembered for the whole run.
let ID: string;
let NAME: string;
const TIMEOUT = 30_000;
let db: YishiDatabase;
let dbName: string;
let docs: CommunityDocs;
const appDb = (): AppDb => ({ current: db, onReplaced: () => () => {} });
/** The peers' mux, as the loaded copies see it: an origin whose updates are stored and listed. */
const mux = {};
markSyncOrigin(mux, "peers");

/** A community whose workspace lists the session (the parts of a handle the community's sync reads). */
function community(): CommunityHandle {
  const doc = initWorkspace(new Y.Doc(), { id: "c1", name: "老城路社区" });
  return {
    id: "c1",
    doc,
    state: { sessions: [{ id: ID }], meta: { timeZone: "Asia/Shanghai" } },
    load: () => {},
  } as unknown as CommunityHandle;
}

/** Stores the session and its catalogue row; returns a peer's copy of it. */
async function storeSession(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, ID, doc);
  await store.whenSynced;
  initSessionDoc(doc, {
    id: ID,
    talkPoint: { id: "tp", name: "有一说一说事点", community: "老城路社区", location: "幸福路" },
    title: "议事",
    startsAt: "2024-01-21T10:00:00+08:00",
    communityId: "c1",
  });
  await store.destroy();
  await putSessionSummary(db, summarize(snapshot(doc)));
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  return peer;
}

/** A peer's new agenda item for the session, as an update. */
function peerEdit(peer: Y.Doc, title: string): Uint8Array {
  const before = Y.encodeStateVector(peer);
  addAgendaItem(peer, { title });
  return Y.encodeStateAsUpdate(peer, before);
}

const receive = (update: Uint8Array) => docs.withDoc(NAME, (doc) => Y.applyUpdate(doc, update, mux));

async function expectGone(): Promise<void> {
  await new Promise((r) => setTimeout(r, 500)); // past the loaded copy's publish delay
  await docs.dispose(); // releases every loaded copy (writes back and publishes what it holds)
  expect(await sessionBytes(db, ID)).toBe(0);
  expect(await getSessionSummary(db, ID)).toBeUndefined();
  expect((await listSessions(db)).map((s) => s.id)).not.toContain(ID);
  expect(isSessionRemovedHere(ID)).toBe(true);
}

beforeEach(async () => {
  ID = `s${crypto.randomUUID().slice(0, 8)}`;
  NAME = `session/${ID}`;
  dbName = `yishi-test-${crypto.randomUUID()}`;
  db = await openYishiDb(dbName);
  docs = createCommunityDocs(appDb(), community());
});
afterEach(async () => {
  await docs.dispose();
  db.close();
  await deleteDB(dbName);
});

describe("removing a session the community's sync holds a copy of", () => {
  it(
    "drops the loaded copy: an update arriving afterwards brings back no rows and no list row",
    async () => {
      const peer = await storeSession();
      await receive(peerEdit(peer, "停车")); // the copy is loaded, changed by a peer, not yet published
      await removeSessionWithUndo(db, ID);
      await receive(peerEdit(peer, "广场舞")).catch(() => {}); // refused or dropped: either is fine
      await expectGone();
    },
    TIMEOUT,
  );

  it(
    "drops an update already on its way when the removal starts",
    async () => {
      const peer = await storeSession();
      await receive(peerEdit(peer, "停车"));
      const inFlight = receive(peerEdit(peer, "广场舞")).catch(() => {});
      await removeSessionWithUndo(db, ID);
      await inFlight;
      await expectGone();
    },
    TIMEOUT,
  );

  it(
    "a copy loaded for a digest of a session not listed yet is not listed after its removal",
    async () => {
      await storeSession();
      const digests = docs.digests();
      await removeSessionWithUndo(db, ID);
      await digests;
      await expectGone();
    },
    TIMEOUT,
  );

  it(
    "Undo brings it back whole, and the community's sync serves it again",
    async () => {
      const peer = await storeSession();
      await receive(peerEdit(peer, "停车"));
      const undo = await removeSessionWithUndo(db, ID);
      await undo();
      expect(isSessionRemovedHere(ID)).toBe(false);
      const titles = await docs.withDoc(NAME, (doc) => snapshot(doc).agenda.map((a) => a.title));
      expect(titles).toEqual(["停车"]);
      expect(await getSessionSummary(db, ID)).toBeDefined();
    },
    TIMEOUT,
  );
});
