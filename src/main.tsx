import { render } from "solid-js/web";
import { registerSW } from "virtual:pwa-register";
import { App } from "./App.tsx";
import { notify } from "./reactive/notices.ts";
import { flushOpenSessions } from "./reactive/sessionHandle.ts";
import "./ui/styles.css";

render(() => <App />, document.getElementById("root")!);

if (import.meta.env.PROD && "serviceWorker" in navigator) {
  // A new version waits until the user agrees, and every pending edit is written before the reload.
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      notify({
        kind: "info",
        key: "app.updateReady",
        sticky: true,
        action: { key: "action.reload", run: () => void flushOpenSessions().then(() => updateSW(true)) },
      });
    },
  });
}
