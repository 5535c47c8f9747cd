// The start-up peer: the same stack without Yjs (Solid + idb, precached by a service worker made with the
// app's Workbox options) painting the session's agenda and issues from a plain record in IndexedDB.
import { createSignal, For, Show } from "solid-js";
import { render } from "solid-js/web";
import { openDB } from "idb";

export interface PeerSession {
  id: string;
  agenda: { id: string; title: string; status: string }[];
  issues: { id: string; text: string; raisedBy: string; location: string }[];
}

export const PEER_DB = "yishi-peer";

if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js");

function App() {
  const [session, setSession] = createSignal<PeerSession>();
  const id = decodeURIComponent(location.hash.replace(/^#\/session\//, ""));
  void openDB(PEER_DB, 1, { upgrade: (db) => db.createObjectStore("sessions", { keyPath: "id" }) })
    .then((db) => db.get("sessions", id) as Promise<PeerSession | undefined>)
    .then((s) => {
      if (!s) return;
      setSession(s);
      performance.mark("yishi:session-loaded");
    });
  return (
    <Show when={session()}>
      {(s) => (
        <main>
          <aside class="agenda-pane">
            <ol class="agenda-list">
              <For each={s().agenda}>
                {(item) => (
                  <li class={item.status}>
                    <button type="button">{item.title}</button>
                  </li>
                )}
              </For>
            </ol>
            <input aria-label="agenda item" />
          </aside>
          <ul class="issues">
            <For each={s().issues}>
              {(issue) => (
                <li>
                  <p>{issue.text}</p>
                  <small>
                    {issue.raisedBy} · {issue.location}
                  </small>
                </li>
              )}
            </For>
          </ul>
        </main>
      )}
    </Show>
  );
}

render(() => <App />, document.body);
