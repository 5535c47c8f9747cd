// A community's sync through the subdistrict office's relay (Hocuspocus): one WebSocket for all of the
// community's documents, the workspace always attached, a session attached while it is open and visited by
// a background pass otherwise (at connection, for a session whose index entry another tablet changed, and
// every few minutes). Yjs merges whatever arrives from the relay and from peers on the same documents.
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import { ObservableV2 } from "lib0/observable";
import { ChangeAnnouncer } from "./relayAnnounce.ts";
import { ClosingNames } from "./relayClosing.ts";
import { parseChangedNotice, relayDocName } from "./relayNames.ts";
import { markSyncOrigin, unmarkSyncOrigin } from "./syncOrigins.ts";

export type RelayState = "connecting" | "connected" | "unreachable" | "refused";

/** The community's session documents as the relay sync reaches them (see reactive/communityDocs.ts). */
export interface RelaySessions {
  /** The sessions of the community this tablet knows of (never one removed here). */
  ids(): string[];
  /** Whether `id` is one of `ids()` now (a session removed here is not); asked before each visit. */
  has?(id: string): boolean;
  /** Runs `fn` with session `id`'s document (open on screen, or a stored copy kept while it is used). */
  withDoc<T>(id: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
  /** The sessions open on screen right now. */
  open(): ReadonlyMap<string, Y.Doc>;
  /** Calls `fn` when a session opens or closes, or the index gains one; returns an unsubscribe. */
  onChange(fn: () => void): () => void;
}

export interface RelaySyncOptions {
  url: string;
  /** The community's token, or a display's read-only token (the relay then drops its writes). */
  token: string;
  /** True with a display's read-only token (the relay acknowledges none of its updates). */
  readOnly?: boolean;
  communityId: string;
  workspace: Y.Doc;
  sessions: RelaySessions;
  /** How long a session visited by the background pass stays attached after it synced (ms). */
  visitMs?: number;
  /** A WebSocket class where there is no global one (Node 20, in tests). */
  WebSocketPolyfill?: unknown;
}

interface RelayEvents {
  status: (state: RelayState) => void;
}

const WAIT_SYNC_MS = 15_000;
/** A visit's edits not acknowledged this long after the relay answered end the visit anyway. */
const ACK_WAIT_MS = 2_000;
/** Sessions visited at the same time (each a few round trips and a load from storage). */
const VISITS_AT_ONCE = 8;
/** Every session is visited this often while connected (edits that left the session index as it was). */
const FULL_PASS_MS = 180_000;

/** Keeps a community in sync through its relay until destroyed. */
export class RelaySync extends ObservableV2<RelayEvents> {
  state: RelayState = "connecting";
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly attached = new Map<string, HocuspocusProvider>();
  private readonly stopWatching: () => void;
  private readonly fullPass: ReturnType<typeof setInterval>;
  /** Sessions waiting for a visit (null: all of them). */
  private due: Set<string> | null = null;
  private passing: Promise<unknown> | null = null;
  private passAgain = false;
  private destroyed = false;
  /** The sessions being visited, each with what ends its visit now (a name is attached once per socket). */
  private readonly visiting = new Map<string, () => void>();
  private readonly cleanups = new Map<HocuspocusProvider, () => void>();
  /** Tells the other tablets which sessions this tablet's acknowledged edits changed. */
  private readonly announcer = new ChangeAnnouncer((notice) => this.workspaceProvider.sendStateless(notice));
  /** Sessions of the index seen so far (a new one is visited at once). */
  private readonly known = new Set<string>();
  private workspaceProvider: HocuspocusProvider;
  /** Names closed on the socket whose close the relay has not answered yet (not attached meanwhile). */
  private readonly closing: ClosingNames;
  /** Sessions due for a visit while their name was closing. */
  private readonly afterClose = new Set<string>();

  private get readOnly(): boolean {
    return this.opts.readOnly === true;
  }

