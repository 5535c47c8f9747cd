// RoomWatch's decisions, fed with classified messages and a hand-moved clock.
import { describe, expect, it } from "vitest";
import { ANSWER_EVERY_MS, RoomWatch, STUCK_AFTER_MS, WRONG_KEY_GRACE_MS } from "../../src/sync/roomWatch.ts";

const setup = () => {
  const clock = { t: 1_000_000 };
  const watch = new RoomWatch(() => clock.t);
  return { clock, watch };
};
const none = { wrongKey: false, stuck: false };

describe("RoomWatch", () => {
  it("ignores malformed messages entirely: no answer, no warning, no client count", () => {
    const { clock, watch } = setup();
    for (let i = 0; i < 100; i++) expect(watch.message("malformed", 5)).toBe(false);
    clock.t += 60_000;
    expect(watch.poll(0)).toEqual(none);
  });

  it("warns of a wrong key once, only after the grace period of foreign-only traffic", () => {
    const { clock, watch } = setup();
    watch.message("own", 2);
    watch.message("foreign");
    clock.t += WRONG_KEY_GRACE_MS - 1;
    expect(watch.poll(0).wrongKey).toBe(false);
    clock.t += 1;
    expect(watch.poll(0)).toEqual({ wrongKey: true, stuck: false });
    clock.t += 10_000;
    expect(watch.poll(0).wrongKey).toBe(false);
  });

  it.each([
    ["a message from a peer with our key", (w: RoomWatch) => w.message("peer")],
    ["an open connection", (w: RoomWatch) => w.poll(1)],
  ])("never warns of a wrong key after %s", (_name, confirm) => {
    const { clock, watch } = setup();
    watch.message("foreign");
    confirm(watch);
    expect(watch.keyConfirmed).toBe(true);
    for (let i = 0; i < 20; i++) {
      clock.t += 1000;
      watch.message("foreign");
      expect(watch.poll(0).wrongKey).toBe(false);
    }
  });

  it("asks for a fresh start once when a peer with our key is there but no connection opens", () => {
    const { clock, watch } = setup();
    watch.message("peer", 2);
    for (let i = 0; i < 10; i++) watch.message("foreign", 1); // neither stops it nor lowers the count
    clock.t += STUCK_AFTER_MS;
    expect(watch.poll(0).stuck).toBe(false);
    clock.t += 1;
    expect(watch.poll(0)).toEqual({ wrongKey: false, stuck: true });
    clock.t += STUCK_AFTER_MS * 2;
    expect(watch.poll(0).stuck).toBe(false);
  });

  it("does not get stuck on the server's client count alone, nor while connected", () => {
    const { clock, watch } = setup();
    watch.message("own", 3);
    watch.message("foreign", 3);
    clock.t += STUCK_AFTER_MS * 2;
    expect(watch.poll(0)).toEqual({ wrongKey: true, stuck: false });
    const other = setup();
    other.watch.message("peer", 2);
    for (let i = 0; i < 20; i++) {
      other.clock.t += 1000;
      expect(other.watch.poll(1)).toEqual(none);
    }
  });

  it("answers foreign messages at most once per ANSWER_EVERY_MS, and nothing else", () => {
    const { clock, watch } = setup();
    expect(watch.message("peer")).toBe(false);
    expect(watch.message("own")).toBe(false);
    expect(watch.message("foreign")).toBe(true);
    expect(watch.message("foreign")).toBe(false);
    clock.t += ANSWER_EVERY_MS - 1;
    expect(watch.message("foreign")).toBe(false);
    clock.t += 1;
    expect(watch.message("foreign")).toBe(true);
  });
});
