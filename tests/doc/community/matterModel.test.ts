// The register's unit is the resident's matter, and what was recorded stays recorded: each defect the
// register had (counted per follow-up, steps replayed or doubled, facts dropped, copies rewritten by a delete,
// a session never held in the count) reproduced through the real mutators and sessions, and held to.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setActor } from "../../../src/doc/device.ts";
import { sessionSource, syncSessionIntoWorkspace } from "../../../src/doc/community/fromSession.ts";
import * as M from "../../../src/doc/community/matters.ts";
import { readMatter, readMatters, workspaceSnapshot } from "../../../src/doc/community/readers.ts";
import { computeReport, reportCommunityOf } from "../../../src/doc/community/report.ts";
import { addFollowUp, updateFollowUp } from "../../../src/doc/session/followUps.ts";
import { addIssue, linkIssue, settleIssue, updateIssue } from "../../../src/doc/session/issues.ts";
import { deleteRecord } from "../../../src/doc/session/records.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import { createUndoManager } from "../../../src/doc/session/sessionDoc.ts";
import { newSessionDoc } from "../../helpers/peers.ts";
import { bureau, meters, newWorkspace } from "../../helpers/workspace.ts";

const TZ = "Asia/Shanghai";
const at = (iso: string) => Date.parse(`${iso}T10:00:00+08:00`);
const carry = (w: Y.Doc, s: Y.Doc, now = at("2024-04-21")) =>
  syncSessionIntoWorkspace(w, sessionSource(s, snapshot(s)), TZ, now);
const copyOf = (doc: Y.Doc, client: number) => {
  const d = new Y.Doc();
  d.clientID = client;
  setActor(d, `tablet${client}`);
  Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
  return d;
};
const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};
const figures = (w: Y.Doc, from: string, to: string, now = at("2024-12-31")) =>
  computeReport({
    communities: [reportCommunityOf(workspaceSnapshot(w))],
    period: { from, to },
    scope: {},
    now,
  }).figures;
/** A held session of 老城路社区 (its talk point tp-laochenglu), with the community named. */
const session = (id = "session-1", startsAt = "2024-04-21T10:00:00+08:00") =>
  newSessionDoc({ id, communityId: "c-laochenglu", startsAt });

describe("the unit is the resident's matter", () => {
  it("an issue settled at the table and an issue with two follow-ups: raised 2, urgent 1, resolved 1", () => {
    const w = newWorkspace();
    const s = session();
    const lamp = addIssue(s, { text: "巷道路灯不亮" }, at("2024-04-21"));
    settleIssue(s, lamp, "社区当场联系物业，今晚修好");
    const meter = addIssue(s, { text: "电表老化", urgent: true }, at("2024-04-21"));
    addFollowUp(s, { action: "物业入户检查线路", issueId: meter, owner: "物业公司" }, at("2024-04-21"));
    addFollowUp(
      s,
      { action: "协调电力局更换电表", issueId: meter, owner: "王炎" },
      at("2024-04-21") + 60_000,
    );
    carry(w, s);
    const f = figures(w, "2024-04-01", "2024-04-30");
    expect([f.raised.value, f.urgent.value, f.resolved.value]).toEqual([2, 1, 1]);
    const m = readMatter(w, meter)!;
    expect(m.actions.map((a) => [a.action, a.owner])).toEqual([
      ["物业入户检查线路", "物业公司"],
      ["协调电力局更换电表", "王炎"],
    ]);
    expect(readMatter(w, lamp)).toMatchObject({
      status: "resolved",
      resolution: { note: "社区当场联系物业，今晚修好", on: "2024-04-21", sessionId: "session-1" },
    });
  });

  it("a matter raised again at the next session and linked to the first counts once, with both sessions", () => {
    const w = newWorkspace();
    const first = session("s-0421");
    const meter = addIssue(first, { text: "鸿雁小区电表老化" }, at("2024-04-21"));
    carry(w, first);
    const next = session("s-0501", "2024-05-01T10:00:00+08:00");
    const again = addIssue(next, { text: "电表还是没换" }, at("2024-05-01"));
    carry(w, next, at("2024-05-01"));
    expect(figures(w, "2024-04-01", "2024-05-31").raised.value).toBe(2);
    linkIssue(next, again, meter);
    carry(w, next, at("2024-05-01"));
    expect(figures(w, "2024-04-01", "2024-05-31").raised.ids).toEqual([meter]);
    expect(readMatter(w, meter)!.sessions).toEqual(["s-0421", "s-0501"]);
    expect(readMatter(w, again)!.withdrawal).toMatchObject({ why: "sameAs", of: meter });
  });

  it("a session created but never held writes no matter, no step, and is no session of the report", () => {
    const w = newWorkspace();
    const s = session();
    carry(w, s);
    expect(readMatters(w)).toEqual([]);
    expect(w.getArray("steps").length).toBe(0);
    expect(figures(w, "2024-04-01", "2024-04-30").sessions.value).toBe(0);
    addIssue(s, { text: "楼道堆放杂物" });
    carry(w, s);
    expect(figures(w, "2024-04-01", "2024-04-30").sessions.value).toBe(1);
  });
});

