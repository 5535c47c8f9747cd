// afterPaint: work runs in the task after the next frame, or after a short wait when no frame comes
// (a hidden tab gets none), once only, and not at all once cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterPaint } from "../../src/reactive/afterPaint.ts";

let frames: Map<number, FrameRequestCallback>;
const nextFrame = () => {
  const due = [...frames.values()];
  frames.clear();
  due.forEach((cb) => cb(performance.now()));
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  let id = 0;
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => {
    frames.set(++id, cb);
    return id;
  });
  vi.stubGlobal("cancelAnimationFrame", (frame: number) => frames.delete(frame));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("afterPaint", () => {
  it("runs in the task after the frame", () => {
    const fn = vi.fn();
    afterPaint(fn);
    vi.advanceTimersByTime(10);
    expect(fn).not.toHaveBeenCalled();
    nextFrame();
    expect(fn).not.toHaveBeenCalled(); // not inside the frame: after it is painted
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("runs without a frame when none comes (a hidden tab), and only once if a frame comes later", () => {
    const fn = vi.fn();
    afterPaint(fn);
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
    nextFrame();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("waits for the frame after a long task (the view being rendered) instead of falling back at its end", async () => {
    vi.useRealTimers();
    const order: string[] = [];
    afterPaint(() => order.push("fn"));
    // The task that scheduled it goes on for 200 ms (rendering a large stored view), longer than the
    // fallback; the browser's frame comes only after it.
    const end = performance.now() + 200;
    while (performance.now() < end);
    setTimeout(() => (order.push("frame"), nextFrame()), 5);
    await new Promise((r) => setTimeout(r, 400));
    expect(order).toEqual(["frame", "fn"]);
  });

  it("runs once when the frame comes just before the fallback would", () => {
    const fn = vi.fn();
    afterPaint(fn);
    vi.advanceTimersByTime(99);
    nextFrame();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("never runs once cancelled, before or after the frame", () => {
    const before = vi.fn();
    afterPaint(before)();
    nextFrame();
    vi.advanceTimersByTime(1000);
    expect(before).not.toHaveBeenCalled();

    const after = vi.fn();
    const cancel = afterPaint(after);
    nextFrame();
    cancel();
    vi.advanceTimersByTime(1000);
    expect(after).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
