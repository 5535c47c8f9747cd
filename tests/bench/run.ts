// `npm run bench`: prints one JSON object per line. Node cases first, then cases in headless Chromium,
// then sync cases between two Chromium processes (sync.ts), start-up cases (startup.ts) and the register of
// 10,000 matters in the built app (register.ts), and the community report over 10,000 matters (report.ts).
import * as Y from "yjs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { buildLargeSession } from "../helpers/largeSession.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { startServer } from "../../src/server/start.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { reportTimes, reportValue, time } from "./stats.ts";
import type { SaveLoadResult } from "./page/main.ts";
import { syncCases } from "./sync.ts";
import { buildMinutes } from "../../src/export/minutesModel.ts";
import { minutesToMarkdown } from "../../src/export/markdown.ts";
import { minutesToDocx } from "../../src/export/docx.ts";
import { followUpsCsv } from "../../src/export/csv.ts";
import { applyArchive, exportArchive, parseArchive } from "../../src/export/archive.ts";
import { startupCases } from "./startup.ts";
import { registerCases } from "./register.ts";
import { reportCases } from "./report.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function nodeCases(): Promise<void> {
  reportTimes("session.build.2000", await time(RUNS, () => buildLargeSession(new Y.Doc())));
  const doc = buildLargeSession(new Y.Doc());
  reportTimes("session.snapshot.2000", await time(RUNS, () => snapshot(doc)));
  // Exports of the 2,000-item session: each includes building the minutes from the document.
  const minutes = () => buildMinutes(snapshot(doc), "zh");
  reportTimes("export.md.2000", await time(RUNS, () => minutesToMarkdown(minutes())));
  reportTimes("export.docx.2000", await time(RUNS, () => minutesToDocx(minutes())));
  reportTimes("export.csv.2000", await time(RUNS, () => followUpsCsv(minutes())));
  reportTimes("export.archive.2000", await time(RUNS, () => exportArchive(doc)));
  const archive = exportArchive(doc);
  reportTimes(
    "import.archive.2000",
    await time(RUNS, () => {
      const parsed = parseArchive(archive);
      if (!parsed.ok) throw new Error(parsed.error);
      applyArchive(new Y.Doc(), parsed.update);
    }),
  );
}

/** Builds the bench page with Vite into a temp dir and serves it on 127.0.0.1. */
async function serveBenchPage() {
  const outDir = mkdtempSync(join(tmpdir(), "yishi-bench-"));
  await build({
    root: join(import.meta.dirname, "page"),
    configFile: false,
    logLevel: "silent",
    build: { outDir, emptyOutDir: true, target: "es2022" },
  });
  const server = await startServer({ host: "127.0.0.1", port: 0, distDir: outDir, log: () => {} });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

async function browserCases(): Promise<void> {
  const page = await serveBenchPage();
  const browser = await launchBrowser();
  try {
    await browser.page.goto(page.url);
    await browser.page.waitForFunction(() => document.title === "ready");
    const r = await browser.page.evaluate(
      (runs) =>
        (
          window as unknown as { yishiBench: { saveLoad(n: number): Promise<SaveLoadResult> } }
        ).yishiBench.saveLoad(runs),
      RUNS,
    );
    if (r.items !== 2000) throw new Error(`loaded ${r.items} items, expected 2000`);
    reportTimes("session.save.2000", r.saveMs);
    reportTimes("session.load.2000", r.loadMs);
    reportValue("session.storedRatio.2000", "ratio", r.storedBytes / r.encodedBytes, {
      stored_bytes: r.storedBytes,
      encoded_bytes: r.encodedBytes,
    });
  } finally {
    await browser.close();
    await page.close();
  }
}

await nodeCases();
await browserCases();
await syncCases();
await startupCases();
await registerCases();
await reportCases();
