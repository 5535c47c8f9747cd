// A digest of a document's whole state: its state vector AND its delete set (a deletion changes no state
// vector), so two tablets can tell which of their documents differ without sending them.
import * as Y from "yjs";
import { digest } from "lib0/hash/sha256";

/** Hex SHA-256 of the document's snapshot (state vector and delete set): equal states, equal digests. */
export function docDigest(doc: Y.Doc): string {
  const bytes = digest(Y.encodeSnapshot(Y.snapshot(doc)));
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}
