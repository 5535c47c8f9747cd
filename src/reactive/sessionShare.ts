// Which room an open session joins on this device: its share code, kept in this device's settings and never
// in the document (a code in the document would travel in every archive and could be taken back by Undo).
import type * as Y from "yjs";
import { takeLegacyShareCode } from "../doc/session/repair.ts";
import { setShareCodeOf, shareCodeOf } from "../sync/deviceSettings.ts";
import { formatShareCode, newShareCode } from "../sync/shareCode.ts";
import type { SessionSync } from "./sessionSync.ts";

export interface SessionShare {
  /** Once the stored state is in the doc: adopts an older app's code, and rejoins the room if not paused. */
  afterLoad(): void;
  /** Shares the session: its known code (an archive's, say) or a new one; joins the room. */
  share(): void;
}

/** Share-code handling for session `id`. */
export function createSessionShare(id: string, doc: Y.Doc, sync: SessionSync): SessionShare {
  return {
    afterLoad() {
      const legacy = takeLegacyShareCode(doc);
      if (legacy && !shareCodeOf(id)) setShareCodeOf(id, legacy);
      const known = shareCodeOf(id);
      if (known && !known.paused) void sync.connect(known.code);
    },
    share() {
      const code = shareCodeOf(id)?.code ?? formatShareCode(newShareCode());
      setShareCodeOf(id, code);
      void sync.connect(code);
    },
  };
}
