// What the workspace keeps of a session, read from the session's plain snapshot: its index entry, and each
// follow-up as a register matter, with the follow-up's own history (written at the table by a guest tablet
// or an older app) carried into the matter's log as steps, each once, whatever the order they arrive in.
import * as Y from "yjs";
import { civilDate } from "../civilTime.ts";
import { newId } from "../ids.ts";
import type { FollowUp, Issue, SessionSnapshot } from "../session/schema.ts";
import { readDirectory } from "./readers.ts";
import type { MatterEvent, SessionEntry } from "./schema.ts";
import {
  createMatter,
  updateMatterCopy,
  type MatterCopy,
  type MatterInput,
  type StoredStep,
} from "./matters.ts";
import { changeWorkspace, record } from "./workspaceDoc.ts";
import { putSessionEntry } from "./sessionIndex.ts";

/** The workspace's index entry of a session. */
export function sessionEntryOf(s: SessionSnapshot): SessionEntry {
  return {
    id: s.meta.id,
    talkPointId: s.meta.talkPoint.id,
    title: s.meta.title,
    startsAt: s.meta.startsAt,
    headcount: Math.max(s.headcount, s.attendees.length),
    visitors: s.attendees.filter((a) => a.role === "resident" || a.role === "merchant").length,
    issues: s.issues.length,
    urgent: s.issues.filter((i) => i.urgent).length,
    locked: s.lock !== null,
    createdAt: s.meta.createdAt,
  };
}

/** What the register copies of a follow-up and the issue it came from. */
export function copyOf(f: FollowUp, issue: Issue | undefined, s: SessionSnapshot): MatterCopy {
  const category = issue ? s.categories.find((c) => c.id === issue.categoryId) : undefined;
  return {
    text: issue?.text ?? f.action,
    action: f.action,
    categoryId: issue?.categoryId ?? "other",
    category: category?.label ?? "",
    urgent: issue?.urgent ?? false,
    raisedBy: issue && !issue.anonymous ? issue.raisedBy : "",
    anonymous: issue?.anonymous ?? false,
    location: issue?.location ?? "",
  };
}

/** The matter a follow-up starts; it was raised on the day its issue was raised (or the follow-up made). */
export function matterInputOf(f: FollowUp, s: SessionSnapshot, timeZone: string): MatterInput {
  const issue = s.issues.find((i) => i.id === f.issueId);
  const raisedAt = issue?.createdAt || f.createdAt || Date.parse(s.meta.startsAt) || 0;
  return {
    id: f.id,
    sessionId: s.meta.id,
    talkPointId: s.meta.talkPoint.id,
    issueId: f.issueId,
    voteId: f.voteId,
    raisedOn: civilDate(raisedAt, timeZone),
    ...(copyOf(f, issue, s) as Required<MatterCopy>),
  };
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
    const base = { id: legacyId(f, e), at: e.at, by: e.by };
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
          deadline: "",
        });
      else if (e.to === "resolved") out.push({ ...base, kind: "resolve", note: "" });
      else if (e.to === "open" && e.from === "resolved") out.push({ ...base, kind: "reopen", note: "" });
    }
  }
  return out;
}

/** The directory id of department `name`, added to the directory when it is not there (an older app's free text). */
function departmentId(doc: Y.Doc, name: string): string {
  const found = readDirectory(doc).find((d) => d.name === name);
  if (found || !name) return found?.id ?? "";
  return changeWorkspace(doc, (r) => {
    const id = newId();
    r.directory.set(
      id,
      record({ id, order: `z${id}`, name, kind: "department", contact: "", retired: false }),
    );
    return id;
  });
}

/**
 * Brings the workspace up to date with a session of the community: its index entry, a matter for each
 * follow-up, the register's copy of what was raised, and the steps its follow-ups' own history records.
 * Every tablet that holds both may run it; what it writes is the same from the same merged state.
 */
export function syncSessionIntoWorkspace(
  workspace: Y.Doc,
  s: SessionSnapshot,
  timeZone: string,
  now = Date.now(),
): void {
  putSessionEntry(workspace, sessionEntryOf(s));
  const matters = workspace.getMap<unknown>("matters");
  const known = new Set<string>();
  for (const raw of workspace.getArray<unknown>("steps").toArray()) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === "string" && id.startsWith("legacy:")) known.add(id);
  }
  for (const f of s.followUps) {
    const input = matterInputOf(f, s, timeZone);
    if (!matters.has(f.id)) {
      createMatter(
        workspace,
        { ...input, owner: f.owner, ownerKind: f.ownerKind, due: f.due },
        f.createdAt || now,
      );
    } else {
      const {
        id: _id,
        sessionId: _s,
        talkPointId: _t,
        issueId: _i,
        voteId: _v,
        raisedOn: _r,
        ...copy
      } = input;
      updateMatterCopy(workspace, f.id, copy);
    }
    const fresh = legacySteps(f, (name) => departmentId(workspace, name)).filter((e) => !known.has(e.id));
    if (fresh.length === 0) continue;
    changeWorkspace(workspace, (r) => r.steps.push(fresh.map((e): StoredStep => ({ ...e, matter: f.id }))));
    for (const e of fresh) known.add(e.id);
  }
}
