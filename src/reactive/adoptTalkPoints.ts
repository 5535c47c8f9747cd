// Moving talk points and their sessions into community workspaces: what an older app kept on this tablet
// only (talk points in their own store, follow-ups inside each session), and the sample data. Each talk
// point goes to the workspace of its community (made when missing), each of its sessions is linked to that
// community, and every issue becomes a register matter. Safe to run again: nothing is made twice.
import * as Y from "yjs";
import { digest } from "lib0/hash/sha256";
import { toBase64 } from "lib0/buffer";
import { sessionSource, syncSessionIntoWorkspace } from "../doc/community/fromSession.ts";
import { actorOf, setActor } from "../doc/device.ts";
import { readCommunityMeta } from "../doc/community/readers.ts";
import { addTalkPoint } from "../doc/community/talkPoints.ts";
import { initWorkspace } from "../doc/community/workspaceDoc.ts";
import { isReadOnly, REPAIR_ORIGIN, transactWritable } from "../doc/session/sessionDoc.ts";
import { snapshot } from "../doc/session/snapshot.ts";
import type { TalkPoint } from "../doc/talkPoint.ts";
import { listSessions } from "../persistence/catalogue.ts";
import { getCommunity, putCommunity } from "../persistence/communities.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import type { AppDb } from "./appDb.ts";
import { storeNewWorkspace, type Communities } from "./communities.ts";

/** The same id for the same community name on every tablet, so two tablets moving it agree. */
export function communityIdForName(name: string): string {
  const hash = toBase64(digest(new TextEncoder().encode(`yishi-community:${name.trim()}`)));
  return `c-${hash.replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}`;
}

/** Runs `fn` on a stored session document (loaded, then flushed and closed). */
export async function withSession<T>(appDb: AppDb, id: string, fn: (doc: Y.Doc) => T): Promise<T> {
  const doc = new Y.Doc();
  const store = new SessionStore(appDb.current, id, doc);
  try {
    await store.whenSynced;
    const result = fn(doc);
    await store.flush();
    return result;
  } finally {
    await store.destroy();
    doc.destroy();
  }
}

/**
 * Puts `talkPoints` (and the stored sessions of each) into the workspaces of their communities, through
 * the registry's open workspaces (so a screen showing one sees the change); resolves to the communities'
 * ids.
 */
export async function adoptTalkPoints(
  appDb: AppDb,
  communities: Communities,
  talkPoints: readonly TalkPoint[],
  options: { withSessions?: boolean; signAs?: string } = {},
): Promise<string[]> {
  const byCommunity = new Map<string, TalkPoint[]>();
  for (const tp of talkPoints) {
    const name = tp.community.trim() || "社区";
    byCommunity.set(name, [...(byCommunity.get(name) ?? []), tp]);
  }
  const sessions = await listSessions(appDb.current);
  const ids: string[] = [];
  for (const [name, tps] of byCommunity) {
    // A community of that name already on this tablet takes them; else the one every tablet names alike.
    const id = communities.list().find((c) => c.name === name)?.id ?? communityIdForName(name);
    ids.push(id);
    if (!(await getCommunity(appDb.current, id))) {
      await storeNewWorkspace(appDb, (doc) => initWorkspace(doc, { id, name }), id);
      await putCommunity(appDb.current, { id, name, code: null, role: "facilitator", addedAt: Date.now() });
      await communities.refresh();
    }
    const ws = await communities.open(id);
    ws.load();
    // The sample's records are signed by its own tablets, not by this one (only while writing them).
    const signed = (write: () => void) => {
      const before = actorOf(ws.doc);
      if (options.signAs !== undefined) setActor(ws.doc, options.signAs);
      try {
        write();
      } finally {
        setActor(ws.doc, before);
      }
    };
    signed(() => {
      for (const tp of tps) {
        const { name: tpName, location, facilitator, schedule, createdAt } = tp;
        addTalkPoint(ws.doc, { name: tpName, location, facilitator, schedule }, tp.id, createdAt);
      }
    });
    const timeZone = readCommunityMeta(ws.doc).timeZone;
    // A talk point moved to another community leaves its sessions and matters where they were held.
    const mine = new Set(options.withSessions === false ? [] : tps.map((tp) => tp.id));
    for (const summary of sessions.filter((s) => mine.has(s.talkPointId))) {
      const state = await withSession(appDb, summary.id, (session) => {
        // The session learns its community (a repair: allowed in a locked session, never on a display).
        if (!isReadOnly(session) && session.getMap("meta").get("communityId") !== id) {
          transactWritable(session, (r) => r.meta.set("communityId", id), REPAIR_ORIGIN);
        }
        return sessionSource(session, snapshot(session));
      });
      signed(() => syncSessionIntoWorkspace(ws.doc, state, timeZone));
    }
    await ws.flush();
  }
  return ids;
}
