// Relay access: document names `<community>/workspace` or `<community>/session/<id>`, and community tokens.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const ID = "[A-Za-z0-9_-]{1,64}";
const DOCUMENT_NAME = new RegExp(`^(${ID})/(?:workspace|session/${ID})$`);
const COMMUNITY_ID = new RegExp(`^${ID}$`);

/** True for an id the relay accepts as a community or session id. */
export function isValidId(id: string): boolean {
  return COMMUNITY_ID.test(id);
}

/**
 * The community a document belongs to, or null when the name is outside the relay's scheme.
 * @example communityOf("c1/session/s9") // "c1"
 */
export function communityOf(documentName: string): string | null {
  return DOCUMENT_NAME.exec(documentName)?.[1] ?? null;
}

/** A community's two tokens as issued, shown to the admin once: the staff tablets' and a display's. */
export interface IssuedTokens {
  /** `<write>.<read>`: two independent secrets ("." is not in base64url). */
  token: string;
  /** `<read>` alone: what a display connects with (read-only). */
  displayToken: string;
}

/** What the relay keeps of a community's tokens: sha256 (base64url) of its write and of its read secret. */
export interface TokenHashes {
  write: string;
  read: string;
}

/** A new secret: 32 random bytes, base64url (43 characters). */
function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** New, independent staff and display tokens. */
export function issueTokens(): IssuedTokens {
  const read = newSecret();
  return { token: `${newSecret()}.${read}`, displayToken: read };
}

/** sha256 of a secret, base64url: what the relay stores and compares. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

/**
 * The read-only token tablets derived from a legacy token (one secret, no dot). Displays paired before
 * tokens had two parts hold it.
 * @example legacyReadOnlyToken(token) // base64url(sha256("yishi-relay-ro:" + token))
 */
export function legacyReadOnlyToken(token: string): string {
  return createHash("sha256").update(`yishi-relay-ro:${token}`).digest("base64url");
}

/**
 * A display's token from a staff token, as the tablets compute it (src/sync/relayNames.ts): the part after
 * the dot, or the legacy derivation for a token without one.
 */
export function readOnlyToken(token: string): string {
  const dot = token.indexOf(".");
  return dot < 0 ? legacyReadOnlyToken(token) : token.slice(dot + 1);
}

/** The hashes a relay keeps for a staff token (for a legacy one: of it, and of its derived read-only token). */
export function hashesOf(token: string): TokenHashes {
  const dot = token.indexOf(".");
  return {
    write: hashSecret(dot < 0 ? token : token.slice(0, dot)),
    read: hashSecret(readOnlyToken(token)),
  };
}

/** Compares two secrets in constant time (their digests, so lengths never leak or throw). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * What `token` allows on a community whose tokens hash to `hashes`: a staff token `<write>.<read>` must
 * match both; a token without a dot is a legacy staff token (its write hash) or a display's (its read hash).
 */
export function accessFor(hashes: TokenHashes, token: string): "read-write" | "read-only" | null {
  const dot = token.indexOf(".");
  const write = dot < 0 ? token : token.slice(0, dot);
  const read = dot < 0 ? token : token.slice(dot + 1);
  // Both comparisons always run, so the time taken says nothing about which one matched.
  const writes = sameSecret(hashSecret(write), hashes.write);
  const reads = sameSecret(hashSecret(read), hashes.read);
  if (dot >= 0) return writes && reads ? "read-write" : null;
  return writes ? "read-write" : reads ? "read-only" : null;
}

/** At most the first 4 characters of a community id, for logs. */
export function logId(communityId: string): string {
  return communityId.slice(0, 4);
}