describe("a step happens once", () => {
  it("a guest's history carried by three tablets at once lands once (reopened counts 1)", () => {
    const s = session();
    const issue = addIssue(s, { text: "电表老化" }, at("2024-04-21"));
    const f = addFollowUp(s, { action: "更换电表", issueId: issue, owner: "王炎" });
    updateFollowUp(s, f, { status: "resolved", note: "已换" }, at("2024-04-22"));
    updateFollowUp(s, f, { status: "open" }, at("2024-04-23"));
    const w = newWorkspace();
    const [a, b, c] = [1, 2, 3].map((n) => copyOf(w, n)) as [Y.Doc, Y.Doc, Y.Doc];
    for (const t of [a, b, c]) carry(t, s);
    exchange(a, b);
    exchange(b, c);
    exchange(a, c);
    const m = readMatter(a, issue)!;
    expect(m).toMatchObject({ reopened: 1, status: "inProgress" });
    expect(readMatter(c, issue)).toEqual(m);
    expect(m.history.filter((h) => h.kind === "resolve")).toHaveLength(1);
  });

  it("a replayed step never puts a reopened matter back to resolved", () => {
    const s = session();
    const issue = addIssue(s, { text: "电表老化" }, at("2024-04-21"));
    const f = addFollowUp(s, { action: "更换电表", issueId: issue, owner: "王炎" });
    updateFollowUp(s, f, { status: "resolved", note: "已换" }, at("2024-04-22"));
    const w = newWorkspace();
    const [a, b] = [copyOf(w, 1), copyOf(w, 2)];
    carry(a, s);
    M.reopenMatter(a, issue, { reason: "3号楼还有表没换" });
    carry(b, s); // the same history, carried again by a tablet that had not seen a's
    exchange(a, b);
    const steps = a.getArray<Record<string, unknown>>("steps");
    steps.push([{ ...steps.toArray().find((e) => e.kind === "resolve")! }]); // and replayed once more
    expect(readMatter(a, issue)).toMatchObject({ status: "inProgress", reopened: 1 });
  });

  it("a second 'created' from another tablet never empties an owner assigned since", () => {
    const w = newWorkspace();
    meters(w);
    M.startMatter(w, "m1", { owner: "王炎", due: "2030-01-01" });
    // An older tablet's own "created" (another id), arriving after the start.
    w.getArray("steps").push([
      { matter: "m1", id: "older", at: 0, by: "x", kind: "created", owner: "", due: "" },
    ]);
    const m = readMatter(w, "m1")!;
    expect(m).toMatchObject({ status: "inProgress", owner: "王炎", due: "2030-01-01" });
    expect(m.history.at(-1)).toMatchObject({ applied: false, refused: "alreadyCreated" });
  });
});

