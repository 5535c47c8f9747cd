// Start-up cases: the installed app started cold with no network into a 500-item session, alternately with
// a bare page of the same stack without Yjs (startupPeer/) painting the same rows from IndexedDB; the app's
// cold start against the session's size; and the JS/CSS the app loads to get there (gzip bytes).
import { serveBuiltPage } from "../helpers/benchPage.ts";
import * as Y from "yjs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";
import type { Page } from "playwright-core";
import { buildLargeSession } from "../helpers/largeSession.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { summarize } from "../../src/reactive/summary.ts";
import { checksum } from "../../src/persistence/db.ts";
import { startServer } from "../../src/server/start.ts";
import { launchBrowser, waitForServiceWorker } from "../helpers/browser.ts";
import { SIZES } from "../helpers/benchSizes.ts";
import { reportRatio, reportSeries, reportTimes, reportValue } from "./stats.ts";
import type { PeerSession } from "./startupPeer/main.tsx";

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10));
/** Cold starts per size of the series (other than 500, which has RUNS). */
const SERIES_RUNS = 4;
const debug = (x: unknown) => process.env.BENCH_DEBUG && console.error(JSON.stringify(x));

/** Writes a session straight into the app's IndexedDB format (one checksummed update row + its catalogue row). */
async function seed(page: Page, update: Uint8Array, summary: unknown): Promise<void> {
  await page.evaluate(
    async ({ base64, row, sum }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open("yishi");
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction(["updates", "sessions"], "readwrite");
      tx.objectStore("updates").add({ sessionId: (row as { id: string }).id, update: bytes, sum });
      tx.objectStore("sessions").put(row);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { base64: Buffer.from(update).toString("base64"), row: summary, sum: checksum(update) },
  );
}

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

/** A tablet's profile with the app installed (service worker, precache) and a session of `items` items. */
export async function installApp(url: string, items: number) {
  const doc = buildLargeSession(new Y.Doc(), { items, edits: 10 * items });
  const s = snapshot(doc);
  const profile = mkdtempSync(join(tmpdir(), "yishi-startup-"));
  const files = new Set<string>();
  const tablet = await launchBrowser({ userDataDir: profile });
  try {
    tablet.page.on("response", (r) => files.add(new URL(r.url()).pathname));
    await tablet.page.goto(`${url}/`);
    await waitForServiceWorker(tablet.page);
    await tablet.page.waitForTimeout(500);
    await seed(tablet.page, Y.encodeStateAsUpdate(doc), summarize(s));
    // Open it once, as the tablet did before the cold starts measured below: the app stores its view.
    await tablet.page.goto(`${url}/#/session/${s.meta.id}`);
    for (let i = 0; !(await tablet.page.evaluate(hasView, s.meta.id)); i++) {
      if (i > 100) throw new Error("the app did not store the session's view");
      await tablet.page.waitForTimeout(100);
    }
  } finally {
    await tablet.close();
  }
  return { profile, files, snap: s, open: `${url}/#/session/${s.meta.id}` };
}

/** A profile with the peer page installed (its service worker, precache) and the same rows stored. */
async function installPeer(url: string, s: ReturnType<typeof snapshot>) {
  const profile = mkdtempSync(join(tmpdir(), "yishi-startup-peer-"));
  const row: PeerSession = {
    id: s.meta.id,
    agenda: s.agenda.map((a) => ({ id: a.id, title: a.title, status: a.status })),
    issues: s.issues.map((i) => ({ id: i.id, text: i.text, raisedBy: i.raisedBy, location: i.location })),
  };
  const tablet = await launchBrowser({ userDataDir: profile });
  try {
    await tablet.page.goto(`${url}/`);
    await waitForServiceWorker(tablet.page);
    await tablet.page.evaluate(async (row) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open("yishi-peer", 1);
        req.onupgradeneeded = () => req.result.createObjectStore("sessions", { keyPath: "id" });
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction("sessions", "readwrite");
      tx.objectStore("sessions").put(row);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    }, row);
    // Open it once online (a page the worker controls), and give the profile time to store the worker.
    // (A hash change is no navigation: a new address each time, until the worker controls the page.)
    for (let i = 0; ; i++) {
      await tablet.page.goto(`${url}/?open=${i}#/session/${s.meta.id}`);
      if (await tablet.page.evaluate(() => navigator.serviceWorker.controller !== null)) break;
      if (i === 20) throw new Error("the peer page's service worker never took control");
      await tablet.page.waitForTimeout(250);
    }
    await tablet.page.waitForTimeout(500);
  } finally {
    await tablet.close();
  }
  return { profile, open: `${url}/#/session/${s.meta.id}` };
}

