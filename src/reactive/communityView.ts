// What a community workspace stores to open from before its Yjs state is applied: its view (the workspace
// and what the register lists of each matter) and the view's head (the register's first screen and its
// total), which a cold register paints while the view's megabytes are still being read.
import { queryMatters } from "../doc/community/registerQuery.ts";
import type { Matter, WorkspaceSnapshot } from "../doc/community/schema.ts";

/** Bumped whenever WorkspaceSnapshot (or the head) changes shape: a stored view of another shape is not shown. */
export const WORKSPACE_VIEW_VERSION = 3;

/** The workspace as the UI reads it: a Solid store of everything but the matters. */
export type WorkspaceState = Omit<WorkspaceSnapshot, "matters">;

/** Rows of the head: more than the tallest tablet's screen of register rows, with the windowed list's spare rows. */
export const HEAD_ROWS = 40;

/** The register's first screen: the workspace but its sessions, the first rows of the default order, the total. */
export interface CommunityHead {
  state: WorkspaceState;
  /** The first HEAD_ROWS matters in the register's default order (no filter), as the register lists them. */
  matters: Matter[];
  /** How many matters the register holds. */
  total: number;
}

/**
 * What is stored as the view: the workspace, and of each matter what the register lists and filters on
 * (its handling in detail, the history, notes and commitments, comes with the Yjs state a moment later).
 * A register of thousands of matters then opens from a few megabytes instead of a dozen.
 */
export function viewOf(state: WorkspaceState, matters: readonly Matter[]): WorkspaceSnapshot {
  return { ...state, matters: matters.map(listedMatter) };
}

/** What is stored as the head of the view (the default order does not depend on the day). */
export function headOf(state: WorkspaceState, matters: readonly Matter[]): CommunityHead {
  const first = queryMatters(matters, {}, "").slice(0, HEAD_ROWS);
  return { state: { ...state, sessions: [] }, matters: first.map(listedMatter), total: matters.length };
}

/** A matter as the register's list needs it (and the report, which reads the view before the state). */
function listedMatter(m: Matter): Matter {
  const e = m.escalation;
  return {
    ...m,
    history: [],
    escalation: e && { ...e, reason: "" },
    acknowledgement: m.acknowledgement && { ...m.acknowledgement, commitment: "" },
    resolution: m.resolution && { ...m.resolution, note: "" },
    feedback: m.feedback && { ...m.feedback, note: "" },
    withdrawal: m.withdrawal && { ...m.withdrawal, note: "" },
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const STATE_LISTS = ["talkPoints", "directory", "categories", "sessions"] as const;

/** True when `data` is a view of community `id` that the screen can render. */
export function isWorkspaceView(data: unknown, id: string): data is WorkspaceSnapshot {
  return (
    isRecord(data) &&
    isRecord(data.meta) &&
    data.meta.id === id &&
    [...STATE_LISTS, "matters"].every((name) => Array.isArray(data[name]))
  );
}

/** True when `data` is a head of community `id`'s view that the register can render. */
export function isCommunityHead(data: unknown, id: string): data is CommunityHead {
  if (!isRecord(data) || !isRecord(data.state) || !Array.isArray(data.matters)) return false;
  const { state, matters, total } = data;
  return (
    isRecord(state.meta) &&
    state.meta.id === id &&
    STATE_LISTS.every((name) => Array.isArray(state[name])) &&
    typeof total === "number" &&
    Number.isInteger(total) &&
    total >= matters.length &&
    matters.every((m) => isRecord(m) && typeof m.id === "string")
  );
}

/** The head of community `id`'s view read from storage, if it is one the register can render (else null). */
export function headFrom(data: unknown, id: string): CommunityHead | null {
  if (!isCommunityHead(data, id)) return null;
  performance.mark("yishi:community-head");
  return data;
}
