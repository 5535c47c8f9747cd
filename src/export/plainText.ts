// Minutes as plain text, for pasting into a chat app (which shows Markdown's marks as they are): headings on
// their own lines, bullets, each table row as one line with its column names.
import { minutesBlocks, runsText, type Block } from "./minutesBlocks.ts";
import type { Minutes } from "./minutesModel.ts";

function render(block: Block, out: string[], separator: string): void {
  switch (block.kind) {
    case "title":
      out.push(block.text, "");
      break;
    case "status":
      out.push([block.text, block.note].filter(Boolean).join(" · "), "");
      break;
    case "heading":
      out.push(block.level === 2 ? `【${block.text}】` : block.text);
      break;
    case "para":
      out.push(runsText(block.runs), "");
      break;
    case "list":
      out.push(...block.items.map((item) => `• ${item}`), "");
      break;
    case "fields":
      out.push(...block.rows.map((r) => `${r.label}${separator}${r.value}`), "");
      break;
    case "table":
      for (const row of block.rows) {
        const [first, ...rest] = row.map(runsText);
        const named = rest
          .map((text, i) => (text.trim() ? `${block.head[i + 1]}${separator}${text}` : ""))
          .filter(Boolean);
        out.push(`• ${[first, ...named].join(" · ")}`);
      }
      out.push("");
      break;
    case "group":
      for (const b of block.blocks) render(b, out, separator);
      if (out[out.length - 1] !== "") out.push("");
      break;
  }
}

/** Renders the minutes as plain text. */
export function minutesToText(m: Minutes): string {
  const out: string[] = [];
  // "：" after a Chinese label, ": " otherwise.
  const separator = m.lang === "zh" || m.lang === "zh-Hant" ? "：" : ": ";
  for (const block of minutesBlocks(m)) render(block, out, separator);
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}
