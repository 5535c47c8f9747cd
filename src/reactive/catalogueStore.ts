// The home screen's data: talk points (from the communities' workspaces) and session summaries (from
// IndexedDB), and the actions that change them. Talk points an older app kept on this tablet only are moved
// into workspaces on the first load.
import { createMemo, createSignal, type Accessor } from "solid-js";
import { isOpenStatus } from "../doc/community/lifecycle.ts";
import { newId } from "../doc/ids.ts";
import { addReportBack } from "../doc/session/reportBack.ts";
import { initSessionDoc } from "../doc/session/sessionDoc.ts";
import type { TalkPoint } from "../doc/talkPoint.ts";
import { translate, lang } from "../i18n/i18n.ts";
import {
  deleteTalkPoint,
  listSessions,
  listTalkPoints,
  type SessionSummary,
} from "../persistence/catalogue.ts";
import { deviceName } from "../sync/deviceSettings.ts";
// Moving talk points into workspaces is rare work (an upgrade, sample data, a saved talk point): loaded then.
const adopting = () => import("./adoptTalkPoints.ts");
import { needsRegisterUpgrade } from "./registerVersion.ts";
import type { AppDb } from "./appDb.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import type { Communities } from "./communities.ts";
import { reportError } from "./notices.ts";
import { storeNewDoc } from "./storeNewDoc.ts";
import { onSessionsChanged } from "./sessionsChanged.ts";
import { removeSessionWithUndo } from "./removeSession.ts";

/** A talk point as the home screen lists it: with its community's name and id. */
export type ListedTalkPoint = TalkPoint & { communityId: string; timeZone: string };

export interface Catalogue {
  talkPoints: Accessor<ListedTalkPoint[]>;
  sessions: Accessor<SessionSummary[]>;
  loaded: Accessor<boolean>;
  refresh(): Promise<void>;
  saveTalkPoint(tp: TalkPoint): Promise<boolean>;
  removeTalkPoint(id: string): Promise<void>;
  /** Takes a talk point's deletion back (its community's workspace keeps deleted talk points). */
  restoreTalkPoint(id: string): Promise<void>;
  /** Creates and stores a new session document; resolves to its id. */
  startSession(tp: ListedTalkPoint, init: { title: string; startsAt: string }): Promise<string | undefined>;
  /** Deletes a session from this tablet; resolves to its undo (undefined when the delete failed). */
  removeSession(id: string): Promise<(() => Promise<void>) | undefined>;
  loadSampleData(): Promise<void>;
}

/** One loading of the sample at a time: a second tap waits for the first. */
let sampleLoading: Promise<void> | null = null;

/** The talk points of an open workspace, as the home screen lists them (deleted ones left out). */
function listedOf(ws: CommunityHandle): ListedTalkPoint[] {
  return ws.state.talkPoints
    .filter((tp) => !tp.deleted)
    .map((tp) => ({
      id: tp.id,
      name: tp.name,
      community: ws.state.meta.name,
      communityId: ws.id,
      timeZone: ws.state.meta.timeZone,
      location: tp.location,
      facilitator: tp.facilitator,
      schedule: tp.schedule,
      createdAt: tp.createdAt,
      updatedAt: tp.createdAt,
    }));
}

