// RelaySync against a real Hocuspocus relay (in this process, on a temporary SQLite file): the workspace
// stays attached, sessions open on screen go out live, closed ones are visited when the index says another
// tablet changed them; a wrong token is refused, and a display's read-only token writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOnlyToken } from "../../src/sync/relayNames.ts";
import { settledState } from "../helpers/relayTablet.ts";
import { startTestRelay, until, type TestRelay } from "../helpers/testRelay.ts";

const TIMEOUT = 60_000;

describe("RelaySync through a real relay", () => {
  let test: TestRelay;
  let token: string;
  const tablet = (t: string) => test.tablet(t);

  beforeAll(async () => {
    test = await startTestRelay("relaysync");
    ({ token } = test);
  }, TIMEOUT);

  afterAll(() => test.stop(), TIMEOUT);

  it(
    "carries the workspace, open sessions live, and closed sessions when their index entry changes",
    async () => {
      const a = tablet(token);
      a.index("s1", "first");
      a.open("s1").getText("notes").insert(0, "from A");
      const b = tablet(token);
      expect(await settledState(b.sync)).toBe("connected");
      // B learns of s1 from the workspace and visits it.
      await until(() => b.text("s1") === "from A", "B to receive s1");

      // A keeps typing in the open session; B has it closed, so it arrives when the index entry changes.
      a.doc("s1").getText("notes").insert(6, ", more");
      await new Promise((r) => setTimeout(r, 300));
      a.index("s1", "first (edited)");
      await until(() => b.text("s1") === "from A, more", "B to visit s1 again");

      // Open on both: edits go out live both ways.
      b.open("s1");
      b.doc("s1").getText("notes").insert(0, "B: ");
      await until(() => a.text("s1") === "B: from A, more", "A to see B's live edit");
      b.close("s1");
    },
    TIMEOUT,
  );

  it(
    "tells the other tablets which sessions changed: a closed session follows edits with no index change",
    async () => {
      const a = tablet(token);
      a.index("s2", "second");
      a.open("s2").getText("notes").insert(0, "one");
      const b = tablet(token);
      await until(() => b.text("s2") === "one", "B to receive s2");
      for (const word of [" two", " three"]) {
        await new Promise((r) => setTimeout(r, 400)); // B's visit of s2 is over
        a.doc("s2").getText("notes").insert(a.text("s2").length, word);
        await until(() => b.text("s2") === a.text("s2"), `B to follow "${word}" in the closed s2`, 5000);
      }
      // A display's edits are neither stored nor announced.
      const display = tablet(readOnlyToken(token));
      await until(() => display.text("s2") === a.text("s2"), "the display to read s2");
      display.open("s2").getText("notes").insert(0, "display: ");
      await new Promise((r) => setTimeout(r, 800));
      expect(b.text("s2")).toBe("one two three");
      expect(a.text("s2")).toBe("one two three");
    },
    TIMEOUT,
  );

  it(
    "a session opened during its visit, or closed and opened again at once, still follows live edits",
    async () => {
      const a = tablet(token);
      a.index("s3", "third");
      a.open("s3").getText("notes").insert(0, "0");
      const b = test.tablet(token, "c1", { visitMs: 400 });
      await until(() => b.text("s3") === "0", "B to visit s3");
      for (let round = 1; round <= 4; round++) {
        // Round 1: B opens s3 while the visit of its stored copy lingers; later rounds: closed and reopened.
        if (round > 1) b.close("s3");
        b.open("s3");
        a.doc("s3").getText("notes").insert(a.text("s3").length, String(round));
        await until(() => b.text("s3") === a.text("s3"), `B to follow A live (round ${round})`, 8000);
        b.doc("s3").getText("notes").insert(0, "b");
        await until(() => a.text("s3") === b.text("s3"), `A to follow B live (round ${round})`, 8000);
      }
      expect(a.text("s3")).toBe("bbbb01234");
    },
    TIMEOUT,
  );

  it(
    "refuses another token and lets a display read but not write",
    async () => {
      const stranger = tablet("x".repeat(43));
      expect(await settledState(stranger.sync)).toBe("refused");
      stranger.workspace.getMap("meta").set("name", "intruder");

      const display = tablet(readOnlyToken(token));
      await until(() => display.workspace.getMap("sessions").has("s1"), "the display to read the workspace");
      display.workspace.getMap("meta").set("name", "written by a display");

      const fresh = tablet(token);
      await until(() => fresh.workspace.getMap("sessions").has("s1"), "a fresh tablet to sync");
      await new Promise((r) => setTimeout(r, 500));
      const later = tablet(token);
      await until(() => later.workspace.getMap("sessions").has("s1"), "another fresh tablet to sync");
      expect(later.workspace.getMap("meta").get("name")).toBeUndefined();
      expect(fresh.workspace.getMap("meta").get("name")).toBeUndefined();
    },
    TIMEOUT,
  );
});
