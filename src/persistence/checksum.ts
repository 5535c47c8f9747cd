// Checksums of stored bytes: the first 32 bits of their SHA-256, so bytes changed on disk no longer match.
import { digest } from "lib0/hash/sha256";

const first32 = (d: Uint8Array): number => ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;

/** The first 32 bits of the bytes' SHA-256, in JavaScript (synchronous). */
export function checksum(update: Uint8Array): number {
  return first32(digest(update));
}

/**
 * The same checksum, by the browser's native SHA-256 where it has one (secure contexts: an installed app
 * always is), which is many times faster than the JavaScript one on a cold start.
 */
export async function checksumAsync(update: Uint8Array): Promise<number> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return checksum(update);
  return first32(new Uint8Array(await subtle.digest("SHA-256", update as Uint8Array<ArrayBuffer>)));
}
