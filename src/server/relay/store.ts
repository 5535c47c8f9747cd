// The relay's SQLite file (better-sqlite3): documents(name, data) and communities(id, token, created).
import { createRequire } from "node:module";
import { newToken } from "./tokens.ts";

/** The part of better-sqlite3's API the relay and its tests use (the package ships no types). */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  pragma(sql: string): unknown;
  close(): void;
}

/** A prepared statement. */
export interface SqliteStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

type DatabaseConstructor = new (path: string, options?: { readonly?: boolean }) => SqliteDatabase;

/**
 * Opens a SQLite file with better-sqlite3 (typed by the interfaces above).
 * @example const db = openSqlite("relay.sqlite", { readonly: true });
 */
export function openSqlite(path: string, options?: { readonly?: boolean }): SqliteDatabase {
  const Database = createRequire(import.meta.url)("better-sqlite3") as DatabaseConstructor;
  return new Database(path, options);
}

/** The relay's storage: each document's whole Yjs state, and the communities allowed to use the relay. */
export interface RelayStore {
  /** The stored Yjs update of a document, or null when it has none. */
  fetchDocument(name: string): Uint8Array | null;
  storeDocument(name: string, state: Uint8Array): void;
  /** The community's read-write token, or null when the community has not been added. */
  communityToken(id: string): string | null;
  /** Adds the community with a new token, or finds its existing one. */
  addCommunity(id: string, now?: number): { token: string; created: boolean };
  close(): void;
}

/**
 * Opens (creating if needed) the relay's database. WAL with synchronous=NORMAL: a committed write survives the
 * process being killed; the admin command can add a community while the relay runs.
 */
export function openRelayStore(path: string): RelayStore {
  const db = openSqlite(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.exec(
    "CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB);" +
      "CREATE TABLE IF NOT EXISTS communities (id TEXT PRIMARY KEY, token TEXT, created INTEGER);",
  );
  const getDocument = db.prepare("SELECT data FROM documents WHERE name = ?");
  const putDocument = db.prepare(
    "INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data",
  );
  const getCommunity = db.prepare("SELECT token FROM communities WHERE id = ?");
  const putCommunity = db.prepare(
    "INSERT INTO communities (id, token, created) VALUES (?, ?, ?) " +
      "ON CONFLICT(id) DO UPDATE SET token = excluded.token WHERE token IS NULL OR token = ''",
  );
  const tokenOf = (id: string): string | null => {
    const row = getCommunity.get(id) as { token?: unknown } | undefined;
    return typeof row?.token === "string" && row.token.length > 0 ? row.token : null;
  };
  return {
    fetchDocument(name) {
      const row = getDocument.get(name) as { data?: unknown } | undefined;
      return row?.data instanceof Uint8Array ? new Uint8Array(row.data) : null;
    },
    storeDocument(name, state) {
      putDocument.run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    },
    communityToken: tokenOf,
    addCommunity(id, now = Date.now()) {
      const existing = tokenOf(id);
      if (existing) return { token: existing, created: false };
      putCommunity.run(id, newToken(), now);
      // Another admin command may have added it at the same moment: the stored row is the one in force.
      return { token: tokenOf(id)!, created: true };
    },
    close: () => db.close(),
  };
}
