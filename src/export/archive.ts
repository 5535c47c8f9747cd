// The session archive: the whole document in a versioned envelope {type, version, source, data}, and a
// careful reader that rejects anything malformed before storage is touched.
import * as Y from "yjs";
import { readMeta } from "../doc/snapshot.ts";

export const ARCHIVE_TYPE = "yishi-session";
export const ARCHIVE_VERSION = 1;
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
    update: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

export type ArchiveErrorCode =
  "tooLarge" | "notJson" | "wrongType" | "newerVersion" | "malformed" | "badUpdate";
export type ParsedArchive =
  { ok: true; archive: Archive; update: Uint8Array } | { ok: false; error: ArchiveErrorCode };

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The session as archive JSON text. */
export function exportArchive(doc: Y.Doc, now = new Date()): string {
  const meta = readMeta(doc);
  const archive: Archive = {
    type: ARCHIVE_TYPE,
    version: ARCHIVE_VERSION,
    source: "yishi",
    data: {
      id: meta.id,
      title: meta.title,
      exportedAt: now.toISOString(),
      schemaVersion: meta.schemaVersion,
      update: toBase64(Y.encodeStateAsUpdate(doc)),
    },
  };
  return JSON.stringify(archive);
}

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
    typeof a.data.update === "string"
  );
}

/** Reads archive text; every failure is a code the UI translates, and nothing has been changed. */
export function parseArchive(text: string): ParsedArchive {
  if (text.length > MAX_ARCHIVE_CHARS) return { ok: false, error: "tooLarge" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "notJson" };
  }
  const v = value as { type?: unknown; version?: unknown } | null;
  if (typeof v !== "object" || v === null || v.type !== ARCHIVE_TYPE)
    return { ok: false, error: "wrongType" };
  if (typeof v.version === "number" && v.version > ARCHIVE_VERSION)
    return { ok: false, error: "newerVersion" };
  if (!isArchive(value)) return { ok: false, error: "malformed" };
  const update = fromBase64(value.data.update);
  if (!update || update.length === 0) return { ok: false, error: "malformed" };
  // Yjs must accept it, and it must hold the session it says it holds.
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    if (readMeta(scratch).id !== value.data.id) return { ok: false, error: "badUpdate" };
  } catch {
    return { ok: false, error: "badUpdate" };
  } finally {
    scratch.destroy();
  }
  return { ok: true, archive: value, update };
}

/** Merges an archive's content into a document (the session may already exist here: nothing is lost). */
export function applyArchive(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(doc, update, "yishi:import");
}
