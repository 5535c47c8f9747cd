// A pairing invitation: the community's room code (16 characters) and a secret (16 more, 80 bits), read
// aloud in groups of four or carried by a link or QR. The workspace holds only the secret's SHA-256; the
// inviting tablet keeps the secret itself (localStorage, until the invitation expires) to recognise the
// newcomer, and the newcomer recognises the inviting tablet by the same secret (peerAuth.ts).
import { canonicalCode, CODE_LENGTH, fromCanonical, randomCodeChars, type ShareCode } from "./shareCode.ts";
import { invitationVerifier } from "./peerAuth.ts";

const SECRET_CHARS = 16;
export const INVITATION_LENGTH = CODE_LENGTH + SECRET_CHARS;
const HELD_KEY = "yishi.invitations";

export interface InvitationCode {
  code: ShareCode;
  secret: Uint8Array;
  /** The 32 characters, canonical. */
  text: string;
}

const secretBytes = (chars: string) => new TextEncoder().encode(`yishi-invitation:${chars}`);

/** The invitation's id in the workspace: the first 16 hex digits of its verifier. */
export const invitationId = (verifier: string): string => verifier.slice(0, 16);

/** A new invitation into the room of `code`. */
export function newInvitationCode(code: ShareCode): InvitationCode {
  const chars = randomCodeChars(SECRET_CHARS);
  return { code, secret: secretBytes(chars), text: code.code + chars };
}

/** Reads a typed or scanned invitation (forgiving as share codes are), or null. */
export function parseInvitationCode(input: string): InvitationCode | null {
  const text = canonicalCode(input, INVITATION_LENGTH);
  if (!text) return null;
  return {
    code: fromCanonical(text.slice(0, CODE_LENGTH)),
    secret: secretBytes(text.slice(CODE_LENGTH)),
    text,
  };
}

/** "K7QD-3M9X-…": eight groups of four. */
export const formatInvitationCode = (inv: InvitationCode): string => inv.text.match(/.{1,4}/g)!.join("-");

/** The pairing link: the invitation sits in the URL fragment, which browsers never send to a server. */
export const invitationLink = (origin: string, inv: InvitationCode): string =>
  `${origin}/#/pair/${formatInvitationCode(inv)}`;

interface Held {
  community: string;
  text: string;
  expires: number;
}

function readHeld(): Record<string, Held> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(HELD_KEY) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, Held>) : {};
  } catch {
    return {};
  }
}

function writeHeld(held: Record<string, Held>): void {
  try {
    localStorage.setItem(HELD_KEY, JSON.stringify(held));
  } catch {
    // Storage refused: the invitation works until this page is closed.
  }
}

const memory = new Map<string, Held>();

/** Keeps the secret of an invitation this tablet made, until `expires`. Returns its id. */
export async function holdInvitation(community: string, inv: InvitationCode, expires: number) {
  const id = invitationId(await invitationVerifier(inv.secret));
  const entry = { community, text: inv.text, expires };
  memory.set(id, entry);
  writeHeld({ ...readHeld(), [id]: entry });
  return id;
}

/** The invitation `id` of `community` this tablet made, if it holds it and it has not expired. */
export function heldInvitation(community: string, id: string, now = Date.now()): InvitationCode | null {
  const entry = memory.get(id) ?? readHeld()[id];
  if (!entry || entry.community !== community || !(entry.expires > now)) return null;
  return parseInvitationCode(entry.text);
}

/** Forgets invitations that expired, and `id` (used or withdrawn). */
export function forgetInvitation(id: string, now = Date.now()): void {
  memory.delete(id);
  const kept = Object.entries(readHeld()).filter(([key, h]) => key !== id && h.expires > now);
  writeHeld(Object.fromEntries(kept));
}
