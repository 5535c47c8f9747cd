// @vitest-environment happy-dom
// The digest in a session's catalogue row is what the community's sync compares with the peers' after a
// reload: it is written only once the rows it describes are committed, never for edits still waiting to be
// written (a reload would lack them, and a peer holding them would compare equal and never send them).
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteDB } from "idb";
import * as Y from "yjs";
import { addAgendaItem } from "../../src/doc/session/agenda.ts";
import { docDigest } from "../../src/doc/digest.ts";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { getSessionSummary } from "../../src/persistence/catalogue.ts";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import { SessionStore } from "../../src/persistence/sessionStore.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { openSession, type SessionHandle } from "../../src/reactive/sessionHandle.ts";

const ID = "s1";
const TIMEOUT = 30_000;
let db: YishiDatabase;
let name: string;
let rowsHeld: boolean;
const handles: SessionHandle[] = [];

/** The database as the app sees it, except that while `rowsHeld` no session row can be written yet. */
function gated(): YishiDatabase {
  return new Proxy(db, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key !== "transaction") return typeof value === "function" ? value.bind(target) : value;
      return (stores: string | string[], mode?: IDBTransactionMode, ...rest: unknown[]) => {
        const names = typeof stores === "string" ? [stores] : stores;
        if (rowsHeld && mode === "readwrite" && names.includes("updates"))
          throw new DOMException("the rows are not written yet", "QuotaExceededError");
        return (target.transaction as (...args: unknown[]) => unknown)(stores, mode, ...rest);
      };
    },
  });
}
const appDb = (): AppDb => ({ current: gated(), onReplaced: () => () => {} });

beforeEach(async () => {
  name = `yishi-test-${crypto.randomUUID()}`;
  db = await openYishiDb(name);
  rowsHeld = false;
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0));
});
afterEach(async () => {
  rowsHeld = false;
  for (const h of handles.splice(0)) await h.dispose().catch(() => {});
  vi.unstubAllGlobals();
  db.close();
  await deleteDB(name);
});

async function storeSession(): Promise<void> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, ID, doc);
  await store.whenSynced;
  initSessionDoc(doc, {
    id: ID,
    talkPoint: { id: "tp", name: "有一说一说事点", community: "老城路社区", location: "幸福路" },
    title: "议事",
    startsAt: "2024-01-21T10:00:00+08:00",
  });
  addAgendaItem(doc, { title: "电表改造" });
  await store.destroy();
}

/** The digest of what the session's rows hold (a reload's state). */
async function storedDigest(): Promise<string> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, ID, doc);
  await store.whenSynced;
  await store.destroy();
  return docDigest(doc);
}

const until = async (check: () => Promise<boolean>, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe("the digest in a session's catalogue row", () => {
  it(
    "describes committed rows only: none while an edit waits to be written, the right one once it is",
    async () => {
      await storeSession();
      const h = await openSession(appDb(), ID);
      handles.push(h);
      await h.flush();
      await until(
        async () => (await getSessionSummary(db, ID))?.digest === (await storedDigest()),
        "a digest",
      );

      rowsHeld = true;
      h.actions.agenda.addAgendaItem({ title: "垃圾分类" });
      await new Promise((r) => setTimeout(r, 50));
      window.dispatchEvent(new Event("pagehide")); // the row is saved at once, as before a reload
      await new Promise((r) => setTimeout(r, 200));
      const summary = await getSessionSummary(db, ID);
      expect(summary?.counts).toBeDefined();
      const onDisk = await storedDigest();
      if (summary?.digest !== undefined) expect(summary.digest).toBe(onDisk);

      rowsHeld = false; // the store's retry writes the row; the digest follows it
      await until(async () => {
        const digest = (await getSessionSummary(db, ID))?.digest;
        return digest !== undefined && digest !== onDisk && digest === (await storedDigest());
      }, "the digest of the written edit");
    },
    TIMEOUT,
  );
});
