// The Word export's peer: the same tables and text as a minimal .docx built directly with the `docx`
// library (default styles, no fonts, footer, bidi or keep-together), as a developer would write it.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import type { Block } from "../../src/export/minutesBlocks.ts";

/** The minutes' content as plain text: headings, paragraphs and tables of strings. */
export type Outline = ({ h: string } | { p: string } | { t: string[][] })[];

const text = (runs: { text: string }[]) => runs.map((r) => r.text).join("");

/** Flattens the minutes' blocks into the outline (done once, outside the timed part). */
export function outlineOf(blocks: Block[]): Outline {
  return blocks.flatMap((b): Outline => {
    switch (b.kind) {
      case "title":
      case "heading":
        return [{ h: b.text }];
      case "status":
        return [{ p: `${b.text} ${b.note}` }];
      case "para":
        return [{ p: text(b.runs) }];
      case "list":
        return b.items.map((p) => ({ p }));
      case "fields":
        return [{ t: b.rows.map((r) => [r.label, r.value]) }];
      case "table":
        return [{ t: [b.head, ...b.rows.map((r) => r.map(text))] }];
      case "group":
        return outlineOf(b.blocks);
    }
  });
}

/** The outline as a .docx file's bytes. */
export async function outlineToDocx(outline: Outline): Promise<Uint8Array> {
  const children = outline.map((o) =>
    "h" in o
      ? new Paragraph({ text: o.h, heading: HeadingLevel.HEADING_2 })
      : "p" in o
        ? new Paragraph({ text: o.p })
        : new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: o.t.map(
              (r) =>
                new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
            ),
          }),
  );
  const blob = await Packer.toBlob(new Document({ sections: [{ children }] }));
  return new Uint8Array(await blob.arrayBuffer());
}
