// Telling the community's other tablets (through the relay's workspace) which sessions have new edits on
// the relay: a tablet with such a session closed visits it. Notices of several sessions within a short
// while go out as one.
import type * as Y from "yjs";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { changedNotice } from "./relayNames.ts";

/** Acknowledged edits of several sessions within this long go out in one notice. */
const ANNOUNCE_MS = 150;

export class ChangeAnnouncer {
  private readonly announced = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly send: (payload: string) => void) {}

  /**
   * Announces session `id` after each acknowledged batch of local edits through `provider`, and, for a
   * session opened on screen, once after its first sync (what it held may be new to the relay). Returns
   * the listeners' cleanup.
   */
  watch(id: string, doc: Y.Doc, provider: HocuspocusProvider, opened: boolean): () => void {
    let pending = opened;
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider) pending = true;
    };
    const onUnsynced = () => {
      if (!pending || !provider.isSynced || provider.hasUnsyncedChanges) return;
      pending = false;
      this.announce(id);
    };
    doc.on("update", onUpdate);
    provider.on("unsyncedChanges", onUnsynced);
    provider.on("synced", onUnsynced);
    return () => {
      doc.off("update", onUpdate);
      provider.off("unsyncedChanges", onUnsynced);
      provider.off("synced", onUnsynced);
    };
  }

  private announce(id: string): void {
    this.announced.add(id);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const ids = [...this.announced];
      this.announced.clear();
      if (!this.stopped && ids.length > 0) this.send(changedNotice(ids));
    }, ANNOUNCE_MS);
  }

  destroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
