// The register's memoised query: the same answer as queryMatters, re-run on a filter change or an edit of a
// matter, rows that are the store's own records, and headline counts.
import { describe, expect, it } from "vitest";
import { createRoot, createSignal } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { queryMatters, type RegisterFilter } from "../../src/doc/community/registerQuery.ts";
import type { Matter } from "../../src/doc/community/schema.ts";
import { createMatterQuery, createRegisterCounts, registerCounts } from "../../src/ui/matterQuery.ts";
import { largeRegister } from "../helpers/largeRegister.ts";

const TODAY = "2023-06-01";

function setup(n: number) {
  return createRoot((dispose) => {
    const [state, setState] = createStore({ matters: largeRegister(n) });
    const [filter, setFilter] = createSignal<RegisterFilter>({});
    const shown = createMatterQuery(
      () => state.matters,
      filter,
      () => TODAY,
    );
    const counts = createRegisterCounts(
      () => state.matters,
      () => TODAY,
    );
    return { state, setState, setFilter, shown, counts, dispose };
  });
}

describe("createMatterQuery", () => {
  it("gives what queryMatters gives, for each filter in turn", () => {
    const { state, setFilter, shown, dispose } = setup(500);
    const filters: RegisterFilter[] = [
      {},
      { statuses: ["escalated"], sort: "due" },
      { overdue: true, sort: "age" },
      { text: "鸿雁", urgent: true },
      { ackOverdue: true },
      { from: "2023-03-01", to: "2023-03-31", categoryId: "parking" },
    ];
    for (const f of filters) {
      setFilter(f);
      expect(shown().map((m) => m.id)).toEqual(queryMatters(state.matters, f, TODAY).map((m) => m.id));
    }
    dispose();
  });

  it("re-runs when a matter changes, and its rows are the store's records (they show later edits)", () => {
    const { state, setState, setFilter, shown, dispose } = setup(100);
    setFilter({ statuses: ["closed"] });
    expect(shown()).toEqual([]);
    const first = state.matters[0]!;
    const closed: Matter = {
      ...first,
      status: "closed",
      history: [...first.history, { ...first.history[0]!, id: "x", applied: true }],
    };
    setState("matters", 0, reconcile(closed));
    expect(shown().map((m) => m.id)).toEqual([first.id]);
    setState("matters", 0, "text", "改过的内容");
    expect(shown()[0]!.text).toBe("改过的内容");
    expect(shown()[0]).toBe(state.matters[0]);
    dispose();
  });

  it("counts open, overdue and acknowledgement-overdue matters", () => {
    const { state, counts, dispose } = setup(300);
    expect(counts()).toEqual(registerCounts(state.matters, TODAY));
    expect(counts().open).toBe(
      state.matters.filter((m) => m.status !== "resolved" && m.status !== "closed").length,
    );
    expect(counts().overdue).toBeGreaterThan(0);
    expect(counts().ackOverdue).toBeGreaterThan(0);
    dispose();
  });
});
