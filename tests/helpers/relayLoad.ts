// The relay's load: communities × sessions of ~200 items pushed through one relay by one tablet each (Node,
// the app's RelaySync), a fresh tablet's first full sync of one community, and the relay process's memory.
import { readFileSync } from "node:fs";
import * as Y from "yjs";
import { readAgenda, readFollowUps, readIssues } from "../../src/doc/session/snapshot.ts";
import { openRelayStore } from "../../src/server/relay/store.ts";
import { buildLargeSession } from "./largeSession.ts";
import { RelayTablet } from "./relayTablet.ts";

export interface LoadShape {
  communities: number;
  sessions: number;
  /** Records per session (agenda + issues + follow-ups). */
  items: number;
}

export const LOAD: LoadShape = { communities: 7, sessions: 50, items: 200 };

export const loadCommunityId = (k: number): string => `load-c${k}`;
export const loadSessionId = (k: number, s: number): string => `load-c${k}-s${s}`;

/** Records in a session document. */
export const itemsOf = (doc: Y.Doc): number =>
  readAgenda(doc).length + readIssues(doc).length + readFollowUps(doc).length;

/** Adds the communities to the relay's database (the admin's command, in this process); returns their tokens. */
export function addLoadCommunities(db: string, shape: LoadShape): string[] {
  const store = openRelayStore(db);
  try {
    return Array.from({ length: shape.communities }, (_, k) => store.addCommunity(loadCommunityId(k)).token);
  } finally {
    store.close();
  }
}

/** One update per distinct session (built once, seeded), reused by every community. */
export function buildSessionUpdates(shape: LoadShape): Uint8Array[] {
  return Array.from({ length: shape.sessions }, (_, s) =>
    Y.encodeStateAsUpdate(
      buildLargeSession(new Y.Doc(), { items: shape.items, edits: shape.items * 2, seed: s }),
    ),
  );
}

const until = async (check: () => boolean, what: string, ms: number) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * One tablet per community holding all its sessions open (so all communities × sessions documents are loaded
 * on the relay at once); resolves when a check tablet per community received every session whole.
 */
export async function pushCommunities(
  url: string,
  tokens: string[],
  updates: Uint8Array[],
  shape: LoadShape,
  timeoutMs: number,
): Promise<RelayTablet[]> {
  const pushers = tokens.map((token, k) => {
    const tablet = new RelayTablet(url, token, loadCommunityId(k), { visitMs: 0 });
    for (const [s, update] of updates.entries()) {
      const id = loadSessionId(k, s);
      Y.applyUpdate(tablet.doc(id), update);
      tablet.index(id, `session ${s}`);
      tablet.open(id);
    }
    return tablet;
  });
  for (const [k, token] of tokens.entries()) {
    const { tablet } = await firstSync(url, token, k, shape, timeoutMs);
    tablet.destroy();
  }
  return pushers;
}

/** A fresh tablet of community `k`: resolves with the time until it held every session whole. */
export async function firstSync(
  url: string,
  token: string,
  k: number,
  shape: LoadShape,
  timeoutMs: number,
): Promise<{ ms: number; tablet: RelayTablet }> {
  const t0 = performance.now();
  const tablet = new RelayTablet(url, token, loadCommunityId(k), { visitMs: 0 });
  const whole = () => {
    if (tablet.workspace.getMap("sessions").size < shape.sessions) return false;
    for (let s = 0; s < shape.sessions; s++) {
      const doc = tablet.stored.get(loadSessionId(k, s));
      if (!doc || itemsOf(doc) < shape.items) return false;
    }
    return true;
  };
  await until(whole, `community ${k}'s first sync`, timeoutMs);
  return { ms: performance.now() - t0, tablet };
}

/** Resident memory of process `pid` in bytes (Linux). */
export function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}
