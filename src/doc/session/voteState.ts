// A vote's state read from its append-only history: status, the result recorded at close, typed corrections.
// The history is a Y.Array, so its order is the document's causal order on every tablet (see tally.ts).
import { asCorrection, type Correction } from "../tally.ts";
import {
  DEFAULT_THRESHOLD,
  type Threshold,
  type VoteHistoryEntry,
  type VoteResult,
  type VoteStatus,
} from "./schema.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const STATUS_AFTER: Partial<Record<VoteHistoryEntry["kind"], VoteStatus>> = {
  open: "open",
  reopen: "open",
  close: "closed",
};

/** History entries as stored by any peer: entries that are not objects are skipped, fields defaulted. */
export function cleanHistory(raw: unknown): VoteHistoryEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: VoteHistoryEntry[] = [];
  for (const e of raw) {
    if (!isObject(e) || typeof e.kind !== "string") continue;
    out.push({
      ...e,
      kind: e.kind as VoteHistoryEntry["kind"],
      at: finite(e.at) ? e.at : 0,
      by: typeof e.by === "string" ? e.by : "",
    } as VoteHistoryEntry);
  }
  return out;
}

/**
 * The status after the last open / close / reopen step. A vote with none is a draft; the stored `status`
 * field (still written for older apps) is used only when a history has no steps at all.
 */
export function statusOf(history: readonly VoteHistoryEntry[], stored: unknown): VoteStatus {
  for (let i = history.length - 1; i >= 0; i--) {
    const status = STATUS_AFTER[history[i]!.kind];
    if (status) return status;
  }
  return stored === "open" || stored === "closed" ? stored : "draft";
}

/** The close step in force (the last status step, when it is a close), or null. */
export function closeInForce(history: readonly VoteHistoryEntry[]): VoteHistoryEntry | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (STATUS_AFTER[entry.kind]) return entry.kind === "close" ? entry : null;
  }
  return null;
}

/** The last typed correction of `optionId` that recorded what it saw (older apps' corrections are in the taps). */
export function lastCorrection(history: readonly VoteHistoryEntry[], optionId: string): Correction | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.kind !== "set" || entry.optionId !== optionId) continue;
    const correction = asCorrection(entry);
    if (correction) return correction;
  }
  return null;
}

/** A threshold as stored by any peer: kind, basis and a fraction 1 ≤ num ≤ den. */
export function cleanThreshold(raw: unknown): Threshold {
  const t = isObject(raw) ? raw : {};
  const kind = t.kind === "twoThirds" || t.kind === "custom" ? t.kind : "simple";
  const basis = t.basis === "present" ? "present" : "cast";
  const den = finite(t.den) && t.den >= 1 ? t.den : DEFAULT_THRESHOLD.den;
  const num = finite(t.num) && t.num >= 1 ? Math.min(t.num, den) : DEFAULT_THRESHOLD.num;
  return { ...t, kind, basis, num, den };
}
/** A recorded result as stored by any peer, or null when it is not a usable one. */
export function cleanResult(raw: unknown): VoteResult | null {
  if (!isObject(raw) || !Array.isArray(raw.options)) return null;
  const outcome = raw.outcome === "passed" || raw.outcome === "noQuorum" ? raw.outcome : "failed";
  const options = raw.options.filter(isObject).map((o) => ({
    ...o,
    id: typeof o.id === "string" ? o.id : "",
    label: typeof o.label === "string" ? o.label : "",
    role: (o.role === "for" || o.role === "against" || o.role === "abstain"
      ? o.role
      : "choice") as VoteResult["options"][number]["role"],
    count: finite(o.count) ? Math.max(0, o.count) : 0,
  }));
  const n = (v: unknown) => (finite(v) ? Math.max(0, v) : 0);
  return {
    ...raw,
    outcome,
    options,
    present: n(raw.present),
    quorum: n(raw.quorum),
    threshold: cleanThreshold(raw.threshold),
    mode: raw.mode === "minority" ? "minority" : "count",
    cast: n(raw.cast),
    base: n(raw.base),
    winnerId: typeof raw.winnerId === "string" ? raw.winnerId : null,
  };
}
