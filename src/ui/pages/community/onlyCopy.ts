// Whether this tablet holds a community's only copy: no relay keeps one, and no other tablet of the community
// was seen lately (by this tablet's clock, from `lastSeen.ts`), so losing this tablet loses the community.

/** Another tablet seen within this many days is taken to still hold a copy. */
export const ONLY_COPY_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CopyEvidence {
  /** A relay is set for the community on this tablet (the relay keeps a copy). */
  relay: boolean;
  /** The community's other tablets (`otherTablets`). */
  others: readonly string[];
  /** When this tablet last saw `device` online (epoch ms), or null if never. */
  seenAt: (device: string) => number | null;
  now: number;
}

/**
 * True when no relay is set and none of the other tablets was seen in the last `ONLY_COPY_DAYS` days (a
 * community with no other tablet at all is an only copy). A time ahead of this clock counts as seen.
 * @example holdsOnlyCopy({ relay: false, others: [], seenAt: () => null, now: Date.now() }) // true
 */
export function holdsOnlyCopy(e: CopyEvidence): boolean {
  if (e.relay) return false;
  const since = e.now - ONLY_COPY_DAYS * DAY_MS;
  return !e.others.some((device) => {
    const at = e.seenAt(device);
    return at !== null && at > since;
  });
}

/** The member list's tablets other than this one (`self`, null while unknown), removed ones left out. */
export function otherTablets(
  members: readonly { device: string; removed: boolean }[],
  self: string | null,
): string[] {
  return members.filter((m) => !m.removed && m.device !== self).map((m) => m.device);
}
