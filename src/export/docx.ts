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
import { dirOf, format, LOCALES } from "../i18n/i18n.ts";
import type { Minutes } from "./minutesModel.ts";

// `cs` (complex script) is the font Word uses for Arabic-script text such as Uyghur.
const FONT = {
  eastAsia: "Noto Sans CJK SC",
  ascii: "Noto Sans",
  hAnsi: "Noto Sans",
  cs: "Noto Naskh Arabic",
};

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/** Paragraph and table makers; in a right-to-left language every block is laid out right to left. */
function blocks(rtl: boolean) {
  const heading = (text: string, level: Level = HeadingLevel.HEADING_2) =>
    new Paragraph({ text, heading: level, bidirectional: rtl });
  const para = (text: string, bold = false) =>
    new Paragraph({ children: [new TextRun({ text, bold, rightToLeft: rtl })], bidirectional: rtl });
  const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 }, bidirectional: rtl });
  const table = (header: string[], rows: string[][]) => {
    const row = (cells: string[], bold: boolean) =>
      new TableRow({
        tableHeader: bold,
        cantSplit: true,
        children: cells.map((c) => new TableCell({ children: [para(c || "—", bold)] })),
      });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      rows: [row(header, true), ...rows.map((r) => row(r, false))],
    });
  };
  return { heading, para, bullet, table };
}

/** The minutes as a .docx file's bytes. */
export async function minutesToDocx(m: Minutes): Promise<Uint8Array<ArrayBuffer>> {
  const t = m.text;
  const rtl = dirOf(m.lang) === "rtl";
  const { heading, para, bullet, table } = blocks(rtl);
  const children: (Paragraph | Table)[] = [
    heading(m.title, HeadingLevel.TITLE),
    para(m.status === "final" ? `${t.final}${m.finalNote ? ` · ${m.finalNote}` : ""}` : t.draft, true),
    heading(t.info),
    table(
      ["", ""],
      m.header.map((h) => [h.label, h.value]),
    ),
    heading(t.attendance),
    para(format(t.headcount, { n: m.attendance.headcount })),
    ...m.attendance.named.map((a) => bullet(format(t.attendee, { name: a.name, role: a.role }))),
    heading(t.agenda),
  ];
  for (const a of m.agenda) {
    children.push(heading(`${a.index}. ${a.title} — ${a.status}`, HeadingLevel.HEADING_3));
    if (a.notes) children.push(para(a.notes));
  }
  children.push(heading(t.issues));
  if (m.issues.length === 0) children.push(para(t.none));
  else
    children.push(
      table(
        [t.issues, t.category, t.raisedBy, t.location, t.agendaItem],
        m.issues.map((i) => [
          `${i.urgent ? format(t.urgentMark, { urgent: t.urgent }) : ""}${i.text}`,
          i.category,
          i.raisedBy,
          i.location,
          i.agendaTitle,
        ]),
      ),
    );
  children.push(heading(t.votes));
  if (m.votes.length === 0) children.push(para(t.none));
  for (const v of m.votes) {
    children.push(heading(v.motion, HeadingLevel.HEADING_3));
    children.push(
      table(
        [t.tally, ""],
        v.tallies.map((x) => [x.option, String(x.count)]),
      ),
    );
    children.push(para(v.quorumText), para(v.thresholdText), para(`${t.verdict}: ${v.verdict}`, true));
  }
  children.push(heading(t.decisions));
  children.push(...(m.decisions.length ? m.decisions.map((d) => bullet(d)) : [para(t.none)]));
  children.push(heading(t.followUps));
  if (m.followUps.length === 0) children.push(para(t.none));
  else
    children.push(
      table(
        [t.action, t.owner, t.due, t.status, t.escalatedTo],
        m.followUps.map((f) => [f.action, f.owner, f.due, f.status, f.escalatedTo]),
      ),
    );
  if (m.reportBack.length > 0)
    children.push(
      heading(t.reportBack),
      table(
        [t.reportBackMatter, t.reportBackThen, t.reportBackSaid],
        m.reportBack.map((r) => [r.text, r.statusThen, r.said]),
      ),
    );
  children.push(heading(t.summary), para(m.summary.text));
  if (m.amendments.trim())
    children.push(heading(t.amendments), ...m.amendments.split(/\r?\n/).map((line) => para(line)));
  if (m.late.length > 0) children.push(heading(t.late), para(t.lateIntro), ...m.late.map((l) => bullet(l)));

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
