// Minutes as Markdown, for pasting into a chat or a report. User text is escaped: it shows, never renders.
import { format } from "../i18n/i18n.ts";
import type { Minutes } from "./minutesModel.ts";

/** Escapes everything Markdown or HTML would interpret (emphasis, links, images, HTML, tables, headings). */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, "\\$&")
    .replace(/</g, "&lt;")
    .replace(/\r?\n/g, "  \n");
}

/** A table cell: escaped, on one line. */
const cell = (value: string) => escapeMarkdown(value.replace(/\s*\r?\n\s*/g, " ")) || "—";

/** Renders the minutes as Markdown. */
export function minutesToMarkdown(m: Minutes): string {
  const t = m.text;
  const e = escapeMarkdown;
  const out: string[] = [];
  out.push(
    `# ${e(m.title)}`,
    "",
    `**${m.status === "final" ? t.final : t.draft}**${m.finalNote ? ` · ${e(m.finalNote)}` : ""}`,
    "",
  );
  out.push(`## ${t.info}`, "", ...m.header.map((h) => `- **${h.label}**: ${e(h.value) || "—"}`), "");
  out.push(`## ${t.attendance}`, "", e(format(t.headcount, { n: m.attendance.headcount })), "");
  for (const a of m.attendance.named) out.push(`- ${format(t.attendee, { name: e(a.name), role: a.role })}`);
  out.push("", `## ${t.agenda}`, "");
  for (const a of m.agenda) {
    out.push(`${a.index}\\. ${e(a.title)} — ${a.status}`);
    if (a.notes) out.push("", `   ${e(a.notes)}`, "");
  }
  out.push("", `## ${t.issues}`, "");
  if (m.issues.length === 0) out.push(t.none);
  for (const i of m.issues) {
    const tags = [i.urgent ? `**${t.urgent}**` : "", e(i.category)].filter(Boolean).join(" · ");
    const who = [
      i.raisedBy && `${t.raisedBy}: ${e(i.raisedBy)}`,
      i.location && `${t.location}: ${e(i.location)}`,
    ]
      .filter(Boolean)
      .join(" · ");
    out.push(`- ${tags} — ${e(i.text)}${who ? ` (${who})` : ""}`);
  }
  out.push("", `## ${t.votes}`, "");
  if (m.votes.length === 0) out.push(t.none);
  for (const v of m.votes) {
    out.push(`### ${e(v.motion)}`, "");
    out.push(
      `| ${t.tally} | |`,
      "| --- | ---: |",
      ...v.tallies.map((x) => `| ${cell(x.option)} | ${x.count} |`),
      "",
    );
    out.push(`- ${e(v.quorumText)}`, `- ${e(v.thresholdText)}`, `- **${t.verdict}: ${e(v.verdict)}**`, "");
  }
  out.push(
    `## ${t.decisions}`,
    "",
    ...(m.decisions.length ? m.decisions.map((d) => `- ${e(d)}`) : [t.none]),
    "",
  );
  out.push(`## ${t.followUps}`, "");
  if (m.followUps.length === 0) out.push(t.none);
  else {
    out.push(
      `| ${t.action} | ${t.owner} | ${t.due} | ${t.status} | ${t.escalatedTo} |`,
      "| --- | --- | --- | --- | --- |",
    );
    for (const f of m.followUps)
      out.push(
        `| ${cell(f.action)} | ${cell(f.owner)} | ${cell(f.due)} | ${cell(f.status)} | ${cell(f.escalatedTo)} |`,
      );
  }
  if (m.reportBack.length > 0) {
    out.push(
      "",
      `## ${t.reportBack}`,
      "",
      `| ${t.reportBackMatter} | ${t.reportBackThen} | ${t.reportBackSaid} |`,
      "| --- | --- | --- |",
    );
    for (const r of m.reportBack) out.push(`| ${cell(r.text)} | ${cell(r.statusThen)} | ${cell(r.said)} |`);
  }
  out.push("", `## ${t.summary}`, "", m.summary.text, "");
  if (m.amendments.trim()) out.push(`## ${t.amendments}`, "", e(m.amendments), "");
  if (m.late.length > 0) out.push(`## ${t.late}`, "", t.lateIntro, "", ...m.late.map((l) => `- ${e(l)}`), "");
  return out.join("\n");
}
