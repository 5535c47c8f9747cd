// A session removed from this tablet while the relay sync's background pass is under way: the pass skips
// it if its visit has not begun, and a visit under way ends at once, so nothing more of it is received.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settledState } from "../helpers/relayTablet.ts";
import { startTestRelay, until, type TestRelay } from "../helpers/testRelay.ts";

const TIMEOUT = 60_000;
const SESSIONS = 24; // three times the visits run at once: the last ones wait their turn

describe("a relay pass and a session removed meanwhile", () => {
  let test: TestRelay;
  const tablet = (communityId: string, options: { visitMs?: number; loadMs?: number } = {}) =>
    test.tablet(test.token, communityId, options);

  beforeAll(async () => {
    test = await startTestRelay("relayremoved");
  }, TIMEOUT);

  afterAll(() => test.stop(), TIMEOUT);

  it(
    "skips a session removed mid-pass, and ends a visit under way of one",
    async () => {
      const a = tablet("c1");
      const ids = Array.from({ length: SESSIONS }, (_, i) => `r${String(i).padStart(2, "0")}`);
      for (const id of ids) {
        a.index(id, id);
        a.open(id).getText("notes").insert(0, `text of ${id}`);
      }
      await until(() => ids.every((id) => a.text(id) !== ""), "A's sessions");
      await new Promise((r) => setTimeout(r, 1000)); // stored by the relay

      // B's pass visits them 8 at a time, each lingering a while after it synced.
      const b = tablet("c1", { visitMs: 3000, loadMs: 20 });
      expect(await settledState(b.sync)).toBe("connected");
      const later = ids.at(-1)!;
      const underWay = ids[0]!;
      await until(() => b.text(underWay) !== "", "B's visit of the first session");
      b.remove(later); // not visited yet: the pass must skip it
      b.remove(underWay); // visited right now: the visit ends, nothing more arrives
      a.doc(underWay).getText("notes").insert(0, "after removal: ");

      await until(
        () => ids.slice(1, -1).every((id) => b.text(id) === `text of ${id}`),
        "the rest of the pass",
      );
      await new Promise((r) => setTimeout(r, 800)); // A's edit has reached the relay and its visitors
      expect(b.asked).not.toContain(later);
      expect(b.text(later)).toBe("");
      expect(b.text(underWay)).toBe(`text of ${underWay}`);
    },
    TIMEOUT,
  );
});
