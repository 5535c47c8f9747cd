// The session archive: the whole document in a versioned envelope {type, version, source, data} with the
// SHA-256 of its update, and a careful reader that rejects anything changed, malformed or incomplete.
import * as Y from "yjs";
import { fromBase64 } from "lib0/buffer";
import { digest } from "lib0/hash/sha256";
import type { SessionSnapshot } from "../doc/session/schema.ts";
import { roots } from "../doc/session/sessionDoc.ts";
import { readMeta, snapshot } from "../doc/session/snapshot.ts";

export const ARCHIVE_TYPE = "yishi-session";
/** 2: `data.sha256` is required (and `data.shareCode` may be present). 1 (no hash) is still read. */
export const ARCHIVE_VERSION = 2;
/** The first version whose archives carry `data.sha256`; older ones were written without it. */
const HASHED_SINCE = 2;
/** Larger files are refused before parsing (a 2,000-item session is about 1.5 MB as an archive). */
export const MAX_ARCHIVE_CHARS = 20 * 1024 * 1024;

export interface Archive {
  type: typeof ARCHIVE_TYPE;
  version: number;
  source: string;
  data: {
    id: string;
    title: string;
    exportedAt: string;
    schemaVersion: number;
    /** The document's state, `Y.encodeStateAsUpdate`, in base64. */
    update: string;
    /** Lower-case hex SHA-256 of the decoded update bytes (required from version 2). */
    sha256?: string;
    /** The session's join code (its room key): present only when the user chose to include it. */
    shareCode?: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

/** Why an archive was refused; the UI shows `import.<code>`. */
export type ArchiveErrorCode =
  "tooLarge" | "notJson" | "wrongType" | "newerVersion" | "malformed" | "damaged" | "badUpdate";
export type ParsedArchive =
  { ok: true; archive: Archive; update: Uint8Array } | { ok: false; error: ArchiveErrorCode };
/** A parsed archive with the scratch document it was read into (the caller destroys `doc`). */
export type LoadedArchive =
  | { ok: true; archive: Archive; update: Uint8Array; doc: Y.Doc; session: SessionSnapshot }
  | { ok: false; error: ArchiveErrorCode };

export interface ExportOptions {
  /** The session's join code, included only when the user asks for it (e.g. `shareCodeOf(id)?.code`). */
  shareCode?: string;
}

// Chunked String.fromCharCode + btoa: in V8 faster than lib0's browser encoder, which adds one character at
// a time (14 MB: ~0.6 s against ~1 s); in Node both are dwarfed by Buffer, but exports are small there.
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
// lib0 decodes through Buffer in Node and atob plus a plain loop in browsers (14 MB: ~40 ms, where
// `Uint8Array.from(atob(s), fn)` took ~1 s). Both accept junk silently, hence the strict check first.
export function decodeBase64(s: string): Uint8Array | null {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  try {
    return fromBase64(s);
  } catch {
    return null;
  }
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Lower-case hex SHA-256 of `bytes`, as written in `data.sha256`. */
export const sha256Hex = (bytes: Uint8Array): string => hex(digest(bytes));

/**
 * The doc's state without a share code an older app kept in `meta` (the handle moves it out at load, see
 * `takeLegacyShareCode`; a doc that never went through a handle might still hold it). The code is deleted
 * in a throwaway copy, whose garbage collection drops its text, so the archive cannot carry it by accident.
 */
function stateWithoutShareCode(doc: Y.Doc): Uint8Array {
  const state = Y.encodeStateAsUpdate(doc);
  if (!roots(doc).meta.has("shareCode")) return state;
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, state);
    roots(copy).meta.delete("shareCode");
    return Y.encodeStateAsUpdate(copy);
  } finally {
    copy.destroy();
  }
}

/**
 * The session as archive JSON text. The join code goes in only when given in `options`.
 * @example download(name, exportArchive(doc, new Date(), { shareCode: shareCodeOf(id)?.code }));
 */
export function exportArchive(doc: Y.Doc, now = new Date(), options: ExportOptions = {}): string {
  const meta = readMeta(doc);
  const update = stateWithoutShareCode(doc);
  const archive: Archive = {
    type: ARCHIVE_TYPE,
    version: ARCHIVE_VERSION,
    source: "yishi",
    data: {
      id: meta.id,
      title: meta.title,
      exportedAt: now.toISOString(),
      schemaVersion: meta.schemaVersion,
      update: toBase64(update),
      sha256: sha256Hex(update),
      ...(options.shareCode === undefined ? {} : { shareCode: options.shareCode }),
    },
  };
  return JSON.stringify(archive);
}

const optionalString = (v: unknown): boolean => v === undefined || typeof v === "string";

/** Type guard for the envelope's shape (not its content). */
export function isArchive(value: unknown): value is Archive {
  const a = value as Archive | null;
  return (
    typeof a === "object" &&
    a !== null &&
    a.type === ARCHIVE_TYPE &&
    typeof a.version === "number" &&
    typeof a.data === "object" &&
    a.data !== null &&
    typeof a.data.id === "string" &&
    a.data.id !== "" &&
    typeof a.data.update === "string" &&
    optionalString(a.data.sha256) &&
    optionalString(a.data.shareCode)
  );
}

/**
 * The JSON of an exported file of `type`, written by a version up to `version`, or why it is refused:
 * too large (checked before parsing), not JSON, another kind of file, or from a newer app. Never throws.
 */
export function readEnvelope(
  text: string,
  maxChars: number,
  type: string,
  version: number,
):
  { ok: true; value: unknown } | { ok: false; error: "tooLarge" | "notJson" | "wrongType" | "newerVersion" } {
  if (text.length > maxChars) return { ok: false, error: "tooLarge" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "notJson" };
  }
  const v = value as { type?: unknown; version?: unknown } | null;
  if (typeof v !== "object" || v === null || v.type !== type) return { ok: false, error: "wrongType" };
  if (typeof v.version === "number" && v.version > version) return { ok: false, error: "newerVersion" };
  return { ok: true, value };
}

