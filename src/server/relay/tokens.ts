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

/** A new read-write community token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The read-only token derived from a community's token. Tablets with the display role derive it themselves,
 * so the facilitator hands out one secret, and a display never holds the token that writes.
 * @example readOnlyToken(token) // base64url(sha256("yishi-relay-ro:" + token))
 */
export function readOnlyToken(token: string): string {
  return createHash("sha256").update(`yishi-relay-ro:${token}`).digest("base64url");
}

/** Compares two secrets in constant time (their digests, so lengths never leak or throw). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** What `token` allows on a community whose token is `communityToken`. */
export function accessFor(communityToken: string, token: string): "read-write" | "read-only" | null {
  // Both comparisons always run, so the time taken says nothing about which one matched.
  const writes = sameSecret(communityToken, token);
  const reads = sameSecret(readOnlyToken(communityToken), token);
  return writes ? "read-write" : reads ? "read-only" : null;
}

/** At most the first 4 characters of a community id, for logs. */
export function logId(communityId: string): string {
  return communityId.slice(0, 4);
}
