// The archive's integrity: its hash refuses changed or cut bytes, Yjs must miss no piece, version 1 still
// reads, the join code travels only when asked, and a 19 MB archive decodes quickly.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { buildSampleSession, sampleTalkPoints } from "../../src/doc/sample/seedSession.ts";
import { readVotes, snapshot } from "../../src/doc/session/snapshot.ts";
import { exportArchive, parseArchive, sha256Hex, type Archive } from "../../src/export/archive.ts";

const seedSession = () => buildSampleSession(new Y.Doc(), sampleTalkPoints()[0]!);
const CODE = "K7QD-3M9X-F2PA-W8TN";

type Envelope = Archive & { data: Archive["data"] };
const envelope = (text: string): Envelope => JSON.parse(text) as Envelope;
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "base64"));

/** The archive with `update` in place of its own; `hash`: the new update's (true) or the old one's. */
function withUpdate(a: Envelope, update: Uint8Array, hash: boolean): Envelope {
  return { ...a, data: { ...a.data, update: b64(update), ...(hash ? { sha256: sha256Hex(update) } : {}) } };
}
/** The same archive as the previous app wrote it: version 1, no hash. */
function asVersion1(a: Envelope): Envelope {
  const { sha256: _hash, ...data } = a.data;
  return { ...a, version: 1, data };
}
const text = (a: Envelope): string => JSON.stringify(a);

/** Index of `needle` in `bytes`, or -1. */
function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The abstentions of the sample's vote, as a doc holding `update` reads them (null when it does not load). */
function abstentions(update: Uint8Array): number | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return null;
    return readVotes(doc)[0]?.options.find((o) => o.role === "abstain")?.count ?? null;
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}

describe("archive integrity", () => {
  const source = seedSession();
  const good = envelope(exportArchive(source));
  const update = unb64(good.data.update);

  it("is version 2 and carries the SHA-256 of its update's bytes", () => {
    expect(good.version).toBe(2);
    expect(good.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(good.data.sha256).toBe(sha256Hex(Y.encodeStateAsUpdate(source)));
    expect(parseArchive(text(good)).ok).toBe(true);
  });

  it("refuses a changed byte that would turn the 2 abstentions into 0", () => {
    expect(abstentions(update)).toBe(2);
    // A byte whose change still loads, with the count 0: what a silent import would have stored.
    let changed: Uint8Array | null = null;
    for (let i = 0; i < update.length && !changed; i++) {
      if (update[i] !== 2) continue;
      const copy = update.slice();
      copy[i] = 0;
      if (abstentions(copy) === 0) changed = copy;
    }
    expect(changed).not.toBeNull();
    const silent = parseArchive(text(asVersion1(withUpdate(good, changed!, false))));
    expect(silent.ok).toBe(true); // without the hash, nothing could tell
    expect(parseArchive(text(withUpdate(good, changed!, false)))).toEqual({ ok: false, error: "damaged" });
  });

  it("refuses a changed byte in the title", () => {
    const title = snapshot(source).meta.title;
    const at = indexOf(update, new TextEncoder().encode(title));
    expect(at).toBeGreaterThanOrEqual(0);
    const copy = update.slice();
    copy[at] = copy[at]! ^ 1; // the title's first character, one bit off
    const silent = parseArchive(text(asVersion1(withUpdate(good, copy, false))));
    if (!silent.ok) throw new Error(silent.error);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, silent.update);
    expect(snapshot(doc).meta.title).not.toBe(title);
    expect(parseArchive(text(withUpdate(good, copy, false)))).toEqual({ ok: false, error: "damaged" });
  });

  it("refuses one changed base64 character of the file", () => {
    const s = good.data.update;
    const i = Math.floor(s.length / 2);
    const flipped = s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    expect(parseArchive(text({ ...good, data: { ...good.data, update: flipped } }))).toEqual({
      ok: false,
      error: "damaged",
    });
  });

  it("refuses a truncated update, cut on a base64 boundary or not", () => {
    const s = good.data.update;
    const cut = (n: number) => text({ ...good, data: { ...good.data, update: s.slice(0, n) } });
    expect(parseArchive(cut(s.length - 40))).toEqual({ ok: false, error: "damaged" });
    expect(parseArchive(cut(Math.floor(s.length / 8) * 4))).toEqual({ ok: false, error: "damaged" });
    expect(parseArchive(cut(s.length - 3))).toEqual({ ok: false, error: "malformed" });
  });

  it("a version 2 archive without its hash, or with a hash of another form, is malformed", () => {
    const { sha256: _hash, ...unhashed } = good.data;
    expect(parseArchive(text({ ...good, data: unhashed }))).toEqual({ ok: false, error: "malformed" });
    for (const sha256 of [good.data.sha256!.toUpperCase(), "abc", 42]) {
      const a = { ...good, data: { ...good.data, sha256 } } as unknown as Envelope;
      expect(parseArchive(text(a))).toEqual({ ok: false, error: "malformed" });
    }
  });

  it("still reads a version 1 archive, written without a hash, as the same session", () => {
    const v1 = asVersion1(good);
    expect(Object.keys(v1.data).sort()).toEqual(["exportedAt", "id", "schemaVersion", "title", "update"]);
    const parsed = parseArchive(text(v1));
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, parsed.update);
    expect(snapshot(doc)).toEqual(snapshot(source));
  });

  it("holds a version 1 archive that does carry a hash to it", () => {
    const v1 = asVersion1(good);
    expect(parseArchive(text({ ...v1, data: { ...v1.data, sha256: good.data.sha256 } })).ok).toBe(true);
    const hashed = { ...v1, data: { ...v1.data, sha256: "0".repeat(64) } };
    expect(parseArchive(text(hashed))).toEqual({ ok: false, error: "damaged" });
  });
});