type Decoded = { ok: true; archive: Archive; update: Uint8Array } | { ok: false; error: ArchiveErrorCode };

/** The envelope and its update's bytes, checked against the hash; Yjs has not seen them yet. */
function decodeArchive(text: string): Decoded {
  const envelope = readEnvelope(text, MAX_ARCHIVE_CHARS, ARCHIVE_TYPE, ARCHIVE_VERSION);
  if (!envelope.ok) return envelope;
  const value = envelope.value;
  if (!isArchive(value) || !Number.isInteger(value.version) || value.version < 1)
    return { ok: false, error: "malformed" };
  const expected = value.data.sha256;
  // Version 1 was written without a hash (such archives were valid then); from version 2 it is required.
  if (expected === undefined ? value.version >= HASHED_SINCE : !/^[0-9a-f]{64}$/.test(expected))
    return { ok: false, error: "malformed" };
  const update = decodeBase64(value.data.update);
  if (!update || update.length === 0) return { ok: false, error: "malformed" };
  if (expected !== undefined && sha256Hex(update) !== expected) return { ok: false, error: "damaged" };
  return { ok: true, archive: value, update };
}

/** True when Yjs integrated everything: no struct waits for a missing one, no deletion for its target. */
const isWhole = (doc: Y.Doc): boolean => doc.store.pendingStructs === null && doc.store.pendingDs === null;

/**
 * Reads archive text into a new scratch document and checks that it reads back whole: the hash matches,
 * Yjs accepts the update and is missing nothing, it holds the session it says, and every reader works.
 * Nothing else is touched; on success the caller owns (and destroys) `doc`.
 */
export function loadArchive(text: string): LoadedArchive {
  const decoded = decodeArchive(text);
  if (!decoded.ok) return decoded;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, decoded.update);
    if (!isWhole(doc) || readMeta(doc).id !== decoded.archive.data.id) {
      doc.destroy();
      return { ok: false, error: "badUpdate" };
    }
    return { ...decoded, doc, session: snapshot(doc) };
  } catch {
    doc.destroy();
    return { ok: false, error: "badUpdate" };
  }
}

/** Reads archive text; every failure is a code the UI translates, and nothing has been changed. */
export function parseArchive(text: string): ParsedArchive {
  const loaded = loadArchive(text);
  if (!loaded.ok) return loaded;
  loaded.doc.destroy();
  return { ok: true, archive: loaded.archive, update: loaded.update };
}

/** Merges an archive's content into a document (the session may already exist here: nothing is lost). */
export function applyArchive(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(doc, update, "yishi:import");
}