describe("facts are facts", () => {
  it("报到 is recorded even when a resolution was ordered first, and names the escalation it answers", () => {
    const w = newWorkspace();
    meters(w);
    M.escalateMatter(w, "m1", { departmentId: bureau(w), reason: "产权", deadline: "2099-01-01" });
    const [a, b] = [copyOf(w, 1), copyOf(w, 2)];
    M.resolveMatter(a, "m1", { note: "社区自行协调解决" });
    M.acknowledgeMatter(b, "m1", { person: "电力局 赵工", commitment: "月底前", on: "2024-04-25" });
    exchange(a, b);
    const m = readMatter(a, "m1")!;
    expect(m.status).toBe("resolved");
    expect(m.acknowledgement).toMatchObject({ person: "电力局 赵工", on: "2024-04-25" });
    expect(readMatter(b, "m1")).toEqual(m);
  });

  it("a re-escalation is not credited with the first department's 报到", () => {
    const w = newWorkspace();
    meters(w);
    M.escalateMatter(w, "m1", { departmentId: bureau(w), reason: "产权", deadline: "2099-01-01" });
    const [a, b] = [copyOf(w, 1), copyOf(w, 2)];
    M.acknowledgeMatter(a, "m1", { person: "电力局 赵工", commitment: "月底前", on: "2024-04-25" });
    const property = readMatters(b)[0]!;
    expect(property.acknowledgement).toBeNull();
    const other = workspaceSnapshot(b).directory.find((d) => d.name === "物业公司")!.id;
    M.escalateMatter(b, "m1", { departmentId: other, reason: "物业负责", deadline: "2099-01-01" });
    exchange(a, b);
    const m = readMatter(a, "m1")!;
    expect(m.escalation?.department).toBe("物业公司");
    expect(m.acknowledgement).toBeNull();
    expect(m.status).toBe("escalated");
    expect(m.history.find((h) => h.kind === "acknowledge")).toMatchObject({ applied: true });
  });

  it("'not satisfied' entered offline is never overridden by a resolution another tablet made meanwhile", () => {
    for (const order of ["ab", "ba"]) {
      const w = newWorkspace();
      meters(w);
      M.startMatter(w, "m1", { owner: "王炎" });
      M.resolveMatter(w, "m1", { note: "已协调" });
      const [a, b] = [copyOf(w, 1), copyOf(w, 2)];
      M.feedbackMatter(a, "m1", { how: "phone", on: "2024-04-26", satisfied: false, note: "还没换" });
      M.reopenMatter(b, "m1", { reason: "复查" });
      M.resolveMatter(b, "m1", { note: "已全部更换" });
      if (order === "ab") exchange(a, b);
      else exchange(b, a);
      expect(readMatter(a, "m1")!.status).toBe("inProgress");
      expect(readMatter(b, "m1")).toEqual(readMatter(a, "m1"));
    }
  });

  it("a resolution carries the day it happened; a period's figures are as of its end", () => {
    const w = newWorkspace();
    meters(w); // raised 2023-04-28
    M.resolveMatter(w, "m1", { note: "已换", on: "2023-06-10" }, at("2023-06-20"));
    expect(readMatter(w, "m1")!.resolution).toMatchObject({ on: "2023-06-10" });
    expect(figures(w, "2023-04-01", "2023-05-31").resolved.value).toBe(0);
    expect(figures(w, "2023-04-01", "2023-06-30").resolved.value).toBe(1);
    M.reopenMatter(w, "m1", { reason: "又坏了" }, at("2023-08-02"));
    // The reopening in August does not rewrite June.
    expect(figures(w, "2023-04-01", "2023-06-30").resolved.value).toBe(1);
    expect(figures(w, "2023-06-01", "2023-06-30").resolvedInPeriod.value).toBe(1);
    expect(figures(w, "2023-04-01", "2023-08-31").resolved.value).toBe(0);
  });

  it("refuses a fact dated after today", () => {
    const w = newWorkspace();
    meters(w);
    expect(() => M.resolveMatter(w, "m1", { note: "已换", on: "2023-05-02" }, at("2023-05-01"))).toThrow(
      /dateInFuture/,
    );
  });
});

