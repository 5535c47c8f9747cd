// Minutes as a Word document with the `docx` library: real headings, tables and page numbers.
// Loaded on demand (the writer is large): import("./docx.ts") only when the secretary exports.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { dirOf, LOCALES } from "../i18n/i18n.ts";
import { EMPTY_CELL, minutesBlocks, runsText, type Block, type Run } from "./minutesBlocks.ts";
import type { Minutes } from "./minutesModel.ts";

// `cs` (complex script) is the font Word uses for Arabic-script text such as Uyghur.
const FONT = {
  eastAsia: "Noto Sans CJK SC",
  ascii: "Noto Sans",
  hAnsi: "Noto Sans",
  cs: "Noto Naskh Arabic",
};

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/**
 * A switch set only when on: `docx` writes a property given as false too (<w:rtl w:val="false"/> on every run,
 * <w:bidi>, <w:keepNext>, <w:b>), which doubled the XML of a long session's minutes and the time to write it.
 */
const on = (flag: boolean | undefined): true | undefined => (flag ? true : undefined);

/** TextRuns of `runs`, a line typed in the text becoming a line break (Word shows "\n" in a run as a space). */
function textRuns(runs: Run[], rtl: boolean, bold = false): TextRun[] {
  return runs.flatMap((r) =>
    r.text.split(/\r?\n/).map(
      (line, i) =>
        new TextRun({
          text: line,
          bold: on(bold || r.bold),
          rightToLeft: on(rtl),
          break: i > 0 ? 1 : undefined,
        }),
    ),
  );
}

/**
 * Paragraph and table makers; in a right-to-left language every block is laid out right to left. `keep`:
 * the paragraph stays on the page of the next one (a vote's heading, tally and verdict are kept together).
 */
function blocks(rtl: boolean) {
  const para = (runs: Run[], keep = false, bold = false) =>
    new Paragraph({ children: textRuns(runs, rtl, bold), bidirectional: on(rtl), keepNext: on(keep) });
  const table = (head: string[] | null, rows: Run[][][], keep: boolean) => {
    const row = (cells: Run[][], header: boolean) =>
      new TableRow({
        tableHeader: on(header),
        cantSplit: true,
        children: cells.map(
          (c, i) =>
            new TableCell({
              children: [
                para(runsText(c).trim() ? c : [{ text: EMPTY_CELL }], keep, header || (!head && i === 0)),
              ],
            }),
        ),
      });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: on(rtl),
      rows: [
        ...(head
          ? [
              row(
                head.map((h) => [{ text: h }]),
                true,
              ),
            ]
          : []),
        ...rows.map((r) => row(r, false)),
      ],
    });
  };
  const render = (block: Block, keep: boolean): (Paragraph | Table)[] => {
    switch (block.kind) {
      case "title":
        return [new Paragraph({ text: block.text, heading: HeadingLevel.TITLE, bidirectional: on(rtl) })];
      case "status":
        return [
          para([{ text: block.text, bold: true }, ...(block.note ? [{ text: ` · ${block.note}` }] : [])]),
        ];
      case "heading":
        return [
          new Paragraph({
            children: textRuns([{ text: block.text }], rtl),
            heading: (block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3) as Level,
            bidirectional: on(rtl),
            keepNext: true,
          }),
        ];
      case "para":
        return [para(block.runs, keep)];
      case "list":
        return block.items.map(
          (item) =>
            new Paragraph({
              children: textRuns([{ text: item }], rtl),
              bullet: { level: 0 },
              bidirectional: on(rtl),
              keepNext: on(keep),
            }),
        );
      case "fields":
        return [
          table(
            null,
            block.rows.map((r) => [[{ text: r.label }], [{ text: r.value }]]),
            keep,
          ),
        ];
      case "table":
        return [table(block.head, block.rows, keep)];
      case "group":
        return block.blocks.flatMap((b, i) =>
          render(b, block.role === "vote" && i < block.blocks.length - 1),
        );
    }
  };
  return render;
}

/** The minutes as a .docx file's bytes. */
export async function minutesToDocx(m: Minutes): Promise<Uint8Array<ArrayBuffer>> {
  const rtl = dirOf(m.lang) === "rtl";
  const render = blocks(rtl);
  const children = minutesBlocks(m).flatMap((b) => render(b, false));

  const doc = new Document({
    title: m.title,
    styles: {
      default: {
        document: {
          run: { font: FONT, rightToLeft: rtl, language: { value: LOCALES[m.lang] } },
        },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const blob = await Packer.toBlob(doc);
  return new Uint8Array(await blob.arrayBuffer());
}
