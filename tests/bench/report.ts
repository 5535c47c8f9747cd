// Report cases: computeReport over 10,000 matters and 500 sessions in 7 communities (Node), and in the built
// app the time from a tap on the home screen's report link to the painted report with its charts, and a cold
// open of the combined register of the 7 communities to its first rows, the 7 workspaces stored in IndexedDB
// as a tablet that had opened them keeps them (state, view and head).
import { openRegisterCold } from "../helpers/benchPage.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as Y from "yjs";
import type { Page } from "playwright-core";
import { civilDate, DEFAULT_TIME_ZONE } from "../../src/doc/civilTime.ts";
import { computeReport, reportCommunityOf } from "../../src/doc/community/report.ts";
import { workspaceSnapshot } from "../../src/doc/community/readers.ts";
import { checksum } from "../../src/persistence/db.ts";
import { workspaceDocId, type CommunityRow } from "../../src/persistence/communities.ts";
import { startServer } from "../../src/server/start.ts";
import { launchBrowser, waitForServiceWorker, type LaunchedBrowser } from "../helpers/browser.ts";
import { buildRegisterWorkspace, type RegisterWorkspace } from "./registerWorkspace.ts";
import { reportSeries, reportTimes, time } from "./stats.ts";

const MATTERS = 10_000;
const SESSIONS = 500;
const NAMES = [
  "老城路社区",
  "新城社区",
  "苏公塔社区",
  "椿树路社区",
  "葡萄沟社区",
  "高昌路社区",
  "青年路社区",
];
const COMPUTE_RUNS = Math.max(15, Number(process.env.BENCH_RUNS ?? 15));
const RENDER_RUNS = Math.max(8, Number(process.env.BENCH_RUNS ?? 8));
const debug = (x: unknown) => process.env.BENCH_DEBUG && console.error(JSON.stringify(x));

/** Matters of the compute series (cost against the register's size), each shared by the 7 communities. */
const COMPUTE_SIZES = [1_000, 10_000, 50_000] as const;

/** 7 communities sharing `total` matters and 500 sessions (one in Xinjiang time), ids unique across them. */
function buildCommunities(now: number, total = MATTERS): (RegisterWorkspace & { name: string })[] {
  return NAMES.map((name, i) => {
    const share = (total: number) =>
      Math.floor(((i + 1) * total) / NAMES.length) - Math.floor((i * total) / NAMES.length);
    return {
      name,
      ...buildRegisterWorkspace({
        id: `bench-c${i}`,
        name,
        timeZone: i === 6 ? "Asia/Urumqi" : DEFAULT_TIME_ZONE,
        matters: share(total),
        sessions: share(SESSIONS),
        matterPrefix: `c${i}-`,
        seed: 20240126 + i,
        now,
      }),
    };
  });
}

function computeCase(workspaces: RegisterWorkspace[], now: number, total = MATTERS, runs = COMPUTE_RUNS) {
  const communities = workspaces.map((w) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, w.update);
    const c = reportCommunityOf(workspaceSnapshot(doc));
    doc.destroy();
    return c;
  });
  const matters = communities.reduce((n, c) => n + c.matters.length, 0);
  if (matters !== total) throw new Error(`built ${matters} matters, expected ${total}`);
  // Every matter counts: the period is the register's two years.
  const period = wholeRange(now);
  let raised = 0;
  return time(runs, () => {
    raised = computeReport({ communities, period, scope: {}, now }).figures.raised.value;
  }).then((times) => {
    if (raised !== total) throw new Error(`the report counted ${raised} matters raised`);
    return times;
  });
}

/** Writes workspaces as the app stores them: a checksummed `updates` row each and their `communities` rows. */
async function seed(page: Page, rows: { update: Uint8Array; row: CommunityRow }[]): Promise<void> {
  await page.evaluate(
    async (list) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open("yishi");
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction(["updates", "communities"], "readwrite");
      for (const { base64, docId, sum, row } of list) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        tx.objectStore("updates").add({ sessionId: docId, update: bytes, sum });
        tx.objectStore("communities").put(row);
      }
      await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = fail)));
      db.close();
    },
    rows.map(({ update, row }) => ({
      base64: Buffer.from(update).toString("base64"),
      docId: workspaceDocId(row.id),
      sum: checksum(update),
      row,
    })),
  );
}

/** How many of the docs have a stored view. */
const viewsStored = (docIds: string[]) =>
  new Promise<number>((ok) => {
    const req = indexedDB.open("yishi");
    req.onerror = () => ok(0);
    req.onsuccess = () => {
      const store = req.result.transaction("views").objectStore("views");
      let n = 0;
      let left = docIds.length;
      for (const id of docIds) {
        const get = store.get(id);
        get.onsuccess = () => {
          if (get.result) n++;
          if (--left === 0) ok(n);
        };
        get.onerror = () => --left === 0 && ok(n);
      }
    };
  });

