import { render } from "solid-js/web";
import { registerSW } from "virtual:pwa-register";
import { App } from "./App.tsx";
import { lang, loadLang } from "./i18n/i18n.ts";
import { notify } from "./reactive/notices.ts";
import { flushOpenSessions } from "./reactive/sessionHandle.ts";
import "./ui/styles.css";

// The UI language's dictionary first (Chinese is built in; another is one cached file away).
await loadLang(lang());
render(() => <App />, document.getElementById("root")!);

if (import.meta.env.PROD && "serviceWorker" in navigator) {
  // A new version waits until the user agrees, and every pending edit is written before the reload.
  // The new worker takes over and the page reloads; a page the old worker never controlled (opened before
  // it was installed) gets no "controlling" event, so it reloads itself after a moment.
  const applyUpdate = async () => {
    await updateSW(true);
    setTimeout(() => location.reload(), 1500);
  };
  const updateSW = registerSW({
    // Registered on the window's load event, not before the first screen: the worker is already installed
    // and controlling, and checking for a new version can wait a moment.
    immediate: false,
    onNeedRefresh() {
      notify({
        kind: "info",
        key: "app.updateReady",
        sticky: true,
        action: { key: "action.reload", run: () => void flushOpenSessions().then(applyUpdate) },
      });
    },
  });
}
