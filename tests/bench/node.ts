// Node cases: building and reading the 2,000-item session, its exports (Word against a minimal .docx built
// directly, in alternation) and the Word export's cost against the session's size.
import * as Y from "yjs";
import { buildLargeSession } from "../helpers/largeSession.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { buildMinutes } from "../../src/export/minutesModel.ts";
import { minutesBlocks } from "../../src/export/minutesBlocks.ts";
import { minutesToMarkdown } from "../../src/export/markdown.ts";
import { minutesToDocx } from "../../src/export/docx.ts";
import { followUpsCsv } from "../../src/export/csv.ts";
import { applyArchive, exportArchive, parseArchive } from "../../src/export/archive.ts";
import { alternate, reportRatio, reportSeries, reportTimes, time } from "./stats.ts";
import { outlineOf, outlineToDocx } from "./docxPeer.ts";
import { BENCH_RUNS, SIZES, runsAt } from "../helpers/benchSizes.ts";

const RUNS = BENCH_RUNS;

export async function nodeCases(): Promise<void> {
  reportTimes("session.build.2000", await time(RUNS, () => buildLargeSession(new Y.Doc())));
  const doc = buildLargeSession(new Y.Doc());
  reportTimes("session.snapshot.2000", await time(RUNS, () => snapshot(doc)));
  // Exports of the 2,000-item session: each includes building the minutes from the document.
  const minutes = () => buildMinutes(snapshot(doc), "zh");
  reportTimes("export.md.2000", await time(RUNS, () => minutesToMarkdown(minutes())));
  // Word: ours (document → minutes → styled .docx) against the same tables and text built directly (the peer
  // reads the document too; its outline is made once, outside the timed part).
  const outline = outlineOf(minutesBlocks(minutes()));
  const docx = await alternate(
    RUNS,
    () => minutesToDocx(minutes()),
    () => (snapshot(doc), outlineToDocx(outline)),
  );
  reportTimes("export.docx.2000", docx.ours);
  reportTimes("export.docx.2000.peer", docx.peer);
  reportRatio("export.docx.2000.ratio", docx.ours, docx.peer);
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
  // Cost against size: sessions of n items made by 10·n edits.
  const points: [number, number[]][] = [];
  for (const n of SIZES) {
    const d = n === 2000 ? doc : buildLargeSession(new Y.Doc(), { items: n, edits: 10 * n });
    points.push([n, await time(runsAt(n), () => minutesToDocx(buildMinutes(snapshot(d), "zh")))]);
  }
  reportSeries("export.docx.series", points);
}

if (import.meta.url === `file://${process.argv[1]}`) await nodeCases();
