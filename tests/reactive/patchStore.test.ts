// @vitest-environment happy-dom
// patchStore writes a freshly read value into a Solid store: afterwards the store holds exactly that value
// (any value: records with ids added, removed, moved, fields added and dropped, kinds changed), records
// that stayed keep their identity, and only what changed notifies (an effect on another count stays quiet).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { batch, createEffect, createRoot } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import { patchStore } from "../../src/reactive/patchStore.ts";

type State = { list: unknown };

const leaf = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom("a", "b", "", null, true, false));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("record"), tie("list")),
  record: fc.dictionary(fc.constantFrom("x", "y", "count", "label"), tie("node"), { maxKeys: 3 }),
  list: fc.array(
    fc.oneof(
      leaf,
      fc.record({
        id: fc.constantFrom("r1", "r2", "r3"),
        count: leaf,
        tags: fc.array(leaf, { maxLength: 2 }),
      }),
    ),
    { maxLength: 4 },
  ),
})).node;

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe("patchStore", () => {
  it("leaves the store holding exactly the new value, from any value to any other", () => {
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        createRoot((dispose) => {
          const [state, set] = createStore<State>({ list: plain(a) });
          for (const next of [b, c, a]) {
            batch(() => patchStore(set, "list", unwrap(state).list, plain(next)));
            expect(plain(unwrap(state).list)).toEqual(plain(next));
          }
          dispose();
        });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the records that stayed, and notifies only what changed", () => {
    const votes = [
      {
        id: "v1",
        options: [
          { id: "o1", count: 0 },
          { id: "o2", count: 0 },
        ],
        history: [{ kind: "open" }],
      },
    ];
    const [state, set] = createStore<{ votes: typeof votes }>({ votes: structuredClone(votes) });
    const runs = { o1: 0, o2: 0 };
    const dispose = createRoot((d) => {
      createEffect(() => (state.votes[0]!.options[0]!.count, runs.o1++));
      createEffect(() => (state.votes[0]!.options[1]!.count, runs.o2++));
      return d;
    });
    expect(runs).toEqual({ o1: 1, o2: 1 });
    const first = state.votes[0];
    const tapped = structuredClone(votes);
    tapped[0]!.options[0]!.count = 1;
    batch(() => patchStore(set, "votes", unwrap(state).votes, tapped));
    expect(state.votes[0]).toBe(first);
    expect(state.votes[0]!.options[0]!.count).toBe(1);
    expect(runs).toEqual({ o1: 2, o2: 1 });
    // A list whose records moved is reconciled whole: the records still keep their identity by id.
    const o2 = state.votes[0]!.options[1];
    const moved = structuredClone(tapped);
    moved[0]!.options.reverse();
    batch(() => patchStore(set, "votes", unwrap(state).votes, moved));
    expect(state.votes[0]!.options[0]).toBe(o2);
    expect(unwrap(state).votes).toEqual(moved);
    dispose();
  });
});
