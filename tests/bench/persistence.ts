// Persistence cases in headless Chromium: the session store saving and loading a session against the real
// IndexedDB, alternately with y-indexeddb doing the same (tests/bench/page), and load's cost against size.
import { serveBuiltPage } from "../helpers/benchPage.ts";
import { join } from "node:path";
import { launchBrowser } from "../helpers/browser.ts";
import { BENCH_RUNS, SIZES, runsAt } from "../helpers/benchSizes.ts";
import { reportRatio, reportSeries, reportTimes, reportValue } from "./stats.ts";
import type { SaveLoadResult } from "./page/main.ts";

export async function persistenceCases(): Promise<void> {
  const page = await serveBuiltPage(join(import.meta.dirname, "page"));
  const browser = await launchBrowser();
  browser.page.setDefaultTimeout(300_000);
  try {
    await browser.page.goto(page.url);
    await browser.page.waitForFunction(() => document.title === "ready");
    const saveLoad = (runs: number, items: number) =>
      browser.page.evaluate(
        ([runs, items]) =>
          (
            window as unknown as {
              yishiBench: { saveLoad(n: number, items: number): Promise<SaveLoadResult> };
            }
          ).yishiBench.saveLoad(runs, items),
        [runs, items] as const,
      );
    const results = new Map<number, SaveLoadResult>();
    for (const n of SIZES) {
      const r = await saveLoad(n === 2000 ? BENCH_RUNS : runsAt(n), n);
      if (r.items !== n || r.peerItems !== n) {
        throw new Error(`loaded ${r.items} items (y-indexeddb ${r.peerItems}), expected ${n}`);
      }
      results.set(n, r);
    }
    const r = results.get(2000)!;
    reportTimes("session.save.2000", r.saveMs);
    reportTimes("session.load.2000", r.loadMs);
    reportTimes("session.save.2000.peer", r.peerSaveMs);
    reportTimes("session.load.2000.peer", r.peerLoadMs);
    reportRatio("session.save.2000.ratio", r.saveMs, r.peerSaveMs);
    reportRatio("session.load.2000.ratio", r.loadMs, r.peerLoadMs);
    reportValue("session.storedRatio.2000", "ratio", r.storedBytes / r.encodedBytes, {
      stored_bytes: r.storedBytes,
      encoded_bytes: r.encodedBytes,
    });
    // y-indexeddb's stored bytes against ours.
    reportValue("session.storedRatio.2000.peer", "ratio", r.peerStoredBytes / r.storedBytes, {
      peer_stored_bytes: r.peerStoredBytes,
      stored_bytes: r.storedBytes,
    });
    const series = (k: "loadMs" | "peerLoadMs") =>
      SIZES.map((n): [number, number[]] => [n, results.get(n)![k]]);
    reportSeries("session.load.series", series("loadMs"));
    reportSeries("session.load.peer.series", series("peerLoadMs"));
  } finally {
    await browser.close();
    await page.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await persistenceCases();
