// @vitest-environment happy-dom
// The sessions removed from this tablet are remembered for ever: a session removed thousands of removals ago
// is still not fetched back by the community's sync, after a reload too, and asking stays a lookup.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Settings = typeof import("../../src/sync/deviceSettings.ts");
/** The module as a fresh page load sees it (nothing cached in memory). */
const reload = async (): Promise<Settings> => {
  vi.resetModules();
  return import("../../src/sync/deviceSettings.ts");
};
const HEAVY_MS = 60_000;

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe("sessions removed from this tablet", () => {
  it(
    "stay removed after 2,001 later removals, and after a reload",
    async () => {
      const settings = await reload();
      settings.setSessionRemovedHere("first", true);
      for (let i = 0; i < 2_001; i++) settings.setSessionRemovedHere(`later${i}`, true);
      expect(settings.isSessionRemovedHere("first")).toBe(true);
      const again = await reload();
      expect(again.isSessionRemovedHere("first")).toBe(true);
      expect(again.isSessionRemovedHere("later2000")).toBe(true);
      expect(again.isSessionRemovedHere("never")).toBe(false);
    },
    HEAVY_MS,
  );

  it(
    "forgets one on Undo only, and reads an older app's list",
    async () => {
      localStorage.setItem("yishi.removedSessions", JSON.stringify(["old1", "old2"]));
      const settings = await reload();
      expect(settings.isSessionRemovedHere("old2")).toBe(true);
      settings.setSessionRemovedHere("old1", false);
      settings.setSessionRemovedHere("new1", true);
      const again = await reload();
      expect(["old1", "old2", "new1"].map(again.isSessionRemovedHere)).toEqual([false, true, true]);
    },
    HEAVY_MS,
  );

  it(
    "answers from memory at 10,000 entries: a lookup does not read storage",
    async () => {
      const settings = await reload();
      for (let i = 0; i < 10_000; i++) settings.setSessionRemovedHere(`s${i}`, true);
      const read = vi.spyOn(Storage.prototype, "getItem");
      for (let i = 0; i < 10_000; i++) expect(settings.isSessionRemovedHere(`s${i}`)).toBe(true);
      expect(read.mock.calls.filter(([key]) => key === "yishi.removedSessions").length).toBeLessThanOrEqual(
        1,
      );
    },
    HEAVY_MS,
  );

  it(
    "learns of a removal made in another tab",
    async () => {
      const settings = await reload();
      expect(settings.isSessionRemovedHere("elsewhere")).toBe(false);
      localStorage.setItem("yishi.removedSessions", JSON.stringify(["elsewhere"]));
      window.dispatchEvent(new StorageEvent("storage", { key: "yishi.removedSessions" }));
      expect(settings.isSessionRemovedHere("elsewhere")).toBe(true);
    },
    HEAVY_MS,
  );
});
