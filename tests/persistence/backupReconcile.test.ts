// Reconciling a backup copy with stored rows: rows LevelDB dropped silently are found in the copy (inserts
// and deletions alike), a copy that missed an append is found behind, and equal ones are left alone.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { reconcile } from "../../src/persistence/backup/reconcile.ts";

/** A document edited in steps; each step's update is one stored row. */
function rows(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getText("agenda");
  text.insert(0, "广场舞场地");
  doc.getMap("meta").set("title", "议事");
  text.insert(5, "定在社区院内");
  text.delete(0, 2);
  return { doc, updates };
}

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return { text: doc.getText("agenda").toString(), title: doc.getMap("meta").get("title") };
};

describe("reconcile", () => {
  it("equal: nothing to store, copy not behind", () => {
    const { updates } = rows();
    expect(reconcile(updates, updates)).toEqual({ toStore: null, copyBehind: false });
    expect(reconcile([Y.mergeUpdates(updates)], updates)).toEqual({ toStore: null, copyBehind: false });
  });

  it("rows that lost an insert get it back from the copy", () => {
    const { doc, updates } = rows();
    const lost = [updates[0]!, updates[1]!, updates[3]!];
    const r = reconcile(updates, lost);
    expect(r.toStore).not.toBeNull();
    expect(r.copyBehind).toBe(false);
    expect(textOf([...lost, r.toStore!])).toEqual({ text: doc.getText("agenda").toString(), title: "议事" });
  });

  it("rows that lost only a deletion get it back too", () => {
    const { doc, updates } = rows();
    const lost = updates.slice(0, 3);
    const r = reconcile(updates, lost);
    expect(r.toStore).not.toBeNull();
    expect(textOf([...lost, r.toStore!]).text).toBe(doc.getText("agenda").toString());
  });

  it("a copy that missed an append is behind, and gives nothing to store", () => {
    const { updates } = rows();
    expect(reconcile(updates.slice(0, 2), updates)).toEqual({ toStore: null, copyBehind: true });
    expect(reconcile(updates.slice(0, 3), updates).copyBehind).toBe(true); // only a deletion missing
  });
});
