// Kiosk behaviour for the residents' screen: keep the screen awake, hide an idle cursor, go fullscreen.
import { onCleanup } from "solid-js";

const IDLE_CURSOR_MS = 3000;

/** Holds a screen wake lock while the page is visible, re-acquiring it when the page becomes visible again. */
export function useWakeLock(): void {
  let lock: WakeLockSentinel | null = null;
  const acquire = async () => {
    if (document.visibilityState !== "visible" || !("wakeLock" in navigator)) return;
    try {
      lock = await navigator.wakeLock.request("screen");
    } catch {
      // Refused (battery saver, insecure context): the screen may dim, nothing else breaks.
    }
  };
  const onVisibility = () => void acquire();
  document.addEventListener("visibilitychange", onVisibility);
  void acquire();
  onCleanup(() => {
    document.removeEventListener("visibilitychange", onVisibility);
    void lock?.release().catch(() => {});
  });
}

/** Adds the class `idle` to `el` after a few seconds without pointer movement (CSS hides the cursor). */
export function useIdleCursor(el: () => HTMLElement | undefined): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    el()?.classList.remove("idle");
    clearTimeout(timer);
    timer = setTimeout(() => el()?.classList.add("idle"), IDLE_CURSOR_MS);
  };
  window.addEventListener("pointermove", wake);
  wake();
  onCleanup(() => {
    window.removeEventListener("pointermove", wake);
    clearTimeout(timer);
  });
}

/** Enters or leaves fullscreen. */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}