describe("an update that misses pieces", () => {
  /** The sample's whole state plus a later part of another device's edits, without their beginning. */
  function partial(edit: (doc: Y.Doc) => void): { update: Uint8Array; id: string } {
    const origin = seedSession();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(origin));
    other.getMap("issues").set("first", new Y.Map([["text", "先"]]));
    const seen = Y.encodeStateVector(other);
    edit(other);
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(origin), Y.encodeStateAsUpdate(other, seen)]);
    return { update, id: snapshot(origin).meta.id };
  }
  const archiveOf = (update: Uint8Array, id: string, v1: boolean): string => {
    const a = withUpdate(envelope(exportArchive(seedSession())), update, true);
    const own = { ...a, data: { ...a.data, id } };
    return text(v1 ? asVersion1(own) : own);
  };

  it.each([
    ["structs that follow ones it lacks", (d: Y.Doc) => d.getMap("issues").set("second", "后")],
    ["a deletion of something it lacks", (d: Y.Doc) => d.getMap("issues").delete("first")],
  ])("refuses %s, hashed (version 2) or not (version 1)", (_name, edit) => {
    const { update, id } = partial(edit);
    expect(abstentions(update)).toBeNull(); // Yjs keeps it pending: the session would be incomplete
    expect(parseArchive(archiveOf(update, id, false))).toEqual({ ok: false, error: "badUpdate" });
    expect(parseArchive(archiveOf(update, id, true))).toEqual({ ok: false, error: "badUpdate" });
  });
});

describe("the join code", () => {
  it("is not in the archive of a session made through the mutators", () => {
    const archive = exportArchive(seedSession());
    expect(archive).not.toMatch(/shareCode/i);
    expect(envelope(archive).data.shareCode).toBeUndefined();
  });

  it("goes in only when asked for", () => {
    const a = envelope(exportArchive(seedSession(), new Date(), { shareCode: CODE }));
    expect(a.data.shareCode).toBe(CODE);
    const parsed = parseArchive(text(a));
    expect(parsed.ok && parsed.archive.data.shareCode).toBe(CODE);
    expect(parseArchive(text({ ...a, data: { ...a.data, shareCode: 7 } } as unknown as Envelope))).toEqual({
      ok: false,
      error: "malformed",
    });
  });

  it("an older document's own code stays out of its archive, and the document is not changed", () => {
    const doc = seedSession();
    doc.getMap("meta").set("shareCode", CODE); // as an older app kept it
    const before = Y.encodeStateVector(doc);
    const archive = exportArchive(doc);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(doc.getMap("meta").get("shareCode")).toBe(CODE);
    const update = unb64(envelope(archive).data.update);
    expect(indexOf(update, new TextEncoder().encode(CODE))).toBe(-1);
    expect(archive).not.toContain(CODE);
    const parsed = parseArchive(archive);
    if (!parsed.ok) throw new Error(parsed.error);
    const imported = new Y.Doc();
    Y.applyUpdate(imported, parsed.update);
    expect(imported.getMap("meta").has("shareCode")).toBe(false);
    expect(snapshot(imported)).toEqual(snapshot(doc));
  });
});

describe("a large archive", () => {
  it("decodes and checks a 19 MB archive", { timeout: 60_000 }, () => {
    const doc = seedSession();
    const chunk = Array.from({ length: 4096 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 94))).join(
      "",
    );
    doc.getText("notes").insert(0, chunk.repeat(Math.ceil(15_000_000 / chunk.length)));
    const archive = exportArchive(doc);
    expect(envelope(archive).data.update.length).toBeGreaterThan(19 * 1024 * 1024);
    const parsed = parseArchive(archive);
    if (!parsed.ok) throw new Error(parsed.error);
    // Compared as one block: a deep equality of 15 million elements would take minutes.
    expect(Buffer.compare(parsed.update, Y.encodeStateAsUpdate(doc))).toBe(0);
  });
});
