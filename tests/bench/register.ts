// Register cases: the register of a community with 10,000 matters (and 1,000 and 50,000 for the series) opened cold from IndexedDB in the built
// app (navigation to the first painted frame with its rows, and to its Yjs state applied), a status + overdue
// filter applied on it (input event to the painted frame with the filtered list), and the stored sizes.
import { openRegisterCold } from "../helpers/benchPage.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { checksum } from "../../src/persistence/db.ts";
import { workspaceDocId, type CommunityRow } from "../../src/persistence/communities.ts";
import { startServer } from "../../src/server/start.ts";
import { launchBrowser, waitForServiceWorker, type LaunchedBrowser } from "../helpers/browser.ts";
import { buildRegisterWorkspace } from "./registerWorkspace.ts";
import { median, reportSeries, reportTimes, reportValue } from "./stats.ts";

const MATTERS = 10_000;
const OPEN_RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10));
const FILTER_RUNS = 24;
/** Matters of the open series (cost against the register's size), and cold opens at each other size. */
const SERIES_SIZES = [1_000, 10_000, 50_000] as const;
const SERIES_RUNS = 4;
const debug = (x: unknown) => process.env.BENCH_DEBUG && console.error(JSON.stringify(x));

/** Writes the workspace as the app stores it: one checksummed row of `updates` and its `communities` row. */
async function seed(page: Page, update: Uint8Array, row: CommunityRow): Promise<void> {
  await page.evaluate(
    async ({ base64, docId, sum, row }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open("yishi");
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction(["updates", "communities"], "readwrite");
      tx.objectStore("updates").add({ sessionId: docId, update: bytes, sum });
      tx.objectStore("communities").put(row);
      await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = fail)));
      db.close();
    },
    {
      base64: Buffer.from(update).toString("base64"),
      docId: workspaceDocId(row.id),
      sum: checksum(update),
      row,
    },
  );
}

/** The size of the stored view as JSON (UTF-8 bytes), or 0 while there is none. */
const viewBytes = (docId: string) =>
  new Promise<number>((ok) => {
    const req = indexedDB.open("yishi");
    req.onerror = () => ok(0);
    req.onsuccess = () => {
      const get = req.result.transaction("views").objectStore("views").get(docId);
      get.onsuccess = () => {
        req.result.close();
        const data = (get.result as { data?: unknown } | undefined)?.data;
        ok(data === undefined ? 0 : new Blob([JSON.stringify(data)]).size);
      };
      get.onerror = () => ok(0);
    };
  });

// When the rows were shown, when the state was applied (waited for), how many rows, and the app's marks.
const OPEN_TIMES = `(async () => {
  const shown = await window.yishiShown;
  while (performance.getEntriesByName("yishi:community-loaded").length === 0)
    await new Promise((r) => setTimeout(r, 5));
  return {
    shown,
    loaded: performance.getEntriesByName("yishi:community-loaded")[0].startTime,
    rows: document.querySelectorAll(".register-list [role=listitem]").length,
    marks: Object.fromEntries(
      performance.getEntriesByType("mark").map((m) => [m.name.replace("yishi:", ""), Math.round(m.startTime)]),
    ),
  };
})()`;

/** Opens the register in a fresh page: when its rows were first painted, and when the Yjs state was in. */
export async function openCold(tablet: LaunchedBrowser, url: string) {
  const { page } = await openRegisterCold(tablet.context, url);
  const times = (await page.evaluate(OPEN_TIMES)) as {
    shown: number;
    loaded: number;
    rows: number;
    marks: Record<string, number>;
  };
  return { page, ...times };
}

// Arms the filter probe: at the next input event, the time from its timeStamp to the paint of the first frame
// whose frame callback sees the count changed (a timeout set in a frame callback runs after its paint).
const ARM_FILTER_PROBE = `(() => {
  const before = document.querySelector(".register-count")?.textContent;
  window.yishiFiltered = new Promise((done) => {
    const onInput = (e) => {
      window.removeEventListener("input", onInput, true);
      const check = () =>
        document.querySelector(".register-count")?.textContent === before
          ? requestAnimationFrame(check)
          : setTimeout(() => done(performance.now() - e.timeStamp));
      requestAnimationFrame(check);
    };
    window.addEventListener("input", onInput, true);
  });
})()`;

/**
 * Clicks a checkbox and times it in the page: from the input event (its timeStamp) to the frame after the
 * one whose frame callback first sees the count changed and the list re-rendered (a timeout set in a frame
 * callback runs once that frame is painted).
 */
export async function timeClick(page: Page, checkbox: ReturnType<Page["getByLabel"]>): Promise<number> {
  await page.evaluate(ARM_FILTER_PROBE);
  await checkbox.click();
  return (await page.evaluate("window.yishiFiltered")) as number;
}

