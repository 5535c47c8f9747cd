// The communities this tablet holds: a row each (name, pairing code, this tablet's role); the workspace
// document itself is stored like a session's, as rows of `updates` under its document id.
import type { YishiDatabase } from "./db.ts";
import { toStorageError } from "./errors.ts";
import { deviceRecordChanged } from "./backup/docBackup.ts";

/** Roles a tablet can have in a community, as in a session. */
export type CommunityRole = "facilitator" | "secretary" | "gridWorker" | "display";

export interface CommunityRow {
  id: string;
  /** The name as last seen in the workspace (for lists before the workspace is open). */
  name: string;
  /** The pairing code of the community's room, or null while it is not paired with another tablet. */
  code: string | null;
  role: CommunityRole;
  addedAt: number;
  /** The subdistrict relay this tablet syncs the community through (absent: none). */
  relay?: RelaySetting | null;
  /** The relay address this tablet was told to stop using (a paired tablet telling it is not heeded). */
  relayIgnored?: string;
}

/**
 * A relay as one tablet uses it: its WebSocket address and the community's token. A display keeps only the
 * read-only token derived from it (`readOnly`), so it never holds the token that writes.
 */
export interface RelaySetting {
  url: string;
  token: string;
  readOnly: boolean;
}

const RELAY_URL = /^(wss?|https?):\/\/[^\s/?#]+(\/[^\s]*)?$/;
/** A display's or a legacy token, or a staff token `<write>.<read>` (each part 16 to 128 characters). */
const TOKEN = /^[A-Za-z0-9_-]{16,128}(\.[A-Za-z0-9_-]{16,128})?$/;

/** The WebSocket address of a relay address typed as http(s):// or ws(s)://, or null if it is neither. */
export function relaySocketUrl(raw: string): string | null {
  const url = raw.trim();
  if (!RELAY_URL.test(url) || url.length > 500) return null;
  return url.replace(/^http/, "ws");
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * True for an unencrypted ws:// address of another device: anyone on the network between could read and
 * rewrite what goes through it. Only a relay on this very device may be reached without TLS.
 */
export function isInsecureRelay(url: string): boolean {
  const socket = relaySocketUrl(url);
  if (!socket?.startsWith("ws://")) return false;
  return !LOOPBACK.test(new URL(socket).hostname);
}

/** A relay setting as read from storage or a link: cleaned, or null when it is not one. */
export function cleanRelaySetting(raw: unknown): RelaySetting | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { url, token, readOnly } = raw as Record<string, unknown>;
  const socket = typeof url === "string" ? relaySocketUrl(url) : null;
  if (!socket || typeof token !== "string" || !TOKEN.test(token.trim())) return null;
  return { url: socket, token: token.trim(), readOnly: readOnly === true };
}

/** The key under which a community's workspace document is stored in `updates` and `views`. */
export const workspaceDocId = (communityId: string): string => `community:${communityId}`;

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Every community on this tablet, by name. */
export function listCommunities(db: YishiDatabase): Promise<CommunityRow[]> {
  return guarded(async () =>
    (await db.getAll("communities"))
      .map((row) => ({ ...row, relay: cleanRelaySetting(row.relay) }))
      .sort((a, b) => a.name.localeCompare(b.name, "zh") || (a.id < b.id ? -1 : 1)),
  );
}

/** Adds or replaces a community's row. */
export function putCommunity(db: YishiDatabase, row: CommunityRow): Promise<void> {
  return guarded(async () => {
    await db.put("communities", row);
    await deviceRecordChanged(db);
  });
}

/** One community's row, or undefined. */
export function getCommunity(db: YishiDatabase, id: string): Promise<CommunityRow | undefined> {
  return guarded(() => db.get("communities", id));
}
