// Record ids: random, short, and available outside secure contexts (crypto.randomUUID is not, on a LAN address).

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A random 16-character id (~82 bits). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = "";
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
