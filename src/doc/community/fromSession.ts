// What the workspace keeps of a session, read from the session's plain snapshot: its index entry, a matter
// for each issue raised, an action for each follow-up, the register's copy of both, and the steps taken at
// the table (resolved on the spot, a guest tablet's follow-up history, matters reported back on) carried into
// the log once each, whatever the number of tablets carrying them and the order they arrive in.
import * as Y from "yjs";
import { civilDate } from "../civilTime.ts";
import type { FollowUp, Issue, SessionSnapshot } from "../session/schema.ts";
import { ensureDepartment } from "./directory.ts";
import { buildMatterIndex, type MatterIndex } from "./matterIndex.ts";
import {
  createAction,
  createMatter,
  updateActionCopy,
  updateMatterCopy,
  type MatterCopy,
  type MatterInput,
} from "./matterRecords.ts";
import type { StoredStep } from "./matters.ts";
import { STEP_RULES, type MatterEvent } from "./schema.ts";
import { putSessionEntry, sessionEntryOf, staleSession, writeSessionState } from "./sessionIndex.ts";
import { changeWorkspace, workspaceRoots } from "./workspaceDoc.ts";

export { isHeld, sessionEntryOf } from "./sessionIndex.ts";

/** A session as the workspace reads it: its plain snapshot, and the state vector it was read at. */
export interface SessionSource {
  state: SessionSnapshot;
  sv: Map<number, number>;
}

/** The snapshot and state vector of session document `doc`, read now. */
export function sessionSource(doc: Y.Doc, state: SessionSnapshot): SessionSource {
  return { state, sv: Y.decodeStateVector(Y.encodeStateVector(doc)) };
}

/** What the register copies of an issue. */
export function copyOf(issue: Issue, s: SessionSnapshot): MatterCopy {
  const category = s.categories.find((c) => c.id === issue.categoryId);
  return {
    text: issue.text,
    categoryId: issue.categoryId,
    category: category?.label ?? "",
    urgent: issue.urgent,
    raisedBy: issue.anonymous ? "" : issue.raisedBy,
    anonymous: issue.anonymous,
    location: issue.location,
    sameAs: issue.sameAs,
    removed: false,
  };
}

const dayOf = (at: number, s: SessionSnapshot, tz: string) =>
  civilDate(at || Date.parse(s.meta.startsAt) || 0, tz);

/** The matter an issue raises; it was raised on the day the issue was recorded. */
export function matterInputOf(issue: Issue, s: SessionSnapshot, timeZone: string): MatterInput {
  const { sameAs: _sameAs, removed: _removed, ...copy } = copyOf(issue, s);
  return {
    id: issue.id,
    sessionId: s.meta.id,
    talkPointId: s.meta.talkPoint.id,
    issueId: issue.id,
    raisedOn: dayOf(issue.createdAt, s, timeZone),
    ...(copy as Required<typeof copy>),
  };
}

/** The matter a follow-up is an action of: its issue's (or the vote's issue's), that issue's link, or its own. */
export function matterOfFollowUp(f: FollowUp, s: SessionSnapshot): string {
  const issueId = f.issueId ?? s.votes.find((v) => v.id === f.voteId)?.issueId ?? null;
  const issue = issueId ? s.issues.find((i) => i.id === issueId) : undefined;
  if (!issue) return issueId ?? f.id;
  return issue.sameAs || issue.id;
}

/** A stable id for a follow-up history entry, so the same entry is carried over once from any tablet. */
const legacyId = (f: FollowUp, e: FollowUp["history"][number]) =>
  `legacy:${f.id}:${e.at}:${e.by}:${e.field}:${e.to}`.slice(0, 300);

/** The steps a follow-up's own history stands for (status changes, owner and due changes). */
export function legacySteps(f: FollowUp, departmentIdOf: (name: string) => string): MatterEvent[] {
  const out: MatterEvent[] = [];
  let owner = "";
  let department = f.escalatedTo;
  for (const e of f.history) {
    const base = { id: legacyId(f, e), at: e.at, by: e.by, actionId: f.id, v: STEP_RULES };
    if (e.field === "owner" || e.field === "due") {
      if (e.field === "owner") owner = e.to;
      out.push({ ...base, kind: "assign", [e.field]: e.to });
    } else if (e.field === "ownerKind") {
      out.push({ ...base, kind: "assign", ownerKind: e.to === "unit" ? "unit" : "person" });
    } else if (e.field === "escalatedTo") {
      department = e.to;
    } else if (e.field === "status") {
      if (e.to === "inProgress") out.push({ ...base, kind: "start", owner: owner || f.owner });
      else if (e.to === "escalated")
        out.push({
          ...base,
          kind: "escalate",
          department,
          departmentId: departmentIdOf(department),
          reason: "",
          deadline: e.deadline ?? "",
        });
      else if (e.to === "resolved") out.push({ ...base, kind: "resolve", note: e.note ?? "" });
      else if (e.to === "open" && e.from === "resolved") out.push({ ...base, kind: "reopen", note: "" });
    }
  }
  return out;
}