  constructor(private readonly opts: RelaySyncOptions) {
    super();
    this.socket = new HocuspocusProviderWebsocket({
      url: opts.url,
      // Retry soon after the relay comes back, then every 10 s at most, for ever.
      delay: 500,
      minDelay: 500,
      maxDelay: 10_000,
      maxAttempts: 0,
      ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
    } as ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]);
    this.closing = new ClosingNames(this.socket, () => {
      this.follow();
      const ids = [...this.afterClose];
      this.afterClose.clear();
      if (ids.length > 0) this.visitSoon(ids);
    });
    // Connected means the relay accepted this community's token (the workspace authenticated), not only the
    // socket being open.
    this.socket.on("status", ({ status }: { status: WebSocketStatus }) => {
      if (this.state === "refused" || status === WebSocketStatus.Connected) return;
      this.setState(status === WebSocketStatus.Connecting ? "connecting" : "unreachable");
    });
    this.workspaceProvider = this.attach(relayDocName(opts.communityId, "workspace"), opts.workspace, true);
    this.workspaceProvider.on("authenticated", () => {
      this.setState("connected");
      this.visitSoon(null);
    });
    this.workspaceProvider.on("stateless", ({ payload }: { payload: string }) => {
      const changed = parseChangedNotice(payload);
      if (changed) this.visitSoon(changed.filter((id) => !this.attached.has(this.sessionName(id))));
    });
    this.stopWatching = opts.sessions.onChange(() => this.follow());
    opts.workspace.getMap("sessions").observe(this.onIndex);
    if (typeof window !== "undefined") {
      window.addEventListener("offline", this.onOffline);
      window.addEventListener("online", this.onOnline);
    }
    this.fullPass = setInterval(() => this.visitSoon(null), FULL_PASS_MS);
    this.follow();
  }

  // Offline, the socket is closed at once (not left to time out); back online it connects again.
  private readonly onOffline = (): void => {
    this.socket.disconnect();
    if (this.state !== "refused") this.setState("unreachable");
  };
  private readonly onOnline = (): void => void this.socket.connect().catch(() => {});

