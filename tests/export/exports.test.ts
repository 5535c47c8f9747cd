import * as Y from "yjs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { addFollowUp } from "../../src/doc/session/followUps.ts";
import { addIssue } from "../../src/doc/session/issues.ts";
import { lockMinutes } from "../../src/doc/session/minutes.ts";
import { buildSampleSession, sampleTalkPoints } from "../../src/doc/sample/seedSession.ts";
import { setActor } from "../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import {
  applyArchive,
  ARCHIVE_VERSION,
  exportArchive,
  parseArchive,
  sha256Hex,
} from "../../src/export/archive.ts";
import { followUpsCsv } from "../../src/export/csv.ts";
import { minutesToDocx } from "../../src/export/docx.ts";
import { minutesToMarkdown } from "../../src/export/markdown.ts";
import { buildMinutes } from "../../src/export/minutesModel.ts";
import { MINUTES_STRINGS } from "../../src/export/minutesStrings.ts";
import { ug } from "../../src/i18n/ug.ts";

const seedSession = () => buildSampleSession(new Y.Doc(), sampleTalkPoints()[0]!);

/** RFC 4180 reader, for checking what we wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      endField();
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe("minutes from the seed's session", () => {
  const s = snapshot(seedSession());

  it("Markdown in Chinese: header, urgent issues, anonymous raiser, the dance vote and its verdict, escalation", () => {
    const md = minutesToMarkdown(buildMinutes(s, "zh"));
    expect(md).toMatch(/^# 会议纪要 · 有一说一说事点 · 1月21日议事/);
    expect(md).toContain("**草稿**");
    expect(md).toContain("**主持人**: 王炎");
    expect(md).toContain("到场人数：24");
    expect(md).toMatch(/^- 王炎（[^）]+）$/m);
    expect(md).toContain("| **【急难愁盼】**鸿雁小区（297户）物业公司2022年5月退出后");
    expect(md).toMatch(/小区线路老化，电表需要改造，存在安全隐患。 \| [^|]+ \| 匿名 \|/);
    expect(md).toContain("### 广场舞场地定在社区院内");
    expect(md).toMatch(/\| 赞成 \| 21 \|\n\| 反对 \| 1 \|\n\| 弃权 \| 2 \|/);
    expect(md).toContain("**结果: 通过**");
    expect(md).toContain("## 决定事项");
    expect(md).toMatch(
      /\| 更换鸿雁小区电表、整改老化线路 \| 网格员 张三 \| 2024\\-01\\-31 \| 已解决 \| 电力局 \|/,
    );
    expect(md).toContain(
      "本次议事共收集问题 4 件，其中急难愁盼 2 件；举手表决 1 项；登记跟进事项 4 件，已解决 2 件。",
    );
  });

  it("English minutes keep the data as typed and word everything else in English", () => {
    const md = minutesToMarkdown(buildMinutes(s, "en"));
    expect(md).toContain("# Minutes · ");
    expect(md).toContain("**Result: Passed**");
    expect(md).toContain("| For | 21 |");
    expect(md).toMatch(/ \| Anonymous \| /);
    expect(md).toContain("4 issues raised, 2 of them urgent\\-hard");
    expect(md).toMatch(/^- 王炎 \\\([A-Za-z -]+\\\)$/m); // "name (role)" in English punctuation
    expect(md).toContain("大华商城停车位紧张");
  });

  it("CSV of follow-ups: BOM, CRLF, header in the minutes' language, every row", () => {
    const csv = followUpsCsv(buildMinutes(s, "zh"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(["事项", "负责人 / 单位", "期限", "状态", "吹哨部门"]);
    expect(rows).toHaveLength(5);
    expect(rows).toContainEqual([
      "大华商城停车位问题登记入册，上报街道党工委研讨",
      "刘勇",
      "2024-02-15",
      "已吹哨上报",
      "街道党工委",
    ]);
  });

  it("DOCX: a real Word file with the headings, tables and text", async () => {
    const bytes = await minutesToDocx(buildMinutes(s, "zh"));
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toContain("word/document.xml");
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>.*会议纪要/s);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*反映的问题/s);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(xml).toMatch(/【急难愁盼】<\/w:t>.*?鸿雁小区（297户）/s);
    expect(xml).toContain("广场舞场地定在社区院内");
    expect(xml).toContain("结果: 通过");
    expect(xml).toContain("电力局");
    const footer = Object.keys(files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    expect(strFromU8(files[footer]!)).toContain("PAGE");
  });

  it("Uyghur minutes are worded in Uyghur and the DOCX is laid out right to left", async () => {
    const m = buildMinutes(s, "ug");
    expect(m.title.startsWith(MINUTES_STRINGS.ug.title)).toBe(true);
    const md = minutesToMarkdown(m);
    expect(md).toContain(`| ${ug["option.for"]} | 21 |`);
    expect(md).toContain("大华商城停车位紧张"); // data stays as typed
    const xml = strFromU8(unzipSync(await minutesToDocx(m))["word/document.xml"]!);
    expect(xml).toContain(MINUTES_STRINGS.ug.issues);
    // Every paragraph is right to left, and so are the tables.
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/gs) ?? [];
    expect(paragraphs.length).toBeGreaterThan(20);
    expect(paragraphs.filter((p) => !p.includes("<w:bidi/>"))).toEqual([]);
    expect((xml.match(/<w:bidiVisual\/>/g) ?? []).length).toBe((xml.match(/<w:tbl>/g) ?? []).length);
    // The Chinese minutes are not.
    const zhXml = strFromU8(unzipSync(await minutesToDocx(buildMinutes(s, "zh")))["word/document.xml"]!);
    expect(zhXml).not.toContain("<w:bidi/>");
  });

  it("a locked session's exports say final, with who locked it", () => {
    const doc = seedSession();
    setActor(doc, "书记平板");
    lockMinutes(doc, Date.UTC(2024, 0, 21, 4));
    const m = buildMinutes(snapshot(doc), "zh");
    expect(m.status).toBe("final");
    expect(minutesToMarkdown(m)).toContain("**定稿** · 定稿：书记平板");
  });
});

describe("text from users is data", () => {
  const doc = seedSession();
  addIssue(doc, {
    text: "<script>alert(1)</script> **bold** [link](javascript:alert(1)) | a | b |",
    raisedBy: "<b>王</b>",
  });
  addFollowUp(doc, { action: '=HYPERLINK("http://x","y"), "quoted"\nnext line', owner: "@owner" });
  const m = buildMinutes(snapshot(doc), "zh");

  it("Markdown shows markup literally", () => {
    const md = minutesToMarkdown(m);
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("<b>");
    expect(md).toContain("&lt;script\\>alert\\(1\\)&lt;/script\\>");
    expect(md).toContain("\\*\\*bold\\*\\*");
    expect(md).toContain("\\[link\\]\\(javascript:alert\\(1\\)\\)");
    expect(md).not.toMatch(/[^\\]\[link\]\(/);
  });

  it("CSV keeps it as plain text and neutralises formulas", () => {
    const rows = parseCsv(followUpsCsv(m).slice(1));
    const row = rows.find((r) => r[0]!.includes("HYPERLINK"))!;
    expect(row[0]).toBe('\'=HYPERLINK("http://x","y"), "quoted"\nnext line');
    expect(row[1]).toBe("'@owner");
  });

  it("DOCX holds it as text, escaped in the XML", async () => {
    const xml = strFromU8(unzipSync(await minutesToDocx(m))["word/document.xml"]!);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("archive", () => {
  it("round-trips: export, parse, apply to a fresh document: the same session", () => {
    const doc = seedSession();
    const parsed = parseArchive(exportArchive(doc));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.archive).toMatchObject({ type: "yishi-session", version: 2, source: "yishi" });
    const fresh = new Y.Doc();
    applyArchive(fresh, parsed.update);
    expect(snapshot(fresh)).toEqual(snapshot(doc));
  });

  it("merges into a copy that has changed meanwhile, losing nothing", () => {
    const doc = seedSession();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    addIssue(copy, { text: "只在本机的新问题" });
    addIssue(doc, { text: "只在导出方的新问题" });
    const parsed = parseArchive(exportArchive(doc));
    if (!parsed.ok) throw new Error(parsed.error);
    applyArchive(copy, parsed.update);
    const texts = snapshot(copy).issues.map((i) => i.text);
    expect(texts).toContain("只在本机的新问题");
    expect(texts).toContain("只在导出方的新问题");
  });

  const good = JSON.parse(exportArchive(seedSession())) as { data: { update: string; id: string } };
  const variant = (patch: (a: typeof good) => unknown) => JSON.stringify(patch(structuredClone(good)));
  it.each([
    [
      "random bytes",
      String.fromCharCode(...Array.from({ length: 200 }, (_, i) => (i * 97) % 256)),
      "notJson",
    ],
    ["truncated JSON", JSON.stringify(good).slice(0, 500), "notJson"],
    ["a wrong type", variant((a) => ({ ...a, type: "excalidraw" })), "wrongType"],
    ["a newer version", variant((a) => ({ ...a, version: ARCHIVE_VERSION + 1 })), "newerVersion"],
    ["a 21 MB file", "x".repeat(21 * 1024 * 1024), "tooLarge"],
    ["missing fields", variant((a) => ({ ...a, data: { id: a.data.id } })), "malformed"],
    ["bad base64", variant((a) => ({ ...a, data: { ...a.data, update: "%%%" } })), "malformed"],
    [
      "an update Yjs rejects",
      // Hashed as written: the bytes are what the exporter meant, and Yjs still refuses them.
      variant((a) => {
        const bytes = Uint8Array.from("\u00ff\u0001garbage!", (c) => c.charCodeAt(0));
        return { ...a, data: { ...a.data, update: btoa("\u00ff\u0001garbage!"), sha256: sha256Hex(bytes) } };
      }),
      "badUpdate",
    ],
    [
      "another session's update",
      variant((a) => ({ ...a, data: { ...a.data, id: "someone-else" } })),
      "badUpdate",
    ],
  ])("rejects %s", (_name, text, code) => {
    expect(parseArchive(text)).toEqual({ ok: false, error: code });
  });
});
