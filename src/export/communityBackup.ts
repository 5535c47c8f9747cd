// The community backup: a community's workspace (its whole Yjs state and SHA-256) and the archive of every
// one of its sessions, in one versioned envelope {type, version, source, data}; the reader checks it whole.
import * as Y from "yjs";
import { readCommunityMeta } from "../doc/community/readers.ts";
import {
  decodeBase64,
  loadArchive,
  readEnvelope,
  sha256Hex,
  toBase64,
  type Archive,
  type ArchiveErrorCode,
} from "./archive.ts";

export const BACKUP_TYPE = "yishi-community";
export const BACKUP_VERSION = 1;
/** Larger files are refused before parsing (a community's year of sessions is a few tens of MB). */
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

export interface CommunityBackup {
  type: typeof BACKUP_TYPE;
  version: number;
  source: string;
  data: {
    id: string;
    name: string;
    exportedAt: string;
    schemaVersion: number;
    /** The workspace's state, `Y.encodeStateAsUpdate`, in base64. */
    update: string;
    /** Lower-case hex SHA-256 of the decoded update bytes. */
    sha256: string;
    /** Each session of the community as its archive (`exportArchive`), join codes left out. */
    sessions: Archive[];
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

/** A backup read back whole: the workspace's update and each session's, none of them stored yet. */
export type LoadedBackup =
  | {
      ok: true;
      backup: CommunityBackup;
      update: Uint8Array;
      sessions: { id: string; update: Uint8Array; archive: Archive }[];
    }
  | { ok: false; error: ArchiveErrorCode };

/**
 * The community as backup JSON text: the workspace `doc` and the sessions' archive texts (`exportArchive`).
 * @example download(`${name}.json`, exportCommunityBackup(handle.doc, archives), "application/json");
 */
export function exportCommunityBackup(
  doc: Y.Doc,
  sessionArchives: readonly string[],
  now = new Date(),
): string {
  const meta = readCommunityMeta(doc);
  const update = Y.encodeStateAsUpdate(doc);
  const backup: CommunityBackup = {
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    source: "yishi",
    data: {
      id: meta.id,
      name: meta.name,
      exportedAt: now.toISOString(),
      schemaVersion: meta.schemaVersion,
      update: toBase64(update),
      sha256: sha256Hex(update),
      sessions: sessionArchives.map((text) => JSON.parse(text) as Archive),
    },
  };
  return JSON.stringify(backup);
}

/** True for text written by `exportCommunityBackup` (its type comes first), without parsing all of it. */
export const looksLikeBackup = (text: string): boolean =>
  /^\s*\{\s*"type"\s*:\s*"yishi-community"/.test(text.slice(0, 200));

/** Type guard for the envelope's shape (not its content). */
export function isCommunityBackup(value: unknown): value is CommunityBackup {
  const b = value as CommunityBackup | null;
  return (
    typeof b === "object" &&
    b !== null &&
    b.type === BACKUP_TYPE &&
    Number.isInteger(b.version) &&
    b.version >= 1 &&
    typeof b.data === "object" &&
    b.data !== null &&
    typeof b.data.id === "string" &&
    b.data.id !== "" &&
    typeof b.data.update === "string" &&
    typeof b.data.sha256 === "string" &&
    /^[0-9a-f]{64}$/.test(b.data.sha256) &&
    Array.isArray(b.data.sessions)
  );
}

/** True when Yjs integrated everything: no struct waits for a missing one, no deletion for its target. */
const isWhole = (doc: Y.Doc): boolean => doc.store.pendingStructs === null && doc.store.pendingDs === null;

/** The workspace update, if it applies whole to a scratch document and holds community `id`. */
function checkWorkspace(update: Uint8Array, id: string): boolean {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return isWhole(doc) && readCommunityMeta(doc).id === id;
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}

type Sessions = Extract<LoadedBackup, { ok: true }>["sessions"];

/** Every session archive checked as an import checks it, and that it belongs to community `id`. */
function checkSessions(archives: readonly unknown[], id: string): Sessions | ArchiveErrorCode {
  const out: Sessions = [];
  for (const raw of archives) {
    const loaded = loadArchive(JSON.stringify(raw));
    if (!loaded.ok) return loaded.error === "wrongType" ? "malformed" : loaded.error;
    const { archive, update, doc, session } = loaded;
    doc.destroy();
    if (session.meta.communityId !== id) return "malformed";
    out.push({ id: archive.data.id, update, archive });
  }
  return out;
}

/**
 * Reads backup text and checks all of it before the caller stores anything: the envelope, the workspace's
 * hash, that Yjs accepts it whole and it is the community it names, and every session as an archive import
 * checks it (each of this community). Every failure is a code the UI shows as `import.<code>`.
 */
export function loadCommunityBackup(text: string): LoadedBackup {
  const envelope = readEnvelope(text, MAX_BACKUP_CHARS, BACKUP_TYPE, BACKUP_VERSION);
  if (!envelope.ok) return envelope;
  const value = envelope.value;
  if (!isCommunityBackup(value)) return { ok: false, error: "malformed" };
  const update = decodeBase64(value.data.update);
  if (!update || update.length === 0) return { ok: false, error: "malformed" };
  if (sha256Hex(update) !== value.data.sha256) return { ok: false, error: "damaged" };
  if (!checkWorkspace(update, value.data.id)) return { ok: false, error: "badUpdate" };
  const sessions = checkSessions(value.data.sessions, value.data.id);
  if (typeof sessions === "string") return { ok: false, error: sessions };
  return { ok: true, backup: value, update, sessions };
}
