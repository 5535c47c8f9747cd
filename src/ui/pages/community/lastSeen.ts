// When this tablet last saw each of a community's tablets online, kept in localStorage (a hint for the
// member list, by this tablet's clock).
const key = (community: string) => `yishi.lastSeen.${community}`;

function read(community: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(community)) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Notes `devices` as seen now. */
export function noteSeen(community: string, devices: string[], now = Date.now()): void {
  if (devices.length === 0) return;
  const seen = read(community);
  for (const d of devices) if (d) seen[d] = now;
  try {
    localStorage.setItem(key(community), JSON.stringify(seen));
  } catch {
    // Storage refused: the list shows "not seen" for tablets offline now.
  }
}

export function lastSeen(community: string, device: string): number | null {
  const at = read(community)[device];
  return typeof at === "number" && Number.isFinite(at) ? at : null;
}
