// Start-up cases: the installed app started cold with no network into a 500-item session, and the JS/CSS
// it loads to get there (gzip bytes).
import * as Y from "yjs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildLargeSession } from "../helpers/largeSession.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { summarize } from "../../src/reactive/summary.ts";
import { checksum } from "../../src/persistence/db.ts";
import { startServer } from "../../src/server/start.ts";
import { launchBrowser, waitForServiceWorker } from "../helpers/browser.ts";
import { reportTimes, reportValue } from "./stats.ts";

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10));

/** Writes a session straight into the app's IndexedDB format (one checksummed update row + its catalogue row). */
async function seed(
  page: import("playwright-core").Page,
  update: Uint8Array,
  summary: unknown,
): Promise<void> {
  await page.evaluate(
    async ({ bytes, row, sum }) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open("yishi");
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction(["updates", "sessions"], "readwrite");
      tx.objectStore("updates").add({
        sessionId: (row as { id: string }).id,
        update: new Uint8Array(bytes),
        sum,
      });
      tx.objectStore("sessions").put(row);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { bytes: Array.from(update), row: summary, sum: checksum(update) },
  );
}

export async function startupCases(distDir = resolve("dist")): Promise<void> {
  const doc = buildLargeSession(new Y.Doc(), { items: 500, edits: 5000 });
  const s = snapshot(doc);
  const server = await startServer({ host: "127.0.0.1", port: 0, distDir, log: () => {} });
  const profile = mkdtempSync(join(tmpdir(), "yishi-startup-"));
  const startupFiles = new Set<string>();
  try {
    // Install: load once online, let the service worker precache everything, store the session.
    let tablet = await launchBrowser({ userDataDir: profile });
    tablet.page.on("response", (r) => startupFiles.add(new URL(r.url()).pathname));
    await tablet.page.goto(`${server.url}/`);
    await waitForServiceWorker(tablet.page);
    await tablet.page.waitForTimeout(500);
    await seed(tablet.page, Y.encodeStateAsUpdate(doc), summarize(s));
    // Open it once, as the tablet did before the cold starts measured below: the app stores its view.
    await tablet.page.goto(`${server.url}/#/session/${s.meta.id}`);
    const hasView = (id: string) =>
      new Promise<boolean>((ok) => {
        const req = indexedDB.open("yishi");
        req.onerror = () => ok(false);
        req.onsuccess = () => {
          try {
            const count = req.result.transaction("views").objectStore("views").count(id);
            count.onsuccess = () => ok(count.result === 1);
          } catch {
            ok(false); // no views store: an app from before views
          } finally {
            req.result.close();
          }
        };
      });
    for (let i = 0; !(await tablet.page.evaluate(hasView, s.meta.id)); i++) {
      if (i > 100) throw new Error("the app did not store the session's view");
      await tablet.page.waitForTimeout(100);
    }
    await tablet.close();

    const times: number[] = [];
    const loadedTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      tablet = await launchBrowser({ userDataDir: profile });
      await tablet.context.setOffline(true);
      // Interactive: the first frame in which the agenda is rendered and the add-item field can take input,
      // seen from a frame callback installed before the page's own scripts (a probe injected after the load
      // event would only see the frames that came after it). Loaded: the session's Yjs state is applied too
      // (when the session opens from its stored view, that happens in the task after the first paint).
      // (A string: tsx would wrap a named inner function in a helper the page does not have.)
      await tablet.page.addInitScript(`window.yishiShown = new Promise((resolve) => {
        const check = () =>
          document.querySelectorAll(".agenda-list > li").length >= ${s.agenda.length} &&
          document.querySelector(".agenda-pane input")
            ? resolve(performance.now())
            : requestAnimationFrame(check);
        requestAnimationFrame(check);
      });`);
      await tablet.page.goto(`${server.url}/#/session/${s.meta.id}`);
      const { shown, loaded } = await tablet.page.evaluate(async () => {
        const shown = await (window as unknown as { yishiShown: Promise<number> }).yishiShown;
        while (performance.getEntriesByName("yishi:session-loaded").length === 0) {
          await new Promise((r) => setTimeout(r, 5));
        }
        return { shown, loaded: performance.getEntriesByName("yishi:session-loaded")[0]!.startTime };
      });
      times.push(shown);
      loadedTimes.push(loaded);
      if (process.env.BENCH_DEBUG) {
        console.error(
          JSON.stringify(
            await tablet.page.evaluate(() => ({
              nav: performance.getEntriesByType("navigation").map((e) => {
                const n = e as PerformanceNavigationTiming;
                return {
                  workerStart: Math.round(n.workerStart),
                  fetchStart: Math.round(n.fetchStart),
                  responseStart: Math.round(n.responseStart),
                  responseEnd: Math.round(n.responseEnd),
                  dcl: Math.round(n.domContentLoadedEventEnd),
                };
              }),
              marks: performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]),
              res: performance
                .getEntriesByType("resource")
                .map((r) => [r.name.split("/").pop(), Math.round(r.startTime), Math.round(r.duration)]),
            })),
          ),
        );
      }
      await tablet.close();
    }
    reportTimes("startup.offline.500", times);
    reportTimes("startup.offline.500.loaded", loadedTimes);
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  // Bytes of JS and CSS the home screen loaded, gzip: lazily loaded code (sync, QR) is not among them.
  const gz = (ext: string) =>
    [...startupFiles]
      .filter((p) => p.endsWith(ext))
      .reduce((sum, p) => sum + gzipSync(readFileSync(join(distDir, p))).length, 0);
  reportValue("bundle.js.gzip", "bytes", gz(".js"), {
    files: [...startupFiles].filter((p) => p.endsWith(".js") && !p.endsWith("sw.js")),
  });
  reportValue("bundle.css.gzip", "bytes", gz(".css"));
}
