// @vitest-environment happy-dom
// WindowedList: only the rows in view (plus overscan) are in the DOM, scrolling brings others, each row is a
// named link in a role=list that tells its place in the whole list, and arrow keys move between rows.
import { afterEach, describe, expect, it } from "vitest";
import { createSignal } from "solid-js";
import { render } from "solid-js/web";
import { visibleRange, WindowedList } from "../../src/ui/components/WindowedList.tsx";

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.innerHTML = "";
});

const ROW = 50;

function mount(count: number) {
  const [items, setItems] = createSignal(Array.from({ length: count }, (_, i) => ({ id: `m${i}`, n: i })));
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(
    render(
      () => (
        <WindowedList items={items()} rowHeight={ROW} label="台账" initialHeight={500} overscan={2}>
          {(item) => (
            <a href={`#/matter/c/${item.id}`} aria-label={`事项 ${item.n}`}>
              {item.n}
            </a>
          )}
        </WindowedList>
      ),
      host,
    ),
  );
  const viewport = host.querySelector<HTMLElement>(".windowed-list")!;
  const links = () => [...host.querySelectorAll<HTMLAnchorElement>("[role=listitem] a")];
  const names = () => links().map((a) => a.getAttribute("aria-label"));
  const scrollTo = (top: number) => {
    viewport.scrollTop = top;
    viewport.dispatchEvent(new Event("scroll"));
  };
  return { host, viewport, links, names, scrollTo, setItems };
}

describe("visibleRange", () => {
  it("is the rows in view plus the overscan, within the list", () => {
    expect(visibleRange(0, 500, 50, 10_000, 2)).toEqual([0, 12]);
    expect(visibleRange(1_000, 500, 50, 10_000, 2)).toEqual([18, 32]);
    expect(visibleRange(499_800, 500, 50, 10_000, 2)).toEqual([9_994, 10_000]);
    expect(visibleRange(0, 500, 50, 3, 2)).toEqual([0, 3]);
    expect(visibleRange(-40, 500, 50, 0, 2)).toEqual([0, 0]);
  });
});

describe("WindowedList", () => {
  it("renders only the visible rows of 10,000, in a named list that gives each row's place", () => {
    const { host, names } = mount(10_000);
    const list = host.querySelector("[role=list]")!;
    expect(list.getAttribute("aria-label")).toBe("台账");
    // 500 px of 50 px rows = 10 rows, and 2 more below.
    expect(names()).toEqual(Array.from({ length: 12 }, (_, i) => `事项 ${i}`));
    const rows = [...host.querySelectorAll("[role=listitem]")];
    expect(rows[0]!.getAttribute("aria-posinset")).toBe("1");
    expect(rows[0]!.getAttribute("aria-setsize")).toBe("10000");
    // The space holds every row, so the scroll bar is the whole list's.
    expect((list as HTMLElement).style.height).toBe(`${10_000 * ROW}px`);
  });

  it("shows other rows when scrolled, each placed at its own offset", () => {
    const { host, names, scrollTo } = mount(10_000);
    scrollTo(5_000 * ROW);
    expect(names()[0]).toBe("事项 4998");
    expect(names()).toContain("事项 5009");
    expect(names()).not.toContain("事项 0");
    const row = host.querySelector<HTMLElement>('[data-row="5000"]')!;
    expect(row.style.transform).toBe(`translateY(${5_000 * ROW}px)`);
    expect(row.getAttribute("aria-posinset")).toBe("5001");
  });

  it("follows the items when the list changes (a new filter)", () => {
    const { names, setItems } = mount(10_000);
    setItems([{ id: "x", n: 42 }]);
    expect(names()).toEqual(["事项 42"]);
  });

  it("moves focus with the arrow keys, End and Home, scrolling the row into view", () => {
    const { links, viewport } = mount(10_000);
    links()[0]!.focus();
    links()[0]!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(document.activeElement?.getAttribute("aria-label")).toBe("事项 1");
    (document.activeElement as HTMLElement).dispatchEvent(
      new KeyboardEvent("keydown", { key: "End", bubbles: true }),
    );
    expect(document.activeElement?.getAttribute("aria-label")).toBe("事项 9999");
    expect(viewport.scrollTop).toBe(10_000 * ROW - 500);
    (document.activeElement as HTMLElement).dispatchEvent(
      new KeyboardEvent("keydown", { key: "Home", bubbles: true }),
    );
    expect(document.activeElement?.getAttribute("aria-label")).toBe("事项 0");
    expect(viewport.scrollTop).toBe(0);
  });
});
