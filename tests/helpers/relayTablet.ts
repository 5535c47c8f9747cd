// A tablet in Node for relay tests and benchmarks: RelaySync (the app's relay client) over a workspace and
// session documents kept in memory, with sessions opened and closed as a screen would.
import WebSocket from "ws";
import * as Y from "yjs";
import { RelaySync, type RelayState, type RelaySessions } from "../../src/sync/relaySync.ts";

export class RelayTablet {
  workspace = new Y.Doc();
  stored = new Map<string, Y.Doc>();
  opened = new Map<string, Y.Doc>();
  /** Sessions removed from this tablet (its sync no longer reaches them). */
  removed = new Set<string>();
  /** The sessions the sync asked for, in order. */
  asked: string[] = [];
  private listeners = new Set<() => void>();
  sync: RelaySync;

  constructor(
    url: string,
    token: string,
    communityId = "c1",
    options: { visitMs?: number; loadMs?: number } = {},
  ) {
    const sessions: RelaySessions = {
      ids: () => [...this.workspace.getMap("sessions").keys()].filter((id) => !this.removed.has(id)),
      withDoc: async (id, fn) => {
        this.asked.push(id);
        // A load from storage takes a while (`loadMs`), as the app's does.
        if (options.loadMs) await new Promise((r) => setTimeout(r, options.loadMs));
        return fn(this.doc(id));
      },
      open: () => this.opened,
      onChange: (fn) => {
        this.listeners.add(fn);
        return () => this.listeners.delete(fn);
      },
    };
    this.sync = new RelaySync({
      url,
      token,
      communityId,
      workspace: this.workspace,
      sessions,
      visitMs: options.visitMs ?? 50,
      WebSocketPolyfill: WebSocket,
    });
  }

  doc(id: string): Y.Doc {
    let doc = this.stored.get(id);
    if (!doc) this.stored.set(id, (doc = new Y.Doc()));
    return doc;
  }
  open(id: string): Y.Doc {
    this.opened.set(id, this.doc(id));
    for (const fn of this.listeners) fn();
    return this.doc(id);
  }
  /** Removes session `id` from this tablet, as removeSessionWithUndo tells the sync. */
  remove(id: string): void {
    this.removed.add(id);
    for (const fn of this.listeners) fn();
  }
  close(id: string): void {
    this.opened.delete(id);
    for (const fn of this.listeners) fn();
  }
  /** Lists session `id` in the workspace's index (as syncSessionIntoWorkspace does). */
  index(id: string, title: string): void {
    this.workspace.getMap("sessions").set(id, { id, title });
  }
  text(id: string): string {
    return this.doc(id).getText("notes").toString();
  }
  destroy(): void {
    this.sync.destroy();
  }
}

/** Resolves with the tablet's state once the relay accepted or refused it. */
export function settledState(sync: RelaySync): Promise<RelayState> {
  return new Promise((done) => {
    if (sync.state === "refused" || sync.state === "connected") return done(sync.state);
    sync.on("status", (s) => (s === "refused" || s === "connected") && done(s));
  });
}
