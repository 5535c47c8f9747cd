// Who may write in a session room shared by its code (peerGate.ts enforces it where messages arrive). A tablet
// holding the staff code (with the write secret) treats a peer as staff only once that peer proved the same
// secret on this very connection: its HELLO names the invitation "write" and carries HMAC(secret, "invitee" +
// the connection's transcript), so a proof cannot be replayed on another connection (peerAuth.ts). Every
// other verified peer is a display: sent everything, heard only for requests. A tablet holding only the
// display code cannot tell anyone apart and accepts every verified peer; it writes nothing others accept.
//
// The secret proved is PBKDF2 of the 10 characters, salted with the room and key: a display sees staff
// HELLOs, each an HMAC over a known transcript, and guessing 50 bits through 200,000 iterations of SHA-256
// per guess is out of reach, where plain HMAC guesses would not be.
import type { DeviceIdentity } from "./deviceKey.ts";
import type { RoomAccess } from "./peerGate.ts";
import type { ShareCode } from "./shareCode.ts";

/** The invitation id a staff tablet names in its HELLO in a session room. */
export const WRITE_INVITATION = "write";
const ITERATIONS = 200_000;

const secrets = new Map<string, Promise<Uint8Array>>();

/** The bytes a staff tablet proves it holds: derived once per code and page. */
export function writeSecret(code: ShareCode & { write: string }): Promise<Uint8Array> {
  const id = `${code.code}${code.write}`;
  let secret = secrets.get(id);
  if (!secret) {
    secret = derive(code.write, `yishi-write-1\n${code.room}\n${code.key}`);
    secrets.set(id, secret);
  }
  return secret;
}

async function derive(chars: string, salt: string): Promise<Uint8Array> {
  const text = new TextEncoder();
  const base = await crypto.subtle.importKey("raw", text.encode(chars), "PBKDF2", false, ["deriveBits"]);
  const params = { name: "PBKDF2", hash: "SHA-256", salt: text.encode(salt), iterations: ITERATIONS };
  return new Uint8Array(await crypto.subtle.deriveBits(params, base, 256));
}

/** The access rules of the session room of `code`, for this tablet (`identity`, shown as `name`). */
export async function sessionRoomAccess(
  code: ShareCode,
  identity: DeviceIdentity,
  name: string,
): Promise<RoomAccess> {
  const base = { room: code.room, identity, name, onMembersChange: () => () => {} };
  if (!code.write) {
    // The display code: nothing to check a peer against, and nothing this tablet sends is accepted as a change.
    return { ...base, roleOf: () => "staff", invitationSecret: () => null, admit: () => null };
  }
  const secret = await writeSecret({ ...code, write: code.write });
  return {
    ...base,
    roleOf: (_device, proved) => (proved ? "staff" : "display"),
    pairing: { invitation: WRITE_INVITATION, secret },
    invitationSecret: (id) => (id === WRITE_INVITATION ? secret : null),
    admit: () => "staff",
  };
}