/**
 * A tablet's profile with the app installed and a community of `matters` matters stored, opened once as the
 * tablet did before (the app stores the register's view a second after loading), then the browser restarted
 * so nothing of the workspace is left in memory.
 */
export async function installRegister(
  serverUrl: string,
  matters: number,
  build: typeof buildRegisterWorkspace = buildRegisterWorkspace,
) {
  const workspace = build({ matters, sessions: 500 });
  const { id } = workspace;
  const profile = mkdtempSync(join(tmpdir(), "yishi-register-"));
  const register = `${serverUrl}/#/register/${id}`;
  const installing = await launchBrowser({ userDataDir: profile });
  let stored = 0;
  try {
    await installing.page.goto(`${serverUrl}/`);
    await waitForServiceWorker(installing.page);
    await seed(installing.page, workspace.update, {
      id,
      name: "老城路社区",
      code: null,
      role: "gridWorker",
      addedAt: Date.now(),
    });
    await installing.page.goto(register);
    for (let i = 0; (stored = await installing.page.evaluate(viewBytes, workspaceDocId(id))) === 0; i++) {
      if (i > 600) throw new Error("the app did not store the workspace's view");
      await installing.page.waitForTimeout(100);
    }
  } finally {
    await installing.close();
  }
  const tablet = await launchBrowser({ userDataDir: profile });
  await tablet.page.goto(`${serverUrl}/`);
  return { workspace, id, profile, register, stored, tablet };
}

/** Cold opens of the register (the first one warms the process's code caches and is left out). */
async function openRuns(tablet: LaunchedBrowser, register: string, runs: number) {
  const shown: number[] = [];
  const loaded: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const r = await openCold(tablet, register);
    await r.page.close();
    if (r.rows === 0) throw new Error("the register showed no rows");
    debug({ run, shown: Math.round(r.shown), loaded: Math.round(r.loaded), marks: r.marks });
    if (run === 0) continue;
    shown.push(r.shown);
    loaded.push(r.loaded);
  }
  return { shown, loaded };
}

export async function registerCases(distDir = resolve("dist")): Promise<void> {
  const server = await startServer({ host: "127.0.0.1", port: 0, distDir, log: () => {} });
  const { workspace, id, profile, register, stored, tablet } = await installRegister(server.url, MATTERS);
  const profiles = [profile];
  try {
    reportValue(`register.size.${MATTERS}`, "bytes", workspace.update.byteLength, {
      view_json_bytes: stored,
      matters: workspace.matters,
      steps: workspace.steps,
    });
    const { shown, loaded } = await openRuns(tablet, register, OPEN_RUNS);
    reportTimes(`register.open.${MATTERS}`, shown);
    reportTimes(`register.open.${MATTERS}.loaded`, loaded);

    // The filter, on a register opened and loaded (its state applied), in English for the labels.
    const { page } = await openCold(tablet, `${server.url}/?lang=en#/register/${id}`);
    await page.getByText(/^Showing .* of 10,?000$/).waitFor();
    await page.waitForTimeout(300);
    const boxes = [
      page.getByLabel("Escalated", { exact: true }),
      page.getByLabel("Overdue", { exact: true }),
    ] as const;
    // On: Escalated then Overdue checked; off: Overdue then Escalated unchecked. Every click is one run.
    const order = [0, 1, 1, 0] as const;
    const times: number[] = [];
    for (let run = 0; run < FILTER_RUNS; run++) {
      times.push(await timeClick(page, boxes[order[run % 4]!]));
      await page.waitForTimeout(50);
    }
    const count = await page.locator(".register-count").textContent();
    if (!/of 10,?000$/.test(count ?? "")) throw new Error(`unexpected count: ${count}`);
    debug({
      filterClicks: times.map(Math.round),
      byStep: order.map((_, k) => median(times.filter((_, i) => i % 4 === k))),
    });
    reportTimes(`register.filter.${MATTERS}`, times);
    await page.close();
    await tablet.close();

    // Cost against the register's size: each size its own installed tablet.
    const shownAt: [number, number[]][] = [];
    const loadedAt: [number, number[]][] = [];
    for (const n of SERIES_SIZES) {
      if (n === MATTERS) {
        shownAt.push([n, shown]);
        loadedAt.push([n, loaded]);
        continue;
      }
      const other = await installRegister(server.url, n);
      profiles.push(other.profile);
      try {
        const r = await openRuns(other.tablet, other.register, SERIES_RUNS);
        shownAt.push([n, r.shown]);
        loadedAt.push([n, r.loaded]);
      } finally {
        await other.tablet.close();
      }
    }
    reportSeries("register.open.series", shownAt);
    reportSeries("register.open.loaded.series", loadedAt);
  } finally {
    await tablet.close().catch(() => {});
    await server.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await registerCases();
