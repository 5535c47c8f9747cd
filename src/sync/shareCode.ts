// Share codes: one short code names the room and holds its key; the key never reaches the signalling server.
// A session's code comes in two forms: the display code (16 characters: room and key) and the staff code
// (those 16 and a 10-character write secret), which lets a tablet prove itself staff (sessionAccess.ts).

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const ROOM_CHARS = 6;
const KEY_CHARS = 10;
export const CODE_LENGTH = ROOM_CHARS + KEY_CHARS;
const WRITE_CHARS = 10;
/** A staff code: the 16 characters and the write secret. */
export const STAFF_CODE_LENGTH = CODE_LENGTH + WRITE_CHARS;

export interface ShareCode {
  /** The 16 characters, canonical (upper case, no separators). */
  code: string;
  /** Topic on the signalling server: derived from the first 6 characters only. */
  room: string;
  /** y-webrtc's room password: the last 10 characters (50 bits), never sent in the clear. */
  key: string;
  /** The write secret of a staff code (10 characters); absent in a display code. */
  write?: string;
}

/** A fresh random share code: room and key (a session's staff code adds `withWriteSecret`). */
export function newShareCode(): ShareCode {
  return fromCanonical(randomCodeChars(CODE_LENGTH));
}

/** The same room and key with a fresh write secret (a display code made a staff code). */
export const withWriteSecret = (code: ShareCode): ShareCode => ({
  ...code,
  write: randomCodeChars(WRITE_CHARS),
});

/** The display code of `code`: room and key only. */
export const displayCodeOf = (code: ShareCode): ShareCode => fromCanonical(code.code);

export function fromCanonical(code: string): ShareCode {
  return { code, room: `yishi-${code.slice(0, ROOM_CHARS)}`, key: code.slice(ROOM_CHARS) };
}

/**
 * Reads a typed or scanned code ("k7qd-3m9x f2pa w8tn"), forgiving case, separators and O/I/L look-alikes:
 * a display code (16 characters) or a staff code (26).
 */
export function parseShareCode(input: string): ShareCode | null {
  const code = canonicalCode(input, CODE_LENGTH);
  if (code) return fromCanonical(code);
  const staff = canonicalCode(input, STAFF_CODE_LENGTH);
  return staff ? { ...fromCanonical(staff.slice(0, CODE_LENGTH)), write: staff.slice(CODE_LENGTH) } : null;
}

/** `input` forgiving case, separators and look-alikes, when it is `length` code characters; else null. */
export function canonicalCode(input: string, length: number): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return code.length === length && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** `count` random code characters. */
export function randomCodeChars(count: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(count)), (b) => ALPHABET[b % 32]).join("");
}

/** "K7QD-3M9X-F2PA-W8TN" (a staff code: "…-W8TN-5HJ2-R0QC-9A"): groups of four for reading aloud. */
export function formatShareCode(code: ShareCode): string {
  return (code.code + (code.write ?? "")).match(/.{1,4}/g)!.join("-");
}

/** The join link: the code sits in the URL fragment, which browsers never send to a server. */
export function shareLink(origin: string, code: ShareCode): string {
  return `${origin}/#/join/${formatShareCode(code)}`;
}