/**
 * One cold start with no network: a new browser process on `profile` opening `url`. Shown: the first frame
 * in which `rows` agenda rows are rendered and the add-item field can take input, seen from a frame callback
 * installed before the page's own scripts (a probe injected after the load event would only see the frames
 * that came after it). Loaded: the session's state is applied too (the "yishi:session-loaded" mark).
 */
export async function coldStart(profile: string, url: string, rows: number) {
  const tablet = await launchBrowser({ userDataDir: profile });
  try {
    await tablet.context.setOffline(true);
    // (A string: tsx would wrap a named inner function in a helper the page does not have.)
    await tablet.page.addInitScript(`window.yishiShown = new Promise((resolve) => {
      const check = () =>
        document.querySelectorAll(".agenda-list > li").length >= ${rows} &&
        document.querySelector(".agenda-pane input")
          ? resolve(performance.now())
          : requestAnimationFrame(check);
      requestAnimationFrame(check);
    });`);
    await tablet.page.goto(url);
    return await tablet.page.evaluate(async () => {
      const shown = await (window as unknown as { yishiShown: Promise<number> }).yishiShown;
      while (performance.getEntriesByName("yishi:session-loaded").length === 0) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const marks = Object.fromEntries(
        [...performance.getEntriesByType("mark"), ...performance.getEntriesByType("resource")].map((e) => [
          e.name.replace(/^.*\/assets\//, ""),
          Math.round(e.startTime + e.duration),
        ]),
      );
      return { shown, loaded: performance.getEntriesByName("yishi:session-loaded")[0]!.startTime, marks };
    });
  } finally {
    await tablet.close();
  }
}

/** Builds the peer page with the app's plugins (Solid, and the PWA's service worker with its options). */
const servePeer = () =>
  serveBuiltPage(join(import.meta.dirname, "startupPeer"), [
    solid(),
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ["**/*.{js,css,html,png,svg,webmanifest}"],
        navigateFallbackDenylist: [/^\/signal/],
      },
    }),
  ]);

export async function startupCases(distDir = resolve("dist")): Promise<void> {
  const server = await startServer({ host: "127.0.0.1", port: 0, distDir, log: () => {} });
  const peerServer = await servePeer();
  const profiles: string[] = [];
  let startupFiles = new Set<string>();
  try {
    const app = await installApp(server.url, 500);
    profiles.push(app.profile);
    startupFiles = app.files;
    const peer = await installPeer(peerServer.url, app.snap);
    profiles.push(peer.profile);
    const rows = app.snap.agenda.length;
    // Alternate cold starts, app then peer, after one of each warms the disk cache.
    const ours = { shown: [] as number[], loaded: [] as number[] };
    const bare = { shown: [] as number[], loaded: [] as number[] };
    for (let run = 0; run <= RUNS; run++) {
      const a = await coldStart(app.profile, app.open, rows);
      const b = await coldStart(peer.profile, peer.open, rows);
      debug({ run, app: a, peer: b });
      if (run === 0) continue;
      ours.shown.push(a.shown);
      ours.loaded.push(a.loaded);
      bare.shown.push(b.shown);
      bare.loaded.push(b.loaded);
    }
    reportTimes("startup.offline.500", ours.shown);
    reportTimes("startup.offline.500.loaded", ours.loaded);
    reportTimes("startup.offline.500.peer", bare.shown);
    reportTimes("startup.offline.500.loaded.peer", bare.loaded);
    reportRatio("startup.offline.500.ratio", ours.shown, bare.shown);
    reportRatio("startup.offline.500.loaded.ratio", ours.loaded, bare.loaded);

    // The app's cold start against the session's size (each size its own installed tablet).
    const shown: [number, number[]][] = [];
    const loaded: [number, number[]][] = [];
    for (const n of SIZES) {
      if (n === 500) {
        shown.push([n, ours.shown]);
        loaded.push([n, ours.loaded]);
        continue;
      }
      const t = await installApp(server.url, n);
      profiles.push(t.profile);
      const s: number[] = [];
      const l: number[] = [];
      for (let run = 0; run <= SERIES_RUNS; run++) {
        const r = await coldStart(t.profile, t.open, t.snap.agenda.length);
        if (run === 0) continue;
        s.push(r.shown);
        l.push(r.loaded);
      }
      shown.push([n, s]);
      loaded.push([n, l]);
    }
    reportSeries("startup.offline.series", shown);
    reportSeries("startup.offline.loaded.series", loaded);
  } finally {
    await server.close();
    await peerServer.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
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

if (import.meta.url === `file://${process.argv[1]}`) await startupCases();
