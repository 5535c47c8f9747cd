// The minutes as plain, language-resolved data: every format (print, DOCX, Markdown, CSV) renders this.
import type { SessionSnapshot } from "../doc/session/schema.ts";
import { lateEdits } from "../doc/session/lock.ts";
import { presentCount } from "../doc/session/snapshot.ts";
import { shownResult, type Outcome } from "../doc/session/verdict.ts";
import { dateFormatter, dictionary, format, LOCALES, type Lang, type MessageKey } from "../i18n/i18n.ts";
import { MINUTES_STRINGS, type MinutesKey } from "./minutesStrings.ts";

export interface Minutes {
  lang: Lang;
  /** Headings and labels in the minutes' language. */
  text: Record<MinutesKey, string>;
  title: string;
  status: "draft" | "final";
  /** "Finalised by … on …" when final. */
  finalNote: string;
  header: { label: string; value: string }[];
  attendance: { headcount: number; named: { name: string; role: string }[] };
  agenda: { index: number; title: string; status: string; notes: string }[];
  issues: {
    text: string;
    urgent: boolean;
    category: string;
    raisedBy: string;
    location: string;
    agendaTitle: string;
  }[];
  votes: {
    motion: string;
    tallies: { option: string; count: number }[];
    quorumText: string;
    thresholdText: string;
    verdict: string;
    outcome: Outcome;
  }[];
  decisions: string[];
  followUps: { action: string; owner: string; due: string; status: string; escalatedTo: string }[];
  /** Matters of earlier sessions reported back on (逐一反馈): as they stood before, and what was said. */
  reportBack: { text: string; statusThen: string; said: string }[];
  summary: {
    issues: number;
    urgent: number;
    votes: number;
    followUps: number;
    resolved: number;
    text: string;
  };
  amendments: string;
  /** Edits that merged in after the minutes were finalised, one line each (empty unless locked). */
  late: string[];
}

/** Resolved: by the register's status when the follow-up has one (fed back counts too), else the session's. */
const isResolved = (f: { status: string; matterStatus?: string }) =>
  f.matterStatus ? f.matterStatus === "resolved" || f.matterStatus === "closed" : f.status === "resolved";

/**
 * Minutes of a session in `lang`. Locked sessions are "final".
 * @example minutesToMarkdown(buildMinutes(snapshot(doc), "zh"))
 */
export function buildMinutes(live: SessionSnapshot, lang: Lang): Minutes {
  const text = MINUTES_STRINGS[lang];
  // Locked minutes show what the lock finalised; whatever merged in since is listed apart, as late.
  const s: SessionSnapshot = live.lock && live.finalised ? { ...live, ...live.finalised } : live;
  const late = live.lock && live.finalised ? lateEdits(live.finalised, live) : [];
  // The minutes' own wording first, then the names shared with the UI (categories, options, statuses…).
  // A value from a newer peer that neither knows (a new role, say) shows as it is stored.
  const tr = (key: string) => text[key as MinutesKey] ?? dictionary(lang)[key as MessageKey] ?? key;
  // Dates as the community tells them (its time zone), whatever the tablet's clock is set to.
  const longDate = dateFormatter(lang, { dateStyle: "long", timeStyle: "short", timeZone: s.meta.timeZone });
  const when = (v: string | number) => {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? "" : longDate(d);
  };
  const category = (id: string) => {
    const c = s.categories.find((x) => x.id === id);
    return c?.label || tr(`category.${id}`);
  };
  const agendaTitle = (id: string | null) => s.agenda.find((a) => a.id === id)?.title ?? "";
  const present = presentCount(s);
  const votes = s.votes.map((v) => {
    // A closed vote shows the result recorded when it was closed, with the rules that decided it.
    const r = shownResult(v, present);
    const t = r.threshold;
    const thresholdName =
      t.kind === "custom"
        ? format(text["threshold.custom"], { num: t.num, den: t.den })
        : tr(`threshold.${t.kind}`);
    return {
      motion: v.motion,
      tallies: r.options.map((o) => ({ option: o.label || tr(`option.${o.role}`), count: o.count })),
      quorumText: format(text.quorum, { quorum: r.quorum, present: r.present }),
      thresholdText: format(text.threshold, { threshold: thresholdName + tr(`basis.${t.basis}`) }),
      verdict: v.status === "closed" ? tr(`verdict.${r.outcome}`) : tr("draft"),
      outcome: r.outcome,
      closed: v.status === "closed",
      // "21 : 1 : 2" for for / against / abstain; each choice with its label.
      tallyText: r.options
        .map((o) => (o.role === "choice" ? `${o.label} ${o.count}` : String(o.count)))
        .join(" : "),
    };
  });
  const counts = {
    issues: s.issues.length,
    urgent: s.issues.filter((i) => i.urgent).length,
    votes: s.votes.length,
    followUps: s.followUps.length,
    resolved: s.followUps.filter(isResolved).length,
  };
  return {
    lang,
    text,
    title: `${text.title} · ${s.meta.title}`,
    status: s.lock ? "final" : "draft",
    finalNote: s.lock ? format(text.finalBy, { by: s.lock.by || "—", at: when(s.lock.at) }) : "",
    // A field nobody filled in is left out, not shown as an empty row.
    header: [
      { label: text.talkPoint, value: s.meta.talkPoint.name },
      { label: text.community, value: s.meta.talkPoint.community },
      { label: text.date, value: when(s.meta.startsAt) },
      { label: text.place, value: s.meta.place },
      { label: text.facilitator, value: s.meta.facilitator },
      { label: text.recorder, value: s.meta.recorder },
    ].filter((h) => h.value.trim() !== ""),
    attendance: {
      headcount: s.headcount,
      named: s.attendees.map((a) => ({ name: a.name, role: tr(`role.${a.role}`) })),
    },
    agenda: s.agenda.map((a, i) => ({
      index: i + 1,
      title: a.title,
      status: tr(`status.${a.status}`),
      notes: a.notes,
    })),
    issues: s.issues.map((i) => ({
      text: i.text,
      urgent: i.urgent,
      category: category(i.categoryId),
      // An anonymous issue never carries a name, whatever the record holds.
      raisedBy: i.anonymous ? text.anonymous : i.raisedBy,
      location: i.location,
      agendaTitle: agendaTitle(i.agendaId),
    })),
    votes: votes.map(({ closed: _closed, tallyText: _tally, ...v }) => v),
    // What the table decided: each closed vote's motion (as worded for the vote) with its result.
    decisions: votes
      .filter((v) => v.closed)
      .map((v) => format(text.decision, { motion: v.motion, verdict: v.verdict, tally: v.tallyText })),
    followUps: s.followUps.map((f) => ({
      action: f.action,
      owner: f.owner,
      due: f.due,
      // A follow-up of a community's session shows its register status (since the table) when it has one.
      status: (f as { matterStatus?: string }).matterStatus
        ? tr(`matterStatus.${(f as { matterStatus?: string }).matterStatus}`)
        : tr(`followUpStatus.${f.status}`),
      escalatedTo: f.escalatedTo,
    })),
    reportBack: s.reportBack.map((r) => ({
      text: r.text,
      statusThen: tr(`matterStatus.${r.statusThen}`),
      said: r.said,
    })),
    summary: { ...counts, text: format(text.summaryText, counts, LOCALES[lang]) },
    amendments: s.minutes,
    late: late.map((e) =>
      [tr(`late.${e.change}`), tr(`late.${e.what}`), e.label].filter((x) => x !== "").join(" · "),
    ),
  };
}
