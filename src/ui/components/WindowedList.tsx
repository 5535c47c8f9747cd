// A long list (a register of thousands of matters) that renders only the rows in view plus a few either side:
// every row has the same height, so the row at any scroll position is a division, never a measurement.
import { createMemo, createSignal, For, onCleanup, onMount, type JSX } from "solid-js";

export interface WindowedListProps<T> {
  items: readonly T[];
  /** Height of every row, in CSS pixels. */
  rowHeight: number;
  /** The list's accessible name (what it lists). */
  label: string;
  /** Renders one row's content: a link or button, so each row can be reached and named. */
  children: (item: T, index: () => number) => JSX.Element;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  /** Used until the list has been laid out (and where layout is not measured, as in tests). */
  initialHeight?: number;
  class?: string;
}

const FOCUSABLE = "a[href], button:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** The rows [start, end) to render for a scroll offset, view height and row count. */
export function visibleRange(
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewHeight) / rowHeight);
  return [Math.max(0, first - overscan), Math.min(count, last + overscan)];
}

/**
 * A `role="list"` of fixed-height rows, only the visible ones in the DOM. Each row tells assistive technology
 * its place in the whole list (aria-posinset / aria-setsize); Up, Down, Page Up, Page Down, Home and End move
 * from row to row, scrolling the next one into view.
 * @example WindowedList({ items: shown(), rowHeight: 96, label: t("register.listLabel", { name }), children: (m) => MatterRow({ matter: m, href, today }) })
 */
export function WindowedList<T>(props: WindowedListProps<T>) {
  let viewport!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(0);
  const viewHeight = () => height() || props.initialHeight || 600;
  const range = createMemo(() =>
    visibleRange(scrollTop(), viewHeight(), props.rowHeight, props.items.length, props.overscan ?? 4),
  );
  const rows = createMemo(() => props.items.slice(range()[0], range()[1]));

  onMount(() => {
    const measure = () => setHeight(viewport.clientHeight);
    measure();
    if (typeof ResizeObserver !== "undefined") {
      const observer = new ResizeObserver(measure);
      observer.observe(viewport);
      onCleanup(() => observer.disconnect());
    }
  });

  /** Scrolls row `index` into view and focuses its link. */
  const focusRow = (index: number) => {
    const top = index * props.rowHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + props.rowHeight > viewport.scrollTop + viewHeight())
      viewport.scrollTop = top + props.rowHeight - viewHeight();
    setScrollTop(viewport.scrollTop);
    const row = viewport.querySelector<HTMLElement>(`[data-row="${index}"]`);
    row?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>("[data-row]");
    if (!row) return;
    const at = Number(row.dataset.row);
    const page = Math.max(1, Math.floor(viewHeight() / props.rowHeight) - 1);
    const last = props.items.length - 1;
    const next: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: last,
    };
    const to = next[e.key];
    if (to === undefined) return;
    e.preventDefault();
    focusRow(Math.min(last, Math.max(0, to)));
  };

  return (
    <div
      ref={viewport}
      class={`windowed-list ${props.class ?? ""}`}
      onScroll={() => setScrollTop(viewport.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div
        class="windowed-list-space"
        role="list"
        aria-label={props.label}
        style={{ height: `${props.items.length * props.rowHeight}px` }}
      >
        <For each={rows()}>
          {(item, i) => {
            const index = () => range()[0] + i();
            return (
              <div
                role="listitem"
                class="windowed-row"
                data-row={index()}
                aria-posinset={index() + 1}
                aria-setsize={props.items.length}
                style={{
                  height: `${props.rowHeight}px`,
                  transform: `translateY(${index() * props.rowHeight}px)`,
                }}
              >
                {props.children(item, index)}
              </div>
            );
          }}
        </For>
      </div>
    </div>
  );
}
