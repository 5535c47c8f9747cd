// Names and tokens shared by the tablets and the relay: documents are `<communityId>/workspace` and
// `<communityId>/session/<sessionId>` (so "a token for one community only" is a check of the first part),
// and a display uses the read-only part of the community's staff token.
import { digest } from "lib0/hash/sha256";
import { toBase64 } from "lib0/buffer";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The relay's name for a community's workspace or one of its sessions. */
export function relayDocName(communityId: string, kind: "workspace"): string;
export function relayDocName(communityId: string, kind: "session", sessionId: string): string;
export function relayDocName(communityId: string, kind: "workspace" | "session", sessionId?: string): string {
  return kind === "workspace" ? `${communityId}/workspace` : `${communityId}/session/${sessionId}`;
}

/** The community id a relay document name belongs to, or null for a name outside the scheme. */
export function communityOfDocName(name: string): string | null {
  const parts = name.split("/");
  if (parts.length === 2 && parts[1] === "workspace" && ID.test(parts[0]!)) return parts[0]!;
  if (parts.length === 3 && parts[1] === "session" && ID.test(parts[0]!) && ID.test(parts[2]!))
    return parts[0]!;
  return null;
}

/**
 * A display's token from a community's staff token. A staff token is `<write>.<read>` (two independent
 * secrets; "." is not in base64url) and a display connects with `<read>`, which nothing derives from
 * `<write>`. A legacy token (one secret, no dot: tablets paired before) keeps its derivation,
 * base64url(SHA-256("yishi-relay-ro:" + token)), which the relay accepts until the community's tokens are
 * rotated. The relay refuses a display's writes.
 */
export function readOnlyToken(token: string): string {
  const dot = token.indexOf(".");
  if (dot >= 0) return token.slice(dot + 1);
  const bytes = digest(new TextEncoder().encode(`yishi-relay-ro:${token}`));
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Sessions one "changed" notice may name (a tablet sends them in batches). */
const MAX_CHANGED = 64;

/**
 * The notice a tablet sends on its community's workspace after the relay acknowledged its edits of some
 * sessions, so tablets that hold them closed fetch them now (the relay passes it on, never stores it).
 */
export function changedNotice(sessionIds: readonly string[]): string {
  return JSON.stringify({ changed: sessionIds.slice(0, MAX_CHANGED) });
}

/** The session ids of a "changed" notice, or null for anything else (oversized, malformed, bad ids). */
export function parseChangedNotice(payload: unknown): string[] | null {
  if (typeof payload !== "string" || payload.length > 4096) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  const changed = (parsed as { changed?: unknown } | null)?.changed;
  if (!Array.isArray(changed) || changed.length === 0 || changed.length > MAX_CHANGED) return null;
  return changed.every((id) => typeof id === "string" && ID.test(id)) ? (changed as string[]) : null;
}
