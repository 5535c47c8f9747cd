// Per-device settings kept in localStorage: this tablet's name, its role in each session, the signalling URL.

export type Role = "facilitator" | "secretary" | "display";
export const ROLES: readonly Role[] = ["facilitator", "secretary", "display"];

const NAME_KEY = "yishi.deviceName";
const ROLES_KEY = "yishi.roles";
const SIGNALING_KEY = "yishi.signalingUrl";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the setting lasts for this visit only.
  }
}

export const deviceName = (): string => read(NAME_KEY) ?? "";
export const setDeviceName = (name: string): void => write(NAME_KEY, name.trim().slice(0, 60));

function roles(): Record<string, Role> {
  try {
    return JSON.parse(read(ROLES_KEY) ?? "{}") as Record<string, Role>;
  } catch {
    return {};
  }
}
/** This device's role in a session; a session made here is run by its facilitator. */
export const roleIn = (sessionId: string): Role => roles()[sessionId] ?? "facilitator";
export const setRoleIn = (sessionId: string, role: Role): void =>
  write(ROLES_KEY, JSON.stringify({ ...roles(), [sessionId]: role }));

const CODES_KEY = "yishi.shareCodes";

/** A session's share code as this device knows it; `paused`: known (from an archive) but not joined yet. */
export interface KnownCode {
  code: string;
  paused: boolean;
}

function codes(): Record<string, KnownCode> {
  try {
    const value: unknown = JSON.parse(read(CODES_KEY) ?? "{}");
    return typeof value === "object" && value !== null ? (value as Record<string, KnownCode>) : {};
  } catch {
    return {};
  }
}
/** The code of the room this device joins for the session, or null when it has none. */
export function shareCodeOf(sessionId: string): KnownCode | null {
  const known = codes()[sessionId];
  return known && typeof known.code === "string" ? { code: known.code, paused: known.paused === true } : null;
}
/** Keeps (or, with null, forgets) the session's share code on this device. */
export function setShareCodeOf(sessionId: string, code: string | null, paused = false): void {
  const all = codes();
  if (code === null) delete all[sessionId];
  else all[sessionId] = { code, paused };
  write(CODES_KEY, JSON.stringify(all));
}

/** The signalling endpoint: the page's own server unless overridden in settings. */
export function signalingUrl(): string {
  const custom = read(SIGNALING_KEY);
  if (custom) return custom;
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/signal`;
}
export const customSignalingUrl = (): string => read(SIGNALING_KEY) ?? "";
export const setSignalingUrl = (url: string): void => write(SIGNALING_KEY, url.trim() || null);

const REMOVED_KEY = "yishi.removedSessions";
/**
 * The sessions removed here, read once and kept in memory: asked for every session at every sync, so a
 * lookup never parses storage. Never capped: a session forgotten here would come back from the peers.
 */
let removedCache: Set<string> | null = null;

function removedSet(): Set<string> {
  if (removedCache) return removedCache;
  let ids: string[] = [];
  try {
    const value: unknown = JSON.parse(read(REMOVED_KEY) ?? "[]");
    if (Array.isArray(value)) ids = value.filter((id): id is string => typeof id === "string");
  } catch {
    // Unreadable: none known (as before the first removal).
  }
  return (removedCache = new Set(ids));
}
// Another tab of the app removed (or restored) one: read the list again at the next lookup.
if (typeof window !== "undefined")
  window.addEventListener("storage", (event) => {
    if (event.key === REMOVED_KEY || event.key === null) removedCache = null;
  });

/** True for a session deleted from this tablet: its community's sync does not fetch it back. */
export const isSessionRemovedHere = (id: string): boolean => removedSet().has(id);
/** Remembers (or, with false, forgets: Undo) that session `id` was deleted from this tablet. */
export function setSessionRemovedHere(id: string, removed: boolean): void {
  const all = removedSet();
  if (removed === all.has(id)) return;
  if (removed) all.add(id);
  else all.delete(id);
  write(REMOVED_KEY, JSON.stringify([...all]));
}

const P2P_KEY = "yishi.peerToPeer";
/** Whether this tablet syncs peer to peer (y-webrtc); off, it syncs only through a community's relay. */
export const peerToPeerOn = (): boolean => read(P2P_KEY) !== "off";
export const setPeerToPeer = (on: boolean): void => write(P2P_KEY, on ? null : "off");

const ID_KEY = "yishi.deviceId";
/** A stable random id for this device, so presence shows one entry per tablet across reloads. */
export function deviceId(): string {
  let id = read(ID_KEY);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join(
      "",
    );
    write(ID_KEY, id);
  }
  return id;
}
