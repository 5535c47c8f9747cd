// Minutes as Markdown, for a report or a wiki. User text is escaped: it shows, never renders.
import { EMPTY_CELL, minutesBlocks, type Block, type Run } from "./minutesBlocks.ts";
import type { Minutes } from "./minutesModel.ts";

/** Escapes everything Markdown or HTML would interpret (emphasis, links, images, HTML, tables, headings). */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, "\\$&")
    .replace(/</g, "&lt;")
    .replace(/\r?\n/g, "  \n");
}

const e = escapeMarkdown;
const runs = (list: Run[]) => list.map((r) => (r.bold ? `**${e(r.text)}**` : e(r.text))).join("");
/** A table cell: escaped, on one line. */
const cell = (list: Run[]) =>
  runs(list.map((r) => ({ ...r, text: r.text.replace(/\s*\r?\n\s*/g, " ") }))) || EMPTY_CELL;

function render(block: Block, out: string[]): void {
  switch (block.kind) {
    case "title":
      out.push(`# ${e(block.text)}`, "");
      break;
    case "status":
      out.push(`**${e(block.text)}**${block.note ? ` · ${e(block.note)}` : ""}`, "");
      break;
    case "heading":
      out.push(`${"#".repeat(block.level)} ${e(block.text)}`, "");
      break;
    case "para":
      out.push(runs(block.runs), "");
      break;
    case "list":
      out.push(...block.items.map((item) => `- ${e(item)}`), "");
      break;
    case "fields":
      out.push(...block.rows.map((r) => `- **${e(r.label)}**: ${e(r.value)}`), "");
      break;
    case "table":
      out.push(
        `| ${block.head.map((h) => e(h)).join(" | ")} |`,
        `| ${block.head.map(() => "---").join(" | ")} |`,
        ...block.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
        "",
      );
      break;
    case "group":
      for (const b of block.blocks) render(b, out);
      break;
  }
}

/** Renders the minutes as Markdown. */
export function minutesToMarkdown(m: Minutes): string {
  const out: string[] = [];
  for (const block of minutesBlocks(m)) render(block, out);
  return out.join("\n");
}
