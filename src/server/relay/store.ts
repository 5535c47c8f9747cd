// The relay's SQLite file (better-sqlite3): documents(name, data) and communities(id, hashes of its tokens).
import { createRequire } from "node:module";
import { hashesOf, issueTokens, type IssuedTokens, type TokenHashes } from "./tokens.ts";

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

/** Thrown by `addCommunity` for a community that exists: its tokens cannot be shown again, only rotated. */
export class CommunityExistsError extends Error {
  constructor(id: string) {
    super(`Community ${id} already exists; --rotate-token ${id} issues new tokens.`);
  }
}

/** The relay's storage: each document's whole Yjs state, and the communities allowed to use the relay. */
export interface RelayStore {
  /** The stored Yjs update of a document, or null when it has none. */
  fetchDocument(name: string): Uint8Array | null;
  storeDocument(name: string, state: Uint8Array): void;
  /** The hashes of the community's tokens, or null when the community has not been added. */
  communityHashes(id: string): TokenHashes | null;
  /** Adds the community with new tokens (returned once, never stored); throws CommunityExistsError if it exists. */
  addCommunity(id: string, now?: number): IssuedTokens;
  /** Replaces the community's tokens with new ones, or returns null when it has not been added. */
  rotateTokens(id: string): IssuedTokens | null;
  close(): void;
}

const columns = (db: SqliteDatabase) =>
  new Set((db.prepare("PRAGMA table_info(communities)").all() as { name: string }[]).map((c) => c.name));

/**
 * Brings a file of any earlier version to hashed tokens: a plain `token` (from before) becomes the hash of
 * it as the write secret and of its derived read-only token as the read secret, and the plain column is
 * emptied. Legacy tablets' tokens keep working until the community's tokens are rotated. One transaction,
 * so the relay and an admin command opening the file at once migrate it once.
 */
function migrate(db: SqliteDatabase): void {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(
      "CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB);" +
        "CREATE TABLE IF NOT EXISTS communities (id TEXT PRIMARY KEY, token TEXT, created INTEGER);",
    );
    const has = columns(db);
    if (!has.has("write_hash")) db.exec("ALTER TABLE communities ADD COLUMN write_hash TEXT");
    if (!has.has("read_hash")) db.exec("ALTER TABLE communities ADD COLUMN read_hash TEXT");
    const legacy = db
      .prepare("SELECT id, token FROM communities WHERE token IS NOT NULL AND token != ''")
      .all() as { id: string; token: unknown }[];
    const hash = db.prepare(
      "UPDATE communities SET write_hash = ?, read_hash = ?, token = '' WHERE id = ? " +
        "AND (write_hash IS NULL OR write_hash = '')",
    );
    const empty = db.prepare("UPDATE communities SET token = '' WHERE id = ?");
    for (const { id, token } of legacy) {
      if (typeof token === "string") {
        const { write, read } = hashesOf(token);
        hash.run(write, read, id);
      }
      empty.run(id);
    }
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

const changes = (result: unknown) => (result as { changes: number }).changes;

/**
 * Opens (creating or migrating if needed) the relay's database. WAL with synchronous=NORMAL: a committed write
 * survives the process being killed; the admin commands can add a community or rotate its tokens while the
 * relay runs.
 */
export function openRelayStore(path: string): RelayStore {
  const db = openSqlite(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  const getDocument = db.prepare("SELECT data FROM documents WHERE name = ?");
  const putDocument = db.prepare(
    "INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data",
  );
  const getCommunity = db.prepare("SELECT write_hash, read_hash FROM communities WHERE id = ?");
  // A row without hashes (an older version's row with an empty token) opened to nobody: it is filled.
  const putCommunity = db.prepare(
    "INSERT INTO communities (id, token, created, write_hash, read_hash) VALUES (?, '', ?, ?, ?) " +
      "ON CONFLICT(id) DO UPDATE SET write_hash = excluded.write_hash, read_hash = excluded.read_hash " +
      "WHERE write_hash IS NULL OR write_hash = ''",
  );
  const putHashes = db.prepare(
    "UPDATE communities SET write_hash = ?, read_hash = ?, token = '' WHERE id = ?",
  );
  const issue = (): { tokens: IssuedTokens; hashes: TokenHashes } => {
    const tokens = issueTokens();
    return { tokens, hashes: hashesOf(tokens.token) };
  };
  return {
    fetchDocument(name) {
      const row = getDocument.get(name) as { data?: unknown } | undefined;
      return row?.data instanceof Uint8Array ? new Uint8Array(row.data) : null;
    },
    storeDocument(name, state) {
      putDocument.run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    },
    communityHashes(id) {
      const row = getCommunity.get(id) as { write_hash?: unknown; read_hash?: unknown } | undefined;
      const { write_hash: write, read_hash: read } = row ?? {};
      return typeof write === "string" && write && typeof read === "string" && read ? { write, read } : null;
    },
    addCommunity(id, now = Date.now()) {
      const { tokens, hashes } = issue();
      // One statement: of two admin commands adding it at the same moment, one adds it and the other is told.
      if (changes(putCommunity.run(id, now, hashes.write, hashes.read)) === 0)
        throw new CommunityExistsError(id);
      return tokens;
    },
    rotateTokens(id) {
      const { tokens, hashes } = issue();
      return changes(putHashes.run(hashes.write, hashes.read, id)) === 0 ? null : tokens;
    },
    close: () => db.close(),
  };
}
