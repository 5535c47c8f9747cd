// The home screen's data: talk points and session summaries from IndexedDB, and the actions that change them.
import * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import { newId } from "../doc/ids.ts";
import { buildSampleSession, SAMPLE_SESSION_ID, sampleTalkPoints } from "../doc/session/sampleData.ts";
import { initSessionDoc } from "../doc/session/sessionDoc.ts";
import { VIEW_VERSION } from "../doc/session/schema.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import type { TalkPoint } from "../doc/talkPoint.ts";
import {
  deleteSession,
  deleteTalkPoint,
  getSessionSummary,
  listSessions,
  listTalkPoints,
  putSessionSummary,
  putTalkPoint,
  type SessionSummary,
} from "../persistence/catalogue.ts";
import type { YishiDatabase } from "../persistence/db.ts";
import type { AppDb } from "./appDb.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { summarize } from "./summary.ts";
import { reportError } from "./notices.ts";

export interface Catalogue {
  talkPoints: Accessor<TalkPoint[]>;
  sessions: Accessor<SessionSummary[]>;
  loaded: Accessor<boolean>;
  refresh(): Promise<void>;
  saveTalkPoint(tp: TalkPoint): Promise<boolean>;
  removeTalkPoint(id: string): Promise<void>;
  /** Creates and stores a new session document; resolves to its id. */
  startSession(tp: TalkPoint, init: { title: string; startsAt: string }): Promise<string | undefined>;
  removeSession(id: string): Promise<void>;
  loadSampleData(): Promise<void>;
}

/**
 * Builds a new session document with storage attached first, so every change is saved, and lists it.
 * Its view is stored too (on destroy), so the session's first open is as quick as the next ones.
 */
async function storeNewDoc(db: YishiDatabase, id: string, build: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  const store = new SessionStore(db, id, doc, { view: { version: VIEW_VERSION, read: () => snapshot(doc) } });
  try {
    await store.whenSynced;
    build(doc);
    await store.flush();
    await putSessionSummary(db, summarize(snapshot(doc)));
  } finally {
    await store.destroy();
    doc.destroy();
  }
}

/** Loads the catalogue and returns it with its actions. */
export function createCatalogue(appDb: AppDb): Catalogue {
  const db = () => appDb.current;
  const [talkPoints, setTalkPoints] = createSignal<TalkPoint[]>([]);
  const [sessions, setSessions] = createSignal<SessionSummary[]>([]);
  const [loaded, setLoaded] = createSignal(false);

  const refresh = async () => {
    const [tps, ss] = await Promise.all([listTalkPoints(db()), listSessions(db())]);
    setTalkPoints(tps.sort((a, b) => a.name.localeCompare(b.name, "zh")));
    setSessions(ss);
    setLoaded(true);
  };
  const guard = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      reportError(error);
      return undefined;
    } finally {
      await refresh().catch(reportError);
    }
  };
  void refresh().catch(reportError);

  return {
    talkPoints,
    sessions,
    loaded,
    refresh,
    saveTalkPoint: async (tp) =>
      (await guard(async () => {
        await putTalkPoint(db(), { ...tp, updatedAt: Date.now() });
        return true;
      })) === true,
    removeTalkPoint: async (id) => void (await guard(() => deleteTalkPoint(db(), id))),
    startSession: (tp, init) =>
      guard(async () => {
        const id = newId();
        await storeNewDoc(db(), id, (doc) =>
          initSessionDoc(doc, {
            id,
            talkPoint: { id: tp.id, name: tp.name, community: tp.community, location: tp.location },
            title: init.title,
            startsAt: init.startsAt,
            facilitator: tp.facilitator,
          }),
        );
        return id;
      }),
    removeSession: async (id) => void (await guard(() => deleteSession(db(), id))),
    loadSampleData: async () =>
      void (await guard(async () => {
        const tps = sampleTalkPoints();
        for (const tp of tps) await putTalkPoint(db(), tp);
        if (!(await getSessionSummary(db(), SAMPLE_SESSION_ID))) {
          await storeNewDoc(db(), SAMPLE_SESSION_ID, (doc) => buildSampleSession(doc, tps[0]!));
        }
      })),
  };
}
