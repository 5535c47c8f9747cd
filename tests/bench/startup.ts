// Start-up cases: the installed app started cold with no network into a 500-item session, and the JS/CSS
// it loads to get there (gzip bytes).
import * as Y from "yjs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildLargeSession } from "../helpers/largeSession.ts";
import { snapshot } from "../../src/doc/snapshot.ts";
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
    await tablet.close();

    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      tablet = await launchBrowser({ userDataDir: profile });
      await tablet.context.setOffline(true);
      await tablet.page.goto(`${server.url}/#/session/${s.meta.id}`);
      // Interactive: the agenda is rendered and the add-item field can take input.
      const ms = await tablet.page.evaluate(async (expected) => {
        while (
          document.querySelectorAll(".agenda-list > li").length < expected ||
          !document.querySelector(".agenda-pane input")
        ) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        return performance.now();
      }, s.agenda.length);
      times.push(ms);
      if (process.env.BENCH_DEBUG) {
        console.error(
          JSON.stringify(
            await tablet.page.evaluate(() => ({
              nav: performance.getEntriesByType("navigation").map((e) => {
                const n = e as PerformanceNavigationTiming;
                return { responseEnd: n.responseEnd, dcl: n.domContentLoadedEventEnd };
              }),
              marks: performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]),
            })),
          ),
        );
      }
      await tablet.close();
    }
    reportTimes("startup.offline.500", times);
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
