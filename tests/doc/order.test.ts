// Fractional order keys: keys at the start, middle and end, and equal keys left by concurrent inserts.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAgendaItem } from "../../src/doc/session/agenda.ts";
import { byOrder, keyAt, keyAtEnd, type Ordered } from "../../src/doc/order.ts";
import { moveRecord } from "../../src/doc/session/records.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { newSessionDoc } from "../helpers/peers.ts";

const list = (...pairs: [string, string][]): Ordered[] =>
  pairs.map(([id, order]) => ({ id, order })).sort(byOrder);
/** Where an item with `key` and id `id` sorts among `sorted`. */
const placeOf = (sorted: Ordered[], id: string, order: string) =>
  [...sorted, { id, order }].sort(byOrder).findIndex((x) => x.id === id);

describe("byOrder", () => {
  it("sorts by key, then by id for equal keys", () => {
    const items = [
      { id: "b", order: "a1" },
      { id: "c", order: "a0" },
      { id: "a", order: "a1" },
    ];
    expect(items.sort(byOrder).map((x) => x.id)).toEqual(["c", "a", "b"]);
    expect(byOrder({ id: "x", order: "a0" }, { id: "x", order: "a0" })).toBe(0);
  });
});

describe("keyAt", () => {
  const three = list(["p", "a0"], ["q", "a1"], ["r", "a2"]);

  it("starts an empty list with a0", () => {
    expect(keyAt([], 0)).toBe("a0");
    expect(keyAtEnd([])).toBe("a0");
  });

  it("makes a key before the first item", () => {
    const key = keyAt(three, 0);
    expect(key < "a0").toBe(true);
    expect(placeOf(three, "new", key)).toBe(0);
  });

  it("makes a key strictly between neighbours", () => {
    for (const i of [1, 2]) {
      const key = keyAt(three, i);
      expect(key > three[i - 1]!.order && key < three[i]!.order, `index ${i}: ${key}`).toBe(true);
      expect(placeOf(three, "new", key)).toBe(i);
    }
  });

  it("makes a key after the last item, and clamps indexes", () => {
    expect(keyAt(three, 3) > "a2").toBe(true);
    expect(keyAtEnd(three)).toBe(keyAt(three, 3));
    expect(keyAt(three, 99)).toBe(keyAt(three, 3));
    expect(keyAt(three, -4)).toBe(keyAt(three, 0));
  });

  it("keeps finding room between the same two neighbours", () => {
    let items = list(["first", "a0"], ["last", "a1"]);
    for (let n = 0; n < 50; n++) {
      const key = keyAt(items, 1);
      expect(key > "a0" && key < items[1]!.order).toBe(true);
      items = [...items, { id: `n${n}`, order: key }].sort(byOrder);
      expect(items[1]!.id).toBe(`n${n}`);
    }
  });

  describe("with equal keys from concurrent inserts", () => {
    // Two tablets both appended after "a0" and got "a1".
    const tied = list(["x", "a0"], ["y", "a1"], ["z", "a1"], ["w", "a2"]);

    it("makes a strictly-between key before the tied pair", () => {
      const key = keyAt(tied, 1);
      expect(key > "a0" && key < "a1").toBe(true);
      expect(placeOf(tied, "new", key)).toBe(1);
    });

    it("makes a strictly-between key after the tied pair", () => {
      const key = keyAt(tied, 3);
      expect(key > "a1" && key < "a2").toBe(true);
      expect(placeOf(tied, "new", key)).toBe(3);
    });

    it("never returns a key equal to a neighbour or out of order, at any index", () => {
      for (let i = 0; i <= tied.length; i++) {
        const key = keyAt(tied, i);
        expect(tied.some((t) => t.order === key)).toBe(false);
        const before = tied[i - 1]?.order;
        if (before !== undefined) expect(key > before).toBe(true);
      }
    });

    it("handles a list of nothing but equal keys", () => {
      const all = list(["p", "a1"], ["q", "a1"], ["r", "a1"]);
      expect(placeOf(all, "new", keyAt(all, 0))).toBe(0);
      expect(placeOf(all, "new", keyAt(all, 3))).toBe(3);
    });
  });
});

describe("records added concurrently at the same place", () => {
  function tiedAgenda() {
    const a = newSessionDoc();
    const first = addAgendaItem(a, { title: "原有" });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const fromA = addAgendaItem(a, { title: "甲板加" });
    const fromB = addAgendaItem(b, { title: "乙板加" });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    return { a, b, first, fromA, fromB };
  }

  it("get equal keys, and both replicas order them the same way", () => {
    const { a, b, fromA, fromB } = tiedAgenda();
    const agenda = snapshot(a).agenda;
    expect(agenda[1]!.order).toBe(agenda[2]!.order);
    expect(snapshot(b).agenda).toEqual(agenda);
    expect(agenda.slice(1).map((x) => x.id)).toEqual([fromA, fromB].sort());
  });

  it("a later item appended goes after both", () => {
    const { a } = tiedAgenda();
    const later = addAgendaItem(a, { title: "後加" });
    expect(snapshot(a).agenda.at(-1)!.id).toBe(later);
  });

  it("an item moved before the tied pair lands there", () => {
    const { a } = tiedAgenda();
    const later = addAgendaItem(a, { title: "後加" });
    moveRecord(a, "agenda", later, 1);
    expect(
      snapshot(a)
        .agenda.map((x) => x.id)
        .indexOf(later),
    ).toBe(1);
  });

  // Regression (src/doc/order.ts keyAt / src/doc/records.ts moveRecord), fixed: a drop between two records whose keys are
  // equal (as two tablets appending offline produce) puts the record after both instead of between them.
  it("an item moved between the tied pair lands between them", () => {
    const { a } = tiedAgenda();
    const later = addAgendaItem(a, { title: "後加" });
    const [first, tieLow, tieHigh] = snapshot(a).agenda.map((x) => x.id);
    moveRecord(a, "agenda", later, 2);
    expect(snapshot(a).agenda.map((x) => x.id)).toEqual([first, tieLow, later, tieHigh]);
  });
});
