// Which room an open session joins on this device: its share code, kept in this device's settings and never
// in the document (a code in the document would travel in every archive and could be taken back by Undo).
import type * as Y from "yjs";
import { takeLegacyShareCode } from "../doc/session/repair.ts";
import { setShareCodeOf, shareCodeOf, type Role } from "../sync/deviceSettings.ts";
import { formatShareCode, newShareCode, parseShareCode, withWriteSecret } from "../sync/shareCode.ts";
import type { SessionSync } from "./sessionSync.ts";

export interface SessionShare {
  /** Once the stored state is in the doc: adopts an older app's code, and rejoins the room if not paused. */
  afterLoad(): void;
  /**
   * Shares the session: its known code (an archive's, say) or a new staff code; joins the room. True when
   * a code of an older version (no write secret) was just made a staff code: same room and key, so displays
   * stay, but other staff tablets must join again with the new code.
   */
  share(): boolean;
}

/** Share-code handling for session `id`, on a device in `role`. */
export function createSessionShare(
  id: string,
  doc: Y.Doc,
  sync: SessionSync,
  role: Role = "facilitator",
): SessionShare {
  return {
    afterLoad() {
      const legacy = takeLegacyShareCode(doc);
      if (legacy && !shareCodeOf(id)) setShareCodeOf(id, legacy);
      const known = shareCodeOf(id);
      if (known && !known.paused) void sync.connect(known.code);
    },
    share() {
      const known = shareCodeOf(id);
      const parsed = known ? parseShareCode(known.code) : null;
      // A display holds no write secret and makes none: a secret of its own would prove nothing to staff.
      const upgrade = parsed !== null && !parsed.write && role !== "display";
      const code =
        parsed === null ? withWriteSecret(newShareCode()) : upgrade ? withWriteSecret(parsed) : parsed;
      const text = formatShareCode(code);
      setShareCodeOf(id, text);
      void sync.connect(text);
      return upgrade;
    },
  };
}
