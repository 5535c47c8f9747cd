// The device's record in the backup copy: what a restored tablet needs besides its documents to be the same
// tablet (talk points, communities with their pairing codes and relays, device settings, the device key).
// Written whole (atomically) whenever one of them changes and at each start; read back with every field
// checked, since the file may be damaged.
import type { TalkPoint } from "../doc/talkPoint.ts";
import type { CommunityRow } from "../persistence/communities.ts";
import type { YishiDatabase } from "../persistence/db.ts";
import { backupOf, type BackupCopy } from "../persistence/backup/backupCopy.ts";
import { deviceIdentity, exportDeviceKey } from "../sync/deviceKey.ts";

export const RECORD_FILE = "rec:device";
/** Set once the record holds the device key: a start that finds no key then restores it (backupStart.ts). */
export const KEY_KEPT = "yishi.backup.key";
const LOCAL_PREFIX = "yishi.";

export interface DeviceRecord {
  talkPoints: TalkPoint[];
  communities: CommunityRow[];
  /** localStorage entries of the app (`yishi.*`). */
  local: Record<string, string>;
  key: { privateKey: JsonWebKey; publicKey: JsonWebKey } | null;
}

function localEntries(): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(LOCAL_PREFIX)) out[key] = localStorage.getItem(key) ?? "";
    }
  } catch {
    // No localStorage here: nothing to keep.
  }
  return out;
}

/** Writes the device's record into `db`'s backup copy now. Never rejects. */
export async function writeDeviceRecord(db: YishiDatabase, copy = backupOf(db.name)): Promise<void> {
  if (!copy) return;
  try {
    await deviceIdentity(); // made now if this tablet has none yet, so that the record holds it
    const [talkPoints, communities, key] = await Promise.all([
      db.getAll("talkPoints"),
      db.getAll("communities"),
      exportDeviceKey(),
    ]);
    const record: DeviceRecord = { talkPoints, communities, local: localEntries(), key };
    await copy.replace(RECORD_FILE, [new TextEncoder().encode(JSON.stringify(record))]);
    if (key) localStorage.setItem(KEY_KEPT, "1");
  } catch {
    // The database is closing or refused: the next change or start writes it.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const hasId = (v: unknown): v is { id: string } => isObject(v) && typeof v.id === "string" && v.id !== "";

/** The record the copy holds, cleaned (a field of the wrong shape is dropped), or null. Never rejects. */
export async function readDeviceRecord(copy: BackupCopy): Promise<DeviceRecord | null> {
  try {
    const [file] = await copy.read([RECORD_FILE]);
    const last = file?.payloads.at(-1);
    if (!last) return null;
    const raw: unknown = JSON.parse(new TextDecoder().decode(last));
    if (!isObject(raw)) return null;
    const list = (v: unknown) => (Array.isArray(v) ? v.filter(hasId) : []);
    const local: Record<string, string> = {};
    if (isObject(raw.local)) {
      for (const [k, v] of Object.entries(raw.local)) {
        if (k.startsWith(LOCAL_PREFIX) && typeof v === "string") local[k] = v;
      }
    }
    const key =
      isObject(raw.key) && isObject(raw.key.privateKey) && isObject(raw.key.publicKey) ? raw.key : null;
    return {
      talkPoints: list(raw.talkPoints) as unknown as TalkPoint[],
      communities: list(raw.communities) as unknown as CommunityRow[],
      local,
      key: key as DeviceRecord["key"],
    };
  } catch {
    return null;
  }
}
