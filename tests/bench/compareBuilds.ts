// `npm run bench:compare`: this build against an earlier one (BENCH_BASE, a commit; default e8fba83, the
// register before matters were the residents' issues) in one run, on the cases the register's model must
// not slow down: register.open.10000 (cold, first rows painted), register.filter.10000 and
// report.compute.10000. Each build makes its own workspaces with its own code (what that build stores),
// is served from its own build, and the two are measured alternately (A B A B), so drift hits both alike.
// The earlier build is checked out with `git worktree` into a temporary folder beside node_modules of this one.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as Y from "yjs";
import { civilDate, DEFAULT_TIME_ZONE } from "../../src/doc/civilTime.ts";
import { startServer } from "../../src/server/start.ts";
import { installRegister, openCold, timeClick } from "./register.ts";
import { buildRegisterWorkspace } from "./registerWorkspace.ts";
import { alternate, reportRatio, reportTimes } from "./stats.ts";

const BASE = process.env.BENCH_BASE ?? "e8fba83";
const MATTERS = 10_000;
const OPEN_RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10));
const FILTER_RUNS = 24;
const COMPUTE_RUNS = 15;

/** What each build brings to the comparison: its own fixture builder and report. */
interface Build {
  name: string;
  dist: string;
  buildRegisterWorkspace: typeof buildRegisterWorkspace;
  computeReport: (input: unknown) => { figures: { raised: { value: number } } };
  reportCommunityOf: (s: unknown) => unknown;
  workspaceSnapshot: (doc: Y.Doc) => unknown;
}

async function importBuild(root: string, name: string, dist: string): Promise<Build> {
  const mod = (path: string) => import(join(root, path));
  const [fixture, report, readers] = await Promise.all([
    mod("tests/bench/registerWorkspace.ts"),
    mod("src/doc/community/report.ts"),
    mod("src/doc/community/readers.ts"),
  ]);
  return {
    name,
    dist,
    buildRegisterWorkspace: fixture.buildRegisterWorkspace,
    computeReport: report.computeReport,
    reportCommunityOf: report.reportCommunityOf,
    workspaceSnapshot: readers.workspaceSnapshot,
  };
}

/** The earlier build checked out and built; `cleanup` removes it. */
function checkoutBase(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "yishi-base-"));
  rmSync(root, { recursive: true });
  execFileSync("git", ["worktree", "add", "--detach", root, BASE], { stdio: "ignore" });
  symlinkSync(resolve("node_modules"), join(root, "node_modules"));
  execFileSync("npx", ["vite", "build", "--logLevel", "error"], { cwd: root, stdio: "inherit" });
  return {
    root,
    cleanup: () => execFileSync("git", ["worktree", "remove", "--force", root], { stdio: "ignore" }),
  };
}

/** 7 communities sharing 10,000 matters and 500 sessions, built by `b`'s own code, as the report reads them. */
function reportInput(b: Build, now: number) {
  const communities = Array.from({ length: 7 }, (_, i) => {
    const share = (total: number) => Math.floor(((i + 1) * total) / 7) - Math.floor((i * total) / 7);
    const w = b.buildRegisterWorkspace({
      id: `bench-c${i}`,
      name: `社区${i}`,
      timeZone: i === 6 ? "Asia/Urumqi" : DEFAULT_TIME_ZONE,
      matters: share(MATTERS),
      sessions: share(500),
      matterPrefix: `c${i}-`,
      seed: 20240126 + i,
      now,
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, w.update);
    const c = b.reportCommunityOf(b.workspaceSnapshot(doc));
    doc.destroy();
    return c;
  });
  const today = civilDate(now, DEFAULT_TIME_ZONE);
  const period = { from: `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`, to: today };
  return { communities, period, scope: {}, now };
}

async function compareCompute(ours: Build, base: Build): Promise<void> {
  const now = Date.now();
  const [a, b] = [reportInput(ours, now), reportInput(base, now)];
  for (const [build, input] of [
    [ours, a],
    [base, b],
  ] as const) {
    const raised = build.computeReport(input).figures.raised.value;
    if (raised !== MATTERS) throw new Error(`${build.name}: the report counted ${raised} matters raised`);
  }
  const t = await alternate(
    COMPUTE_RUNS,
    () => ours.computeReport(a),
    () => base.computeReport(b),
  );
  reportTimes(`report.compute.${MATTERS}`, t.ours);
  reportTimes(`report.compute.${MATTERS}.base`, t.peer, { commit: BASE });
  reportRatio(`report.compute.${MATTERS}.vsBase`, t.ours, t.peer);
}

async function compareRegister(ours: Build, base: Build): Promise<void> {
  const servers = await Promise.all(
    [ours, base].map((b) => startServer({ host: "127.0.0.1", port: 0, distDir: b.dist, log: () => {} })),
  );
  const installed = await Promise.all([
    installRegister(servers[0]!.url, MATTERS, ours.buildRegisterWorkspace),
    installRegister(servers[1]!.url, MATTERS, base.buildRegisterWorkspace),
  ]);
  try {
    const [mine, theirs] = installed;
    const open = (x: typeof mine) => async () => {
      const r = await openCold(x.tablet, x.register);
      await r.page.close();
      if (r.rows === 0) throw new Error("the register showed no rows");
      return r.shown;
    };
    const opened = await alternate(OPEN_RUNS, open(mine), open(theirs));
    reportTimes(`register.open.${MATTERS}`, opened.ours);
    reportTimes(`register.open.${MATTERS}.base`, opened.peer, { commit: BASE });
    reportRatio(`register.open.${MATTERS}.vsBase`, opened.ours, opened.peer);

    const pages = await Promise.all(
      installed.map(async (x, i) => {
        const { page } = await openCold(x.tablet, `${servers[i]!.url}/?lang=en#/register/${x.id}`);
        await page.getByText(/^Showing .* of 10,?000$/).waitFor();
        await page.waitForTimeout(300);
        return page;
      }),
    );
    const boxes = pages.map((page) => [
      page.getByLabel("Escalated", { exact: true }),
      page.getByLabel("Overdue", { exact: true }),
    ]);
    const order = [0, 1, 1, 0] as const;
    let run = 0;
    const click = (i: number) => () => timeClick(pages[i]!, boxes[i]![order[Math.floor(run++ / 2) % 4]!]!);
    const filtered = await alternate(FILTER_RUNS, click(0), click(1));
    reportTimes(`register.filter.${MATTERS}`, filtered.ours);
    reportTimes(`register.filter.${MATTERS}.base`, filtered.peer, { commit: BASE });
    reportRatio(`register.filter.${MATTERS}.vsBase`, filtered.ours, filtered.peer);
  } finally {
    for (const x of installed) {
      await x.tablet.close().catch(() => {});
      rmSync(x.profile, { recursive: true, force: true });
    }
    await Promise.all(servers.map((s) => s.close()));
  }
}

const t0 = performance.now();
const base = checkoutBase();
try {
  const ours = await importBuild(resolve("."), "ours", resolve("dist"));
  const theirs = await importBuild(base.root, BASE, join(base.root, "dist"));
  if (!existsSync(theirs.dist)) throw new Error(`no build of ${BASE}`);
  await compareCompute(ours, theirs);
  await compareRegister(ours, theirs);
} finally {
  base.cleanup();
}
console.error(`[bench:compare] done in ${Math.round((performance.now() - t0) / 1000)} s`);
