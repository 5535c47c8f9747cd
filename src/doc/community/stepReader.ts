// A step of the register's log as any peer stored it, cleaned: known kinds only, fields of the right type.
import { isCalendarDate } from "../civilTime.ts";
import {
  FEEDBACK_HOWS,
  MATTER_EVENT_KINDS,
  WITHDRAW_REASONS,
  type MatterEvent,
  type MatterEventKind,
} from "./schema.ts";
import { isObject, num, str } from "./plainValues.ts";

const TEXT_FIELDS = [
  "actionId",
  "owner",
  "due",
  "departmentId",
  "department",
  "reason",
  "deadline",
  "escalationId",
  "person",
  "commitment",
  "on",
  "note",
  "resolutionId",
  "sessionId",
  "of",
] as const;

/** Days seen, checked once each (a register's steps name a few thousand days). */
const days = new Map<string, boolean>();
function isDay(value: string): boolean {
  let ok = days.get(value);
  if (ok === undefined) {
    ok = isCalendarDate(value);
    if (days.size > 100_000) days.clear();
    days.set(value, ok);
  }
  return ok;
}

/** A step as stored by any peer, or null when it is not one (skipped, never fatal). Unknown keys are kept. */
export function cleanEvent(raw: unknown): MatterEvent | null {
  if (!isObject(raw) || !MATTER_EVENT_KINDS.includes(raw.kind as MatterEventKind)) return null;
  // One copy (a register holds tens of thousands of steps); the log's `matter` key rides along, unread.
  const e: MatterEvent = {
    ...raw,
    id: str(raw.id),
    at: num(raw.at),
    by: str(raw.by),
    kind: raw.kind as MatterEventKind,
  };
  for (const key of TEXT_FIELDS) {
    if (key in raw) e[key] = str(raw[key]);
  }
  if (e.actionId === "") delete e.actionId;
  // A day that is no day (a peer's garbage) is dropped: the step then happened on its recording day.
  if (e.on !== undefined && !isDay(e.on)) delete e.on;
  if ("ownerKind" in raw) e.ownerKind = raw.ownerKind === "unit" ? "unit" : "person";
  if ("how" in raw)
    e.how = FEEDBACK_HOWS.includes(raw.how as never) ? (raw.how as MatterEvent["how"]) : "inPerson";
  if ("satisfied" in raw) e.satisfied = raw.satisfied === true;
  if ("heard" in raw)
    e.heard = Array.isArray(raw.heard) ? raw.heard.filter((x) => typeof x === "string") : [];
  if ("why" in raw) {
    if (WITHDRAW_REASONS.includes(raw.why as never)) e.why = raw.why as MatterEvent["why"];
    else delete e.why;
  }
  if ("v" in raw) {
    if (typeof raw.v === "number" && Number.isFinite(raw.v)) e.v = raw.v;
    else delete e.v;
  }
  return e;
}