/** Steps taken at the table: resolutions on the spot, a guest's follow-up history, report-back. */
function tableSteps(workspace: Y.Doc, s: SessionSnapshot, timeZone: string): StoredStep[] {
  const out: StoredStep[] = [];
  const day = dayOf(0, s, timeZone);
  for (const issue of s.issues) {
    if (issue.settled.trim() === "" || issue.sameAs) continue;
    out.push({
      matter: issue.id,
      id: `spot:${issue.id}`,
      at: issue.createdAt,
      by: s.meta.recorder || s.meta.facilitator,
      kind: "resolve",
      note: issue.settled,
      on: day,
      sessionId: s.meta.id,
      heard: [],
      v: STEP_RULES,
    });
  }
  for (const f of s.followUps) {
    const matter = matterOfFollowUp(f, s);
    for (const e of legacySteps(f, (name) => ensureDepartment(workspace, name))) out.push({ ...e, matter });
  }
  const reportBack = s.agenda.find((a) => a.kind === "reportBack");
  for (const item of s.reportBack) {
    if (item.said.trim() === "" && (!reportBack || reportBack.status === "pending")) continue;
    out.push({
      matter: item.id,
      id: `discussed:${s.meta.id}:${item.id}`,
      at: Date.parse(s.meta.startsAt) || 0,
      by: s.meta.recorder || s.meta.facilitator,
      kind: "discussed",
      sessionId: s.meta.id,
      note: "",
      v: STEP_RULES,
    });
  }
  return out;
}

/** A matter or action of this session that its session no longer holds: deleted there (kept, not counted). */
function markRemoved(workspace: Y.Doc, s: SessionSnapshot, index: MatterIndex): void {
  const issues = new Set(s.issues.map((i) => i.id));
  const followUps = new Set(s.followUps.map((f) => f.id));
  for (const [id, info] of index.infos) {
    if (info.sessionId !== s.meta.id || info.removed === true) continue;
    const source = typeof info.issueId === "string" && info.issueId ? info.issueId : id;
    if (!issues.has(source) && !followUps.has(source))
      updateMatterCopy(workspace, id, { removed: true }, index);
  }
  for (const [id, a] of index.actionRecords)
    if (a.sessionId === s.meta.id && !a.removed && !followUps.has(id))
      updateActionCopy(workspace, id, { removed: true }, a);
}

/** The register's matters a session can touch: its issues', its follow-ups', and any made from it before. */
function mattersOfSession(workspace: Y.Doc, s: SessionSnapshot): Set<string> {
  const out = new Set<string>(s.issues.map((i) => i.id));
  for (const f of s.followUps) out.add(matterOfFollowUp(f, s));
  workspaceRoots(workspace).matters.forEach((value, key) => {
    const v = value as { v?: unknown; sessionId?: unknown; issueId?: unknown } | null;
    if (v?.sessionId !== s.meta.id) return;
    out.add(v.v === undefined && typeof v.issueId === "string" && v.issueId ? v.issueId : key);
  });
  return out;
}

/** Matters for the issues and for follow-ups of no issue; actions for the follow-ups; their copies. */
function syncRecords(workspace: Y.Doc, s: SessionSnapshot, timeZone: string, now: number): void {
  // Only this session's part of the register is read: a community holds thousands of matters.
  const index = buildMatterIndex(workspace, mattersOfSession(workspace, s));
  for (const issue of s.issues) {
    if (!index.infos.has(issue.id))
      createMatter(workspace, matterInputOf(issue, s, timeZone), issue.createdAt || now);
    else updateMatterCopy(workspace, issue.id, copyOf(issue, s), index);
  }
  for (const f of s.followUps) {
    const matter = matterOfFollowUp(f, s);
    if (matter === f.id) {
      const own = { text: f.action, removed: false };
      if (!index.infos.has(f.id))
        createMatter(
          workspace,
          {
            id: f.id,
            sessionId: s.meta.id,
            talkPointId: s.meta.talkPoint.id,
            ...own,
            raisedOn: dayOf(f.createdAt, s, timeZone),
          },
          f.createdAt || now,
        );
      else updateMatterCopy(workspace, f.id, own, index);
    }
    const current = index.actionRecords.get(f.id);
    const copy = { action: f.action, voteId: f.voteId ?? "", matter, removed: false };
    if (current) updateActionCopy(workspace, f.id, copy, current);
    else
      createAction(
        workspace,
        {
          id: f.id,
          matter,
          sessionId: s.meta.id,
          voteId: f.voteId,
          action: f.action,
          owner: f.owner,
          ownerKind: f.ownerKind,
          due: f.due,
        },
        f.createdAt || now,
      );
  }
  markRemoved(workspace, s, index);
  const fresh = tableSteps(workspace, s, timeZone).filter((e) => !index.stepIds.has(e.id));
  if (fresh.length > 0) changeWorkspace(workspace, (r) => r.steps.push(fresh));
}

/**
 * Brings the workspace up to date with a session of the community: its index entry, its matters, actions, their copies and the steps taken at the table. Every tablet that holds both
 * may run it and writes the same from the same merged state; a tablet whose copy of the session is older
 * than the one the register was last written from writes nothing (it would put back what was changed since).
 */
export function syncSessionIntoWorkspace(
  workspace: Y.Doc,
  session: SessionSource,
  timeZone: string,
  now = Date.now(),
): void {
  const s = session.state;
  if (staleSession(workspace, s.meta.id, session.sv)) return;
  const before = Y.getState(workspace.store, workspace.clientID);
  changeWorkspace(workspace, () => {
    putSessionEntry(workspace, sessionEntryOf(s));
    // A session never held has no issue nor follow-up, so it makes no record (its deleted ones are marked).
    syncRecords(workspace, s, timeZone, now);
    if (Y.getState(workspace.store, workspace.clientID) !== before)
      writeSessionState(workspace, s.meta.id, session.sv);
  });
}
