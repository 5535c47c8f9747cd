// RelaySync against a real Hocuspocus relay (in this process, on a temporary SQLite file): the workspace
// stays attached, sessions open on screen go out live, closed ones are visited when the index says another
// tablet changed them; a wrong token is refused, and a display's read-only token writes nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { startRelay, type RunningRelay } from "../../src/server/relay.ts";
import { openRelayStore } from "../../src/server/relay/store.ts";
import { readOnlyToken } from "../../src/sync/relayNames.ts";
import { RelaySync, type RelayState, type RelaySessions } from "../../src/sync/relaySync.ts";

const TIMEOUT = 60_000;

/** One tablet: its workspace, its stored sessions, those open on screen, and its relay sync. */
class Tablet {
  workspace = new Y.Doc();
  stored = new Map<string, Y.Doc>();
  opened = new Map<string, Y.Doc>();
  private listeners = new Set<() => void>();
  sync: RelaySync;

  constructor(url: string, token: string) {
    const sessions: RelaySessions = {
      ids: () => [...this.workspace.getMap("sessions").keys()],
      withDoc: async (id, fn) => fn(this.doc(id)),
      open: () => this.opened,
      onChange: (fn) => {
        this.listeners.add(fn);
        return () => this.listeners.delete(fn);
      },
    };
    this.sync = new RelaySync({
      url,
      token,
      communityId: "c1",
      workspace: this.workspace,
      sessions,
      visitMs: 50,
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
  close(id: string): void {
    this.opened.delete(id);
    for (const fn of this.listeners) fn();
  }
  index(id: string, title: string): void {
    this.workspace.getMap("sessions").set(id, { id, title });
  }
  text(id: string): string {
    return this.doc(id).getText("notes").toString();
  }
}

const until = async (check: () => boolean, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
const stateOf = (sync: RelaySync) =>
  new Promise<RelayState>((done) => {
    if (sync.state === "refused" || sync.state === "connected") return done(sync.state);
    sync.on("status", (s) => (s === "refused" || s === "connected") && done(s));
  });

describe("RelaySync through a real relay", () => {
  let dir: string;
  let dbPath: string;
  let relay: RunningRelay;
  let token: string;
  const tablets: Tablet[] = [];
  const tablet = (t: string) => {
    const made = new Tablet(relay.url, t);
    tablets.push(made);
    return made;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "yishi-relaysync-"));
    dbPath = join(dir, "relay.sqlite");
    const store = openRelayStore(dbPath);
    token = store.addCommunity("c1").token;
    store.close();
    relay = await startRelay({
      db: dbPath,
      host: "127.0.0.1",
      port: 0,
      debounce: 50,
      maxDebounce: 200,
      log: () => {},
    });
  }, TIMEOUT);

  afterAll(async () => {
    for (const t of tablets) t.sync.destroy();
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    "carries the workspace, open sessions live, and closed sessions when their index entry changes",
    async () => {
      const a = tablet(token);
      a.index("s1", "first");
      a.open("s1").getText("notes").insert(0, "from A");
      const b = tablet(token);
      expect(await stateOf(b.sync)).toBe("connected");
      // B learns of s1 from the workspace and visits it.
      await until(() => b.text("s1") === "from A", "B to receive s1");

      // A keeps typing in the open session; B has it closed, so it arrives when the index entry changes.
      a.doc("s1").getText("notes").insert(6, ", more");
      await new Promise((r) => setTimeout(r, 300));
      a.index("s1", "first (edited)");
      await until(() => b.text("s1") === "from A, more", "B to visit s1 again");

      // Open on both: edits go out live both ways.
      b.open("s1");
      b.doc("s1").getText("notes").insert(0, "B: ");
      await until(() => a.text("s1") === "B: from A, more", "A to see B's live edit");
      b.close("s1");
    },
    TIMEOUT,
  );

  it(
    "refuses another token and lets a display read but not write",
    async () => {
      const stranger = tablet("x".repeat(43));
      expect(await stateOf(stranger.sync)).toBe("refused");
      stranger.workspace.getMap("meta").set("name", "intruder");

      const display = tablet(readOnlyToken(token));
      await until(() => display.workspace.getMap("sessions").has("s1"), "the display to read the workspace");
      display.workspace.getMap("meta").set("name", "written by a display");

      const fresh = tablet(token);
      await until(() => fresh.workspace.getMap("sessions").has("s1"), "a fresh tablet to sync");
      await new Promise((r) => setTimeout(r, 500));
      const later = tablet(token);
      await until(() => later.workspace.getMap("sessions").has("s1"), "another fresh tablet to sync");
      expect(later.workspace.getMap("meta").get("name")).toBeUndefined();
      expect(fresh.workspace.getMap("meta").get("name")).toBeUndefined();
    },
    TIMEOUT,
  );
});
