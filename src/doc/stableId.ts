// Ids that every tablet derives alike from the same name, so two tablets adding "电力局" add one entry.

/**
 * A short id from `text` (two 32-bit FNV-1a hashes in base 36): the same text gives the same id everywhere.
 * @example stableId("dept", "电力局") // "dept-…" (14 characters after the prefix)
 */
export function stableId(prefix: string, text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return `${prefix}-${a.toString(36).padStart(7, "0")}${b.toString(36).padStart(7, "0")}`;
}
