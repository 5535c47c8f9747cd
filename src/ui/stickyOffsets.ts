// Heights of the session's sticky bars as CSS variables on the page, so the bar below the header sticks right
// under it (whatever the header's wrapping) and scrolling to an element (focus, a link) stops below both.
import { onCleanup } from "solid-js";

/** Keeps `variable` on the root element equal to `el`'s height while the calling component lives. */
export function trackHeight(el: HTMLElement, variable: string): void {
  const root = document.documentElement;
  const set = () => root.style.setProperty(variable, `${el.getBoundingClientRect().height}px`);
  // The observer reports the first size after the first layout; asking for it sooner would force a layout
  // of the whole page while it is still being built.
  const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(set);
  if (observer) observer.observe(el);
  else queueMicrotask(set);
  onCleanup(() => {
    observer?.disconnect();
    root.style.removeProperty(variable);
  });
}