  /** Another tablet's change to a session's index entry (through the relay): that session is visited. */
  private readonly onIndex = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.origin !== this.workspaceProvider) return;
    for (const id of event.keysChanged) if (this.due !== null) this.due.add(id);
    this.pass();
  };

  private visitSoon(ids: Iterable<string> | null): void {
    if (ids === null) this.due = null;
    else if (this.due !== null) for (const id of ids) this.due.add(id);
    this.pass();
  }

  private setState(state: RelayState): void {
    if (state === this.state) return;
    this.state = state;
    this.emit("status", [state]);
  }

  private sessionName(id: string): string {
    return relayDocName(this.opts.communityId, "session", id);
  }

  private attach(name: string, doc: Y.Doc, keep: boolean): HocuspocusProvider {
    const existing = this.attached.get(name);
    if (existing) return existing;
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: this.opts.token,
      onAuthenticationFailed: () => this.setState("refused"),
    });
    markSyncOrigin(provider, "relay");
    const session = name.split("/")[2];
    if (session && !this.readOnly)
      this.cleanups.set(provider, this.announcer.watch(session, doc, provider, keep));
    provider.attach();
    if (keep) this.attached.set(name, provider);
    return provider;
  }

  private has(id: string): boolean {
    return this.opts.sessions.has?.(id) ?? this.opts.sessions.ids().includes(id);
  }

  /** Open sessions stay attached (their edits go out live); closed ones are detached, removed ones too. */
  private follow(): void {
    if (this.destroyed) return;
    const open = this.opts.sessions.open();
    const ids = new Set(this.opts.sessions.ids());
    for (const [name, end] of [...this.visiting]) if (!ids.has(name.split("/")[2] ?? "")) end();
    for (const [id, doc] of open) {
      if (!ids.has(id)) continue;
      const name = this.sessionName(id);
      this.visiting.get(name)?.(); // a visit of its stored copy ends now: the open document takes over
      if (!this.closing.has(name)) this.attach(name, doc, true); // else once the relay answered the close
    }
    for (const [name, provider] of this.attached) {
      const id = name.split("/")[2];
      if (id && !(open.has(id) && ids.has(id))) this.detach(name, provider);
    }
    const fresh = [...ids].filter((id) => !this.known.has(id));
    for (const id of fresh) this.known.add(id);
    if (fresh.length > 0) this.visitSoon(fresh);
  }

  private detach(name: string, provider: HocuspocusProvider): void {
    this.cleanups.get(provider)?.();
    this.cleanups.delete(provider);
    provider.destroy();
    if (this.socket.status === WebSocketStatus.Connected) this.closing.add(name);
    unmarkSyncOrigin(provider);
    if (this.attached.get(name) === provider) this.attached.delete(name);
  }

  /** Visits the due sessions once each (sequentially): what either side lacks is exchanged. */
  private pass(): void {
    if (this.passing) {
      this.passAgain = true; // what became due while the pass ends is visited by the next one
      return;
    }
    this.passing = this.visitDue()
      .catch(() => (this.due = null))
      .finally(() => {
        this.passing = null;
        if (this.passAgain) {
          this.passAgain = false;
          this.pass();
        }
      });
  }

  private async visitDue(): Promise<void> {
    while (!this.destroyed && this.state === "connected") {
      const known = this.opts.sessions.ids();
      const due = this.due === null ? known : known.filter((id) => this.due!.has(id));
      this.due = new Set();
      if (due.length === 0) return;
      let next = 0;
      let cut = false;
      const worker = async () => {
        while (next < due.length) {
          if (this.destroyed || this.state !== "connected") return void (cut = true);
          const id = due[next++]!;
          const name = this.sessionName(id);
          if (this.attached.has(name) || this.visiting.has(name) || !this.has(id)) continue; // removed meanwhile
          if (this.closing.has(name)) {
            this.afterClose.add(id); // visited once the relay answered the close
            continue;
          }
          await this.opts.sessions
            .withDoc(id, (doc) => this.visit(name, doc))
            .catch((e: unknown) => {
              if (this.has(id)) throw e; // else removed while it loaded: skipped
            });
          if (this.opts.sessions.open().has(id)) this.follow(); // opened meanwhile: attach it now
        }
      };
      await Promise.all(Array.from({ length: VISITS_AT_ONCE }, worker));
      if (cut) {
        this.due = null; // cut short: all again at the next connection
        return;
      }
    }
  }

  /**
   * Attaches session `name` until the relay has answered this tablet's state and acknowledged what it sent
   * (a read-only display gets no acknowledgement: it waits for the answer only), then detaches it.
   */
  private visit(name: string, doc: Y.Doc): Promise<void> {
    // Opened on screen meanwhile: the open document is attached instead (follow).
    if (this.attached.has(name)) return Promise.resolve();
    return new Promise((done) => {
      const provider = this.attach(name, doc, false);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        clearTimeout(ackTimer);
        clearTimeout(lingerTimer);
        provider.off("synced", check);
        provider.off("unsyncedChanges", check);
        this.visiting.delete(name);
        this.detach(name, provider);
        done();
      };
      let ackTimer: ReturnType<typeof setTimeout> | undefined;
      let lingerTimer: ReturnType<typeof setTimeout> | undefined;
      const check = () => {
        if (!provider.isSynced) return;
        if (!provider.hasUnsyncedChanges || this.readOnly)
          lingerTimer ??= setTimeout(end, this.opts.visitMs ?? 200);
        else ackTimer ??= setTimeout(end, ACK_WAIT_MS); // an acknowledgement that never comes ends it too
      };
      const timer = setTimeout(end, WAIT_SYNC_MS);
      this.visiting.set(name, end);
      provider.on("synced", check);
      provider.on("unsyncedChanges", check);
      check();
    });
  }

  override destroy(): void {
    this.destroyed = true;
    this.stopWatching();
    clearInterval(this.fullPass);
    this.announcer.destroy();
    if (typeof window !== "undefined") {
      window.removeEventListener("offline", this.onOffline);
      window.removeEventListener("online", this.onOnline);
    }
    this.opts.workspace.getMap("sessions").unobserve(this.onIndex);
    for (const [name, provider] of [...this.attached]) this.detach(name, provider);
    this.closing.destroy();
    this.socket.destroy();
    super.destroy();
  }
}
