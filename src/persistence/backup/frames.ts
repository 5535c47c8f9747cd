// The backup copy's file format: a file is a sequence of frames, each [length u32][checksum u32][bytes]
// (little-endian; checksum.ts's SHA-256 prefix). Appending a frame never touches the ones before, so a
// crash mid-append leaves at most a torn last frame, which the reader drops and reports.
import { checksumAsync } from "../checksum.ts";

const HEADER = 8;
/** No frame is larger than this: a length beyond it is damage, not data. */
export const MAX_FRAME = 256 * 1024 * 1024;

/** The frames' bytes for `payloads`, ready to append. */
export async function encodeFrames(payloads: readonly Uint8Array[]): Promise<Uint8Array> {
  const sums = await Promise.all(payloads.map((p) => checksumAsync(p)));
  const out = new Uint8Array(payloads.reduce((n, p) => n + HEADER + p.byteLength, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  payloads.forEach((payload, i) => {
    view.setUint32(at, payload.byteLength, true);
    view.setUint32(at + 4, sums[i]!, true);
    out.set(payload, at + HEADER);
    at += HEADER + payload.byteLength;
  });
  return out;
}

export interface DecodedFrames {
  /** The sound frames, in order, up to the first damaged one. */
  payloads: Uint8Array[];
  /** Bytes of the file that hold sound frames (what a repair keeps). */
  soundBytes: number;
  /** True when bytes after the sound frames are not a sound frame (torn, flipped or cut). */
  damaged: boolean;
}

/** Reads the frames of a file's bytes; never throws. */
export async function decodeFrames(bytes: Uint8Array): Promise<DecodedFrames> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloads: Uint8Array[] = [];
  let at = 0;
  while (at + HEADER <= bytes.byteLength) {
    const length = view.getUint32(at, true);
    if (length > MAX_FRAME || at + HEADER + length > bytes.byteLength) break;
    const payload = bytes.subarray(at + HEADER, at + HEADER + length);
    if ((await checksumAsync(payload)) !== view.getUint32(at + 4, true)) break;
    payloads.push(payload.slice());
    at += HEADER + length;
  }
  return { payloads, soundBytes: at, damaged: at !== bytes.byteLength };
}
