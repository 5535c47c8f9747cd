// The minutes as one sequence of blocks (headings, paragraphs, lists, tables, groups kept together): the
// print view, Word, Markdown and plain text all render this, so they show the same content in the same order.
import { format, LOCALES } from "../i18n/i18n.ts";
import type { Minutes } from "./minutesModel.ts";

/** A piece of text; `bold` for marks such as the urgent-hard flag and the verdict. */
export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  | { kind: "title"; text: string }
  /** Draft or final, and who finalised it when. */
  | { kind: "status"; text: string; note: string; final: boolean }
  | { kind: "heading"; level: 2 | 3; text: string }
  /** `pre`: text people typed, whose line breaks are kept. */
  | { kind: "para"; runs: Run[]; pre?: boolean }
  | { kind: "list"; items: string[] }
  /** Label and value rows (the session's details): no header row. */
  | { kind: "fields"; rows: { label: string; value: string }[] }
  | { kind: "table"; head: string[]; rows: Run[][][] }
  /** Blocks printed on one page where they fit: an agenda item with its notes, a vote with its tally. */
  | { kind: "group"; role: "item" | "vote" | "late"; blocks: Block[] };

const plain = (text: string): Run[] => [{ text }];
const para = (text: string, pre = false): Block => ({ kind: "para", runs: plain(text), pre });
const heading = (text: string, level: 2 | 3 = 2): Block => ({ kind: "heading", level, text });

/** The blocks of the minutes, in reading order. */
export function minutesBlocks(m: Minutes): Block[] {
  const t = m.text;
  const locale = LOCALES[m.lang];
  const out: Block[] = [
    { kind: "title", text: m.title },
    {
      kind: "status",
      text: m.status === "final" ? t.final : t.draft,
      note: m.finalNote,
      final: m.status === "final",
    },
    heading(t.info),
    { kind: "fields", rows: m.header },
    heading(t.attendance),
    para(format(t.headcount, { n: m.attendance.headcount }, locale)),
  ];
  if (m.attendance.named.length > 0)
    out.push({
      kind: "list",
      items: m.attendance.named.map((a) => format(t.attendee, { name: a.name, role: a.role }, locale)),
    });
  out.push(heading(t.agenda));
  if (m.agenda.length === 0) out.push(para(t.none));
  for (const a of m.agenda)
    out.push({
      kind: "group",
      role: "item",
      blocks: [heading(`${a.index}. ${a.title} — ${a.status}`, 3), ...(a.notes ? [para(a.notes, true)] : [])],
    });
  out.push(heading(t.issues));
  if (m.issues.length === 0) out.push(para(t.none));
  else
    out.push({
      kind: "table",
      head: [t.issue, t.category, t.raisedBy, t.location, t.agendaItem],
      rows: m.issues.map((i) => [
        [
          ...(i.urgent ? [{ text: format(t.urgentMark, { urgent: t.urgent }), bold: true }] : []),
          { text: i.text },
        ],
        plain(i.category),
        plain(i.raisedBy),
        plain(i.location),
        plain(i.agendaTitle),
      ]),
    });
  out.push(heading(t.votes));
  if (m.votes.length === 0) out.push(para(t.none));
  for (const v of m.votes)
    out.push({
      kind: "group",
      role: "vote",
      blocks: [
        heading(v.motion, 3),
        {
          kind: "table",
          head: [t.option, t.tally],
          rows: v.tallies.map((x) => [plain(x.option), plain(String(x.count))]),
        },
        para(v.quorumText),
        para(v.thresholdText),
        { kind: "para", runs: [{ text: `${t.verdict}: ${v.verdict}`, bold: true }] },
      ],
    });
  out.push(heading(t.decisions));
  out.push(m.decisions.length > 0 ? { kind: "list", items: m.decisions } : para(t.none));
  out.push(heading(t.followUps));
  if (m.followUps.length === 0) out.push(para(t.none));
  else
    out.push({
      kind: "table",
      head: [t.action, t.owner, t.due, t.status, t.escalatedTo],
      rows: m.followUps.map((f) => [f.action, f.owner, f.due, f.status, f.escalatedTo].map(plain)),
    });
  if (m.reportBack.length > 0)
    out.push(heading(t.reportBack), {
      kind: "table",
      head: [t.reportBackMatter, t.reportBackThen, t.reportBackSaid],
      rows: m.reportBack.map((r) => [r.text, r.statusThen, r.said].map(plain)),
    });
  out.push(heading(t.summary), para(m.summary.text));
  if (m.amendments.trim()) out.push(heading(t.amendments), para(m.amendments, true));
  if (m.late.length > 0)
    out.push({
      kind: "group",
      role: "late",
      blocks: [heading(t.late), para(t.lateIntro), { kind: "list", items: m.late }],
    });
  return out;
}

/** A cell's or paragraph's text, runs joined. */
export const runsText = (runs: Run[]): string => runs.map((r) => r.text).join("");

/** What an empty table cell shows in every format. */
export const EMPTY_CELL = "—";