/** Loads the catalogue and returns it with its actions. */
export function createCatalogue(appDb: AppDb, communities: Communities): Catalogue {
  const db = () => appDb.current;
  const [open, setOpen] = createSignal<CommunityHandle[]>([]);
  const [sessions, setSessions] = createSignal<SessionSummary[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const talkPoints = createMemo(() =>
    open()
      .flatMap(listedOf)
      .sort((a, b) => a.name.localeCompare(b.name, "zh") || (a.id < b.id ? -1 : 1)),
  );

  const refresh = async () => {
    // Talk points an older app kept here only: into the workspaces of their communities, once.
    const legacy = await listTalkPoints(db());
    if (legacy.length > 0) {
      await (await adopting()).adoptTalkPoints(appDb, communities, legacy);
      for (const tp of legacy) await deleteTalkPoint(db(), tp.id);
    }
    await communities.refresh();
    const handles = await Promise.all(communities.list().map((c) => communities.open(c.id)));
    // A register an older version wrote counts per follow-up: this version counts every issue raised.
    const older = handles.filter(needsRegisterUpgrade);
    if (older.length > 0) {
      const { upgradeRegister } = await import("./upgradeRegister.ts");
      for (const ws of older) await upgradeRegister(appDb, ws);
    }
    setOpen(handles);
    setSessions(await listSessions(db()));
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
  // Sessions that arrive from paired tablets in the background show up in the list.
  onSessionsChanged(() => void listSessions(db()).then(setSessions).catch(reportError));

  const workspaceOf = (talkPointId: string) =>
    open().find((ws) => ws.state.talkPoints.some((tp) => tp.id === talkPointId));

  return {
    talkPoints,
    sessions,
    loaded,
    refresh,
    saveTalkPoint: async (tp) =>
      (await guard(async () => {
        const { adoptTalkPoints } = await adopting();
        const current = workspaceOf(tp.id);
        if (current && current.state.meta.name === (tp.community.trim() || "社区")) {
          const { name, location, facilitator, schedule } = tp;
          const patch = { name, location, facilitator, schedule };
          if (!current.actions.talkPoints.updateTalkPoint(tp.id, patch)) return false;
        } else {
          // A new talk point, or one moved to another community: it goes to the community of that name. A
          // moved one takes none of its sessions and matters along: they stay where they were held and
          // counted, so no register or report holds them twice.
          if (current && !current.actions.talkPoints.setTalkPointDeleted(tp.id, true)) return false;
          await adoptTalkPoints(appDb, communities, [tp], { withSessions: !current });
        }
        await Promise.all(open().map((ws) => ws.flush()));
        return true;
      })) === true,
    removeTalkPoint: async (id) =>
      void (await guard(async () => {
        // Through the workspace's actions: they load its state first if it still shows its view.
        workspaceOf(id)?.actions.talkPoints.setTalkPointDeleted(id, true);
      })),
    restoreTalkPoint: async (id) =>
      void (await guard(async () => {
        workspaceOf(id)?.actions.talkPoints.setTalkPointDeleted(id, false);
      })),
    startSession: (tp, init) =>
      guard(async () => {
        const id = newId();
        const ws = open().find((w) => w.id === tp.communityId);
        ws?.load();
        // The talk point's matters still open are reported back on first (逐一反馈).
        const pending = ws
          ? ws.matters().filter((m) => m.talkPointId === tp.id && isOpenStatus(m.status))
          : [];
        await storeNewDoc(db(), id, (doc) => {
          initSessionDoc(doc, {
            id,
            communityId: tp.communityId,
            timeZone: tp.timeZone,
            talkPoint: { id: tp.id, name: tp.name, community: tp.community, location: tp.location },
            title: init.title,
            startsAt: init.startsAt,
            facilitator: tp.facilitator,
            // A secretary's tablet that starts the session records it.
            recorder: ws?.role === "secretary" ? deviceName() : "",
          });
          const items = pending.map((m) => ({ id: m.id, text: m.text, statusThen: m.status }));
          addReportBack(doc, translate(lang(), "reportBack.title", { n: items.length }), items);
        });
        return id;
      }),
    removeSession: async (id) => {
      const undo = await guard(() => removeSessionWithUndo(db(), id));
      return undo && (() => guard(undo));
    },
    loadSampleData: async () =>
      void (await guard(async () => {
        sampleLoading ??= import("./loadSample.ts").then((m) => m.loadSample(appDb, communities));
        try {
          await sampleLoading;
        } finally {
          sampleLoading = null;
        }
      })),
  };
}
