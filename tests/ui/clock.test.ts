import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { holdClock, now } from "../../src/ui/clock.ts";

describe("the shared countdown clock", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("ticks only while held, with one timer however many countdowns hold it", () => {
    expect(vi.getTimerCount()).toBe(0);
    const releases = [holdClock(), holdClock(), holdClock()];
    expect(vi.getTimerCount()).toBe(1);
    const start = now();
    vi.advanceTimersByTime(1500);
    expect(now() - start).toBe(1500);
    releases[0]!();
    releases[0]!(); // releasing twice counts once
    releases[1]!();
    expect(vi.getTimerCount()).toBe(1);
    releases[2]!();
    expect(vi.getTimerCount()).toBe(0);
    const stopped = now();
    vi.advanceTimersByTime(5000);
    expect(now()).toBe(stopped);
    // Held again, it starts from the current time, not from where it stopped.
    const release = holdClock();
    expect(now()).toBe(Date.now());
    release();
  });
});