// At the next click: the time from its timeStamp to the paint of the first frame in which the report shows
// its figures and its four charts (a timeout set in a frame callback runs after that frame is painted).
const ARM_TAP_PROBE = `(() => {
  window.yishiPainted = new Promise((done) => {
    const onClick = (e) => {
      window.removeEventListener("click", onClick, true);
      const check = () =>
        document.querySelectorAll(".report-charts svg").length === 4 &&
        document.querySelector("[data-figure=raised] .figure-value")?.textContent !== "0"
          ? setTimeout(() => done(performance.now() - e.timeStamp))
          : requestAnimationFrame(check);
      requestAnimationFrame(check);
    };
    window.addEventListener("click", onClick, true);
  });
})()`;

/** Three years up to today: every matter of the bench's register. */
function wholeRange(now: number) {
  const today = civilDate(now, DEFAULT_TIME_ZONE);
  return { from: `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`, to: today };
}
let WHOLE_RANGE = "";

/** Cold opens of the combined register of the 7 communities (10,000 matters): navigation to rows painted. */
async function openAllRegister(tablet: LaunchedBrowser, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= RENDER_RUNS; run++) {
    const { page, shown } = await openRegisterCold(tablet.context, `${url}/?lang=en#/register/all`);
    await page.getByText(/^Showing [\d,]+ matters of [\d,]+$/).waitFor();
    const count = await page.locator(".register-count").textContent();
    await page.close();
    debug({ run, allRegister: Math.round(shown), count });
    if (!/of 10,?000$/.test(count ?? "")) throw new Error(`unexpected count: ${count}`);
    if (run > 0) times.push(shown); // the first run loads the page's code
  }
  return times;
}

async function renderCase(workspaces: (RegisterWorkspace & { name: string })[]) {
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    distDir: resolve(process.env.BENCH_DIST ?? "dist"),
    log: () => {},
  });
  const profile = mkdtempSync(join(tmpdir(), "yishi-report-"));
  let tablet: LaunchedBrowser = await launchBrowser({ userDataDir: profile });
  const docIds = workspaces.map((w) => workspaceDocId(w.id));
  try {
    await tablet.page.goto(`${server.url}/`);
    await waitForServiceWorker(tablet.page);
    await seed(
      tablet.page,
      workspaces.map((w) => ({
        update: w.update,
        row: { id: w.id, name: w.name, code: null, role: "gridWorker", addedAt: Date.now() },
      })),
    );
    // The home screen opens every community (its card): their views are stored a moment after loading.
    await tablet.page.goto(`${server.url}/?lang=en`);
    for (let i = 0; (await tablet.page.evaluate(viewsStored, docIds)) < docIds.length; i++) {
      if (i > 300) throw new Error("the app did not store the workspaces' views");
      await tablet.page.waitForTimeout(100);
    }
    await tablet.close();
    tablet = await launchBrowser({ userDataDir: profile });
    const times: number[] = [];
    for (let run = 0; run <= RENDER_RUNS; run++) {
      const page = await tablet.context.newPage();
      page.on("pageerror", (error) => console.error("[page error]", error.message));
      await page.goto(`${server.url}/?lang=en#/`);
      const link = page.getByRole("link", { name: "Report of every community" });
      await link.waitFor();
      // Every card shows its counts: the communities are open, as on a tablet in use.
      await page.waitForFunction((n) => document.querySelectorAll(".community-card p a").length >= n * 2, 7);
      await page.waitForTimeout(400);
      // The link's period is this month; the bench's report covers the register's whole three years, so
      // every matter is counted, listed behind a figure and charted (36 months of trend).
      await link.evaluate((a, search) => a.setAttribute("href", `#/report?${search}`), WHOLE_RANGE);
      await page.evaluate(ARM_TAP_PROBE);
      await link.click();
      const ms = (await page.evaluate("window.yishiPainted")) as number;
      const charts = await page.locator("svg.chart").count();
      await page.close();
      debug({ run, ms: Math.round(ms), charts });
      if (charts < 4) throw new Error(`the report painted ${charts} charts`);
      if (run > 0) times.push(ms); // the first run loads the report's code
    }
    return { render: times, allRegister: await openAllRegister(tablet, server.url) };
  } finally {
    await tablet.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function reportCases(): Promise<void> {
  const now = Date.now();
  const workspaces = buildCommunities(now);
  const computed = await computeCase(workspaces, now);
  reportTimes(`report.compute.${MATTERS}`, computed);
  const points: [number, number[]][] = [];
  for (const n of COMPUTE_SIZES) {
    if (n === MATTERS) points.push([n, computed]);
    else
      points.push([n, await computeCase(buildCommunities(now, n), now, n, n > MATTERS ? 5 : COMPUTE_RUNS)]);
  }
  reportSeries("report.compute.series", points);
  const { from, to } = wholeRange(now);
  WHOLE_RANGE = new URLSearchParams({ scope: "all", period: "range", from, to }).toString();
  const rendered = await renderCase(workspaces);
  reportTimes(`report.render.${MATTERS}`, rendered.render);
  reportTimes(`register.all.open.${MATTERS}`, rendered.allRegister);
}

if (import.meta.url === `file://${process.argv[1]}`) await reportCases();
