// @vitest-environment happy-dom
// The print view, Word and Markdown show the same content in the same order (text sequences extracted from
// all three and compared); Word keeps typed line breaks; plain text for chat; plurals in every count.
import * as Y from "yjs";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "solid-js/web";
import { addAgendaItem, setAgendaNotes } from "../../src/doc/session/agenda.ts";
import { addIssue } from "../../src/doc/session/issues.ts";
import { buildSampleSession, sampleTalkPoints } from "../../src/doc/sample/seedSession.ts";
import { initSessionDoc } from "../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { closeVote, createVote, openVote, tapVote, updateVote } from "../../src/doc/session/votes.ts";
import { minutesToDocx } from "../../src/export/docx.ts";
import { minutesToMarkdown } from "../../src/export/markdown.ts";
import { buildMinutes, type Minutes } from "../../src/export/minutesModel.ts";
import { minutesToText } from "../../src/export/plainText.ts";
import { MinutesView } from "../../src/ui/components/MinutesView.tsx";
import type { Lang } from "../../src/i18n/i18n.ts";

afterEach(() => {
  document.body.innerHTML = "";
});

/** The seed's session with line breaks typed in an agenda item's notes and in an issue. */
function session() {
  const doc = buildSampleSession(new Y.Doc(), sampleTalkPoints()[0]!);
  const item = addAgendaItem(doc, { title: "其他事项" });
  setAgendaNotes(doc, item, "第一行笔记\n第二行笔记");
  addIssue(doc, { text: "楼道灯坏了\n三楼和四楼", categoryId: "other", agendaId: item });
  return doc;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** Headings, paragraphs, list items and table rows of the print view, in order. */
function fromView(m: Minutes): string[] {
  const root = document.createElement("div");
  document.body.append(root);
  const dispose = render(() => <MinutesView minutes={m} />, root);
  const out: string[] = [];
  for (const el of root.querySelectorAll("h1, h2, h3, p, li, tr")) {
    const tag = el.tagName.toLowerCase();
    if (tag === "tr") out.push(`R:${[...el.children].map((c) => norm(c.textContent ?? "")).join(" | ")}`);
    else out.push(`${tag.startsWith("h") ? "H" : tag === "li" ? "L" : "P"}:${norm(el.textContent ?? "")}`);
  }
  dispose();
  return out;
}

const xmlText = (xml: string) =>
  xml
    .replace(/<w:br\/>/g, "<w:t> </w:t>")
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, "\u0001$1\u0002")
    .replace(/[^\u0001\u0002]*\u0001([^\u0002]*)\u0002/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

/** The same sequence from word/document.xml: body paragraphs by style, and table rows. */
function fromDocx(xml: string): string[] {
  const body = xml.slice(xml.indexOf("<w:body>"), xml.indexOf("<w:sectPr"));
  const out: string[] = [];
  for (const [block] of body.matchAll(/<w:tbl>.*?<\/w:tbl>|<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)) {
    if (block.startsWith("<w:tbl>")) {
      for (const [row] of block.matchAll(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/gs)) {
        const cells = [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map(([c]) => norm(xmlText(c)));
        out.push(`R:${cells.join(" | ")}`);
      }
    } else {
      const kind = /w:val="(Title|Heading\d)"/.test(block) ? "H" : block.includes("<w:numPr>") ? "L" : "P";
      out.push(`${kind}:${norm(xmlText(block))}`);
    }
  }
  return out;
}

const unescape = (s: string) =>
  s
    .replace(/(?<!\\)\*\*/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/&lt;/g, "<");

/** The same sequence from the Markdown. */
function fromMarkdown(md: string): string[] {
  const out: string[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) out.push(`P:${norm(unescape(para.join(" ")))}`);
    para = [];
  };
  for (const line of md.split("\n")) {
    const field = /^- \*\*(.+?)\*\*: (.*)$/.exec(line);
    if (line.trim() === "" || /^#+ |^- |^\| /.test(line)) endPara();
    if (line.trim() === "" || /^\| (---|:?-+:?)( \| (---|:?-+:?))* \|$/.test(line)) continue;
    if (/^#+ /.test(line)) out.push(`H:${norm(unescape(line.replace(/^#+ /, "")))}`);
    else if (field) out.push(`R:${norm(unescape(field[1]!))} | ${norm(unescape(field[2]!))}`);
    else if (line.startsWith("- ")) out.push(`L:${norm(unescape(line.slice(2)))}`);
    else if (line.startsWith("| "))
      out.push(
        `R:${line
          .slice(2, -2)
          .split(/(?<!\\) \| /)
          .map((c) => norm(unescape(c)))
          .join(" | ")}`,
      );
    else para.push(line);
  }
  endPara();
  return out;
}

describe("the minutes in every format", () => {
  it.each(["zh", "en", "ug"] as Lang[])(
    "print view, Word and Markdown: the same sections, rows and text in the same order (%s)",
    async (lang) => {
      const m = buildMinutes(snapshot(session()), lang);
      const view = fromView(m);
      const docx = fromDocx(strFromU8(unzipSync(await minutesToDocx(m))["word/document.xml"]!));
      const md = fromMarkdown(minutesToMarkdown(m));
      const headings = (seq: string[]) => seq.filter((l) => l.startsWith("H:"));
      expect(headings(view).length).toBeGreaterThan(10);
      expect(headings(docx)).toEqual(headings(view));
      expect(headings(md)).toEqual(headings(view));
      expect(docx).toEqual(view);
      expect(md).toEqual(view);
    },
  );

  it("Word: typed line breaks are breaks, no empty header rows, tables headed by what their columns hold", async () => {
    const m = buildMinutes(snapshot(session()), "zh");
    const xml = strFromU8(unzipSync(await minutesToDocx(m))["word/document.xml"]!);
    expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\n/);
    expect(xml).toMatch(/第一行笔记<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>第二行笔记/);
    const rows = fromDocx(xml).filter((l) => l.startsWith("R:"));
    expect(rows).not.toContain("R:— | —");
    expect(rows[0]).toBe("R:说事点 | 有一说一说事点");
    expect(rows).toContain("R:选项 | 票数");
    expect(rows).toContain("R:问题 | 类别 | 反映人 | 地点 | 所属议题");
    expect(rows.some((r) => r.includes("计票 | —") || r.startsWith("R:反映的问题 |"))).toBe(false);
  });

  it("Word writes only the switches that are on: no right-to-left, bold or keep-with-next set to false", async () => {
    const xml = (lang: Lang) =>
      minutesToDocx(buildMinutes(snapshot(session()), lang)).then((bytes) =>
        strFromU8(unzipSync(bytes)["word/document.xml"]!),
      );
    const zh = await xml("zh");
    expect(zh).not.toMatch(/<w:(rtl|bidi|b|bCs|keepNext|tblHeader|bidiVisual) w:val="(false|0|off)"\/>/);
    expect(zh).not.toContain("<w:rtl/>");
    expect(zh).toContain("<w:keepNext/>"); // a vote's heading and tally still stay with what follows
    // Uyghur: every paragraph is still laid out right to left.
    const ug = await xml("ug");
    expect(ug.match(/<w:p>|<w:p /g)!.length).toBeLessThanOrEqual(ug.match(/<w:bidi\/>/g)!.length + 2);
  });

  it("decisions name each vote's motion with its result and tally", () => {
    const doc = session();
    const issue = addIssue(doc, { text: "电表老化，要不要统一换表？", categoryId: "utilities" });
    const vote = createVote(doc, { motion: "电表老化，要不要统一换表？", issueId: issue });
    updateVote(doc, vote, { motion: "Replace all meters through the power bureau?" });
    openVote(doc, vote);
    const options = snapshot(doc).votes.find((v) => v.id === vote)!.options;
    for (let i = 0; i < 3; i++) tapVote(doc, vote, options[0]!.id, 1);
    tapVote(doc, vote, options[1]!.id, 1);
    closeVote(doc, vote);
    const m = buildMinutes(snapshot(doc), "en");
    expect(m.decisions).toContain("Replace all meters through the power bureau? — Passed (3 : 1 : 0)");
    expect(m.decisions.join()).not.toContain("要不要统一换表");
    expect(m.decisions).toContain(
      "广场舞场地定在社区院内，请辖区热心人士管老师教，每天晚上8点开始。 — Passed (21 : 1 : 2)",
    );
  });

  it("English counts use plural forms; empty header fields are left out", () => {
    const doc = new Y.Doc();
    initSessionDoc(doc, {
      id: "s1",
      talkPoint: { id: "tp", name: "有一说一说事点", community: "", location: "" },
      title: "说事",
      startsAt: "2026-12-01T10:00:00+08:00",
    });
    addIssue(doc, { text: "停车难", categoryId: "parking" });
    createVote(doc, { motion: "划线停车？" });
    const m = buildMinutes(snapshot(doc), "en");
    expect(m.summary.text).toContain("1 issue raised");
    expect(m.summary.text).toContain("1 vote by show of hands");
    expect(m.summary.text).toContain("0 follow-ups assigned");
    expect(m.header.map((h) => h.label)).toEqual(["Talk point", "Date and time"]);
    expect(minutesToMarkdown(m)).not.toContain("**Place**");
  });

  it("plain text for chat: no Markdown marks, every section, rows with their column names", () => {
    const m = buildMinutes(snapshot(session()), "zh");
    const text = minutesToText(m);
    expect(text).not.toMatch(/\*\*|\\[-.()]|^#|\| --- \|/m);
    for (const h of [m.text.info, m.text.attendance, m.text.issues, m.text.votes, m.text.decisions])
      expect(text).toContain(`【${h}】`);
    expect(text).toContain("主持人：王炎");
    expect(text).toContain(
      "• 更换鸿雁小区电表、整改老化线路 · 负责人 / 单位：网格员 张三 · 期限：2024-01-31",
    );
    expect(text).toContain("第一行笔记\n第二行笔记");
  });
});
