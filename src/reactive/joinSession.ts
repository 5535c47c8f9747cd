// Joining a shared session on this device: connect with the code, receive the session, store it locally.
import * as Y from "yjs";
import { createRoot } from "solid-js";
import { readMeta, snapshot } from "../doc/session/snapshot.ts";
import { putSessionSummary } from "../persistence/catalogue.ts";
import { SessionStore } from "../persistence/sessionStore.ts";
import { setRoleIn, setShareCodeOf, type Role } from "../sync/deviceSettings.ts";
import { formatShareCode, parseShareCode } from "../sync/shareCode.ts";
import type { SyncStatus } from "../sync/peerSync.ts";
import type { AppDb } from "./appDb.ts";
import { createSessionSync, type SessionSync } from "./sessionSync.ts";
import { summarize } from "./summary.ts";

export type JoinFailure = "badCode" | "wrongKey" | "cancelled";

export class JoinError extends Error {
  constructor(readonly reason: JoinFailure) {
    super(reason);
  }
}

export interface JoinOptions {
  role: Role;
  onStatus?: (status: SyncStatus | null) => void;
  signal?: AbortSignal;
}

/** Resolves with the session id as soon as the document's header arrives from a peer. */
function waitForSession(doc: Y.Doc, sync: SessionSync, options: JoinOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const meta = doc.getMap("meta");
    const finish = (settle: () => void) => {
      clearInterval(poll);
      meta.unobserve(check);
      options.signal?.removeEventListener("abort", onAbort);
      settle();
    };
    const check = () => {
      const id = readMeta(doc).id;
      if (id) finish(() => resolve(id));
    };
    const onAbort = () => finish(() => reject(new JoinError("cancelled")));
    const poll = setInterval(() => {
      options.onStatus?.(sync.status());
      if (sync.wrongKey()) finish(() => reject(new JoinError("wrongKey")));
    }, 200);
    meta.observe(check);
    options.signal?.addEventListener("abort", onAbort);
    check();
  });
}

/** Waits for the session to arrive from a peer in the code's room; resolves to its id once stored here. */
export async function joinSession(appDb: AppDb, rawCode: string, options: JoinOptions): Promise<string> {
  const code = parseShareCode(rawCode);
  if (!code) throw new JoinError("badCode");
  // A display code (no write secret) joins as a display whatever was asked: nothing it writes is accepted.
  if (!code.write) options = { ...options, role: "display" };
  const doc = new Y.Doc();
  const { sync, dispose } = createRoot((dispose) => ({
    sync: createSessionSync(doc, options.role),
    dispose,
  }));
  try {
    await sync.connect(code.code);
    const id = await waitForSession(doc, sync, options);
    setRoleIn(id, options.role);
    // This device rejoins the room on every open: the code is kept here, never in the document.
    setShareCodeOf(id, formatShareCode(code));
    const store = new SessionStore(appDb.current, id, doc);
    try {
      await store.whenSynced;
      await store.flush();
      await putSessionSummary(appDb.current, summarize(snapshot(doc)));
    } finally {
      await store.destroy();
    }
    return id;
  } finally {
    await sync.disconnect();
    dispose();
    doc.destroy();
  }
}
