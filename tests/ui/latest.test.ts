// createLatest: one load per new value of its source, the latest answer kept, a source that reads the same
// value again (the register's route after a filter change: same id, new route object) loading nothing.
import { describe, expect, it } from "vitest";
import { createRoot, createSignal } from "solid-js";
import { createLatest } from "../../src/ui/latest.ts";

describe("createLatest", () => {
  it("loads once per new value, not again when the source reads the same value", async () => {
    await createRoot(async (dispose) => {
      const [route, setRoute] = createSignal({ id: "a", search: "" });
      const loads: string[] = [];
      const { value } = createLatest(
        () => route().id,
        async (id) => (loads.push(id), `handle ${id}`),
      );
      await Promise.resolve();
      expect(value()).toBe("handle a");
      setRoute({ id: "a", search: "overdue=true" });
      await Promise.resolve();
      expect(loads).toEqual(["a"]);
      expect(value()).toBe("handle a");
      setRoute({ id: "b", search: "overdue=true" });
      await Promise.resolve();
      expect(loads).toEqual(["a", "b"]);
      expect(value()).toBe("handle b");
      dispose();
    });
  });
});