describe("withdrawn, deleted, edited", () => {
  it("withdrawn is a step: out of the count with its reason, back when reinstated", () => {
    const w = newWorkspace();
    meters(w);
    M.withdrawMatter(w, "m1", { why: "duplicate", note: "与3号楼的重复" });
    expect(readMatter(w, "m1")).toMatchObject({ status: "withdrawn", withdrawal: { why: "duplicate" } });
    expect(figures(w, "2023-04-01", "2023-04-30").raised.value).toBe(0);
    M.reinstateMatter(w, "m1");
    expect(readMatter(w, "m1")!.status).toBe("open");
    expect(figures(w, "2023-04-01", "2023-04-30").raised.value).toBe(1);
  });

  it("deleting an issue keeps the register's copy as it was, and counts it no more (until undone)", () => {
    const w = newWorkspace();
    const s = session();
    const undo = createUndoManager(s);
    const issue = addIssue(s, { text: "停车难", categoryId: "parking", urgent: true }, at("2024-04-21"));
    addIssue(s, { text: "另一件" }, at("2024-04-21"));
    carry(w, s);
    undo.stopCapturing();
    deleteRecord(s, "issues", issue);
    carry(w, s);
    expect(readMatter(w, issue)).toMatchObject({
      urgent: true,
      categoryId: "parking",
      status: "withdrawn",
      withdrawal: { why: "removedInSession" },
    });
    expect(figures(w, "2024-04-01", "2024-04-30").raised.value).toBe(1);
    undo.undo();
    carry(w, s);
    expect(readMatter(w, issue)!.status).toBe("open");
    expect(figures(w, "2024-04-01", "2024-04-30").raised.value).toBe(2);
  });

  it("a deleted follow-up stays an action of its matter, marked, and the matter's count is unchanged", () => {
    const w = newWorkspace();
    const s = session();
    const issue = addIssue(s, { text: "电表老化" }, at("2024-04-21"));
    const f = addFollowUp(s, { action: "更换电表", issueId: issue });
    carry(w, s);
    deleteRecord(s, "followUps", f);
    carry(w, s);
    expect(readMatter(w, issue)!.actions.map((a) => a.state)).toEqual(["removed"]);
    expect(figures(w, "2024-04-01", "2024-04-30").raised.value).toBe(1);
  });

  it("a tablet holding an older copy of the session writes nothing back over a newer one", () => {
    const w = newWorkspace();
    const s = session();
    const issue = addIssue(s, { text: "电表老化" });
    const stale = copyOf(s, 50);
    carry(w, s);
    updateIssue(s, issue, { text: "电表老化，3号楼最急", urgent: true });
    carry(w, s);
    carry(w, stale);
    expect(readMatter(w, issue)).toMatchObject({ text: "电表老化，3号楼最急", urgent: true });
  });

  it("copy fields merge per field; an anonymous matter keeps no name in what is stored", () => {
    const w = newWorkspace();
    meters(w);
    const [a, b] = [copyOf(w, 1), copyOf(w, 2)];
    M.updateMatterCopy(a, "m1", { anonymous: true });
    M.updateMatterCopy(b, "m1", { location: "3号楼" });
    exchange(a, b);
    expect(readMatter(a, "m1")).toMatchObject({ anonymous: true, raisedBy: "", location: "3号楼" });
    const stored = JSON.stringify([...a.getMap("matters").values(), ...a.getMap("fields").values()]);
    expect(stored).not.toContain("张阿姨");
  });
});

describe("edits that do not undo other people's", () => {
  it("an assign sends only what it changes: a due date moved on another tablet is kept", () => {
    const w = newWorkspace();
    meters(w);
    M.startMatter(w, "m1", { owner: "王炎", due: "2030-01-01" });
    const [a, b] = [copyOf(w, 1), copyOf(w, 2)];
    M.assignMatter(a, "m1", { due: "2030-02-01" });
    M.assignMatter(b, "m1", { owner: "李四" });
    exchange(a, b);
    expect(readMatter(a, "m1")).toMatchObject({ owner: "李四", due: "2030-02-01" });
  });

  it("refuses to leave a matter being handled without an owner", () => {
    const w = newWorkspace();
    meters(w);
    M.startMatter(w, "m1", { owner: "王炎" });
    expect(() => M.assignMatter(w, "m1", { owner: " " })).toThrow(/ownerRequired/);
    expect(readMatter(w, "m1")!.owner).toBe("王炎");
  });

  it("a guest's resolution with no note is shown as not applied, not as resolved", () => {
    const s = session();
    const issue = addIssue(s, { text: "电表老化" });
    const f = addFollowUp(s, { action: "更换电表", issueId: issue });
    // What a guest tablet of this version cannot send any more, but an older one could.
    s.getMap<Y.Map<Y.Array<unknown>>>("followUps")
      .get(f)!
      .get("history")!
      .push([{ at: at("2024-04-22"), by: "guest", field: "status", from: "open", to: "resolved" }]);
    const w = newWorkspace();
    carry(w, s);
    const m = readMatter(w, issue)!;
    expect(m.status).toBe("open");
    expect(m.history.find((h) => h.kind === "resolve")).toMatchObject({
      applied: false,
      refused: "needsNote",
    });
  });
});
