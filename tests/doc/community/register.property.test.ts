// The register under five tablets doing anything at once: issues raised, deleted, made anonymous, linked and
// settled in a shared session; follow-ups added and deleted; every register step, replays of steps, sessions
// carried into the register by any tablet; both documents over networks that partition, drop, duplicate and
// reorder. After every merge each matter's status is what an independent fold of the documented rules gives
// over its history; in the end the replicas agree, every step a tablet saw applied is there exactly once,
// no matter is listed twice, no anonymous matter keeps a name anywhere, and the report is the same everywhere.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { DocError } from "../../../src/doc/docError.ts";
import { setActor } from "../../../src/doc/device.ts";
import { sessionSource, syncSessionIntoWorkspace } from "../../../src/doc/community/fromSession.ts";
import { canTake } from "../../../src/doc/community/lifecycle.ts";
import { namedAnonymousMatters, repairWorkspace } from "../../../src/doc/community/repair.ts";
import * as M from "../../../src/doc/community/matters.ts";
import { readMatters, workspaceSnapshot } from "../../../src/doc/community/readers.ts";
import { computeReport, reportCommunityOf } from "../../../src/doc/community/report.ts";
import type { Matter, MatterEventKind, MatterStatus } from "../../../src/doc/community/schema.ts";
import { addFollowUp } from "../../../src/doc/session/followUps.ts";
import { addIssue, linkIssue, settleIssue, updateIssue } from "../../../src/doc/session/issues.ts";
import { deleteRecord } from "../../../src/doc/session/records.ts";
import { initSessionDoc } from "../../../src/doc/session/sessionDoc.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import { createChaosNet } from "../../helpers/chaosNet.ts";
import { seedRandomness } from "../../helpers/peers.ts";
import { bureau, newWorkspace } from "../../helpers/workspace.ts";

afterEach(() => vi.restoreAllMocks());

const NAMES = ["张三", "李四"];
const HANDLING: readonly MatterStatus[] = ["open", "inProgress", "escalated", "acknowledged"];

/**
 * The documented rules (CONTRIBUTING.md, "The lifecycle, step by step"), written again from the rule list
 * and not from the app's fold: the status a matter's deduplicated history in log order gives.
 */
function referenceStatus(m: Matter): MatterStatus {
  if (m.withdrawal?.why === "removedInSession" || m.withdrawal?.why === "sameAs") return "withdrawn";
  let status: MatterStatus = "open";
  let before: MatterStatus = "open";
  let founded = false;
  let lead = "";
  const actionOwner = new Map<string, string>();
  const actionFounded = new Set<string>();
  const done = new Set<string>();
  const kept = m.actions.filter((a) => a.state !== "removed").map((a) => a.id);
  const owner = () => lead || kept.map((id) => actionOwner.get(id) ?? "").find((o) => o !== "") || "";
  let escalation: string | null = null;
  const escalations = new Set<string>();
  const acked = new Set<string>();
  let resolution: string | null = null;
  const resolutions = new Set<string>();
  const notSatisfied: string[] = [];
  const reopen = () => {
    resolution = null;
    status = owner() ? "inProgress" : "open";
  };
  for (const h of m.history) {
    const rules = (h.v ?? 0) >= 2;
    const isAction = h.actionId !== undefined && m.actions.some((a) => a.id === h.actionId);
    if (h.kind === "created") {
      if (isAction && !actionFounded.has(h.actionId!)) {
        actionFounded.add(h.actionId!);
        if (h.owner !== undefined) actionOwner.set(h.actionId!, h.owner);
      } else if (!h.actionId && !founded) {
        founded = true;
        if (h.owner !== undefined) lead = h.owner;
      }
    } else if (h.kind === "assign") {
      const was = { lead, action: h.actionId ? actionOwner.get(h.actionId) : undefined };
      if (h.owner !== undefined) {
        if (isAction) actionOwner.set(h.actionId!, h.owner);
        else if (!h.actionId) lead = h.owner;
      }
      if (rules && ["inProgress", "escalated", "acknowledged"].includes(status) && !owner()) {
        lead = was.lead;
        if (isAction) actionOwner.set(h.actionId!, was.action ?? "");
      }
    } else if (h.kind === "start") {
      if (status === "open" && (!rules || (h.owner ?? "").trim() !== "")) {
        lead = h.owner ?? lead;
        status = "inProgress";
      }
    } else if (h.kind === "escalate") {
      if (HANDLING.includes(status) && (!rules || (h.deadline ?? "") !== "")) {
        escalation = h.id;
        escalations.add(h.id);
        status = "escalated";
      }
    } else if (h.kind === "acknowledge") {
      const target: string | null = h.escalationId ?? escalation;
      if (target && escalations.has(target) && !acked.has(target) && (rules || status === "escalated")) {
        acked.add(target);
        if (target === escalation && status === "escalated") status = "acknowledged";
      }
    } else if (h.kind === "resolve") {
      const heardAll = !h.heard || notSatisfied.every((id) => h.heard!.includes(id));
      if ((!rules || (h.note ?? "").trim() !== "") && heardAll) {
        if (isAction) {
          if (!done.has(h.actionId!)) {
            done.add(h.actionId!);
            if (kept.every((id) => done.has(id)) && HANDLING.includes(status)) {
              resolution = h.id;
              resolutions.add(h.id);
              status = "resolved";
            }
          }
        } else if (!h.actionId && HANDLING.includes(status)) {
          resolution = h.id;
          resolutions.add(h.id);
          status = "resolved";
        }
      }
    } else if (h.kind === "feedback") {
      const target: string | null = h.resolutionId ?? resolution;
      if (target && resolutions.has(target) && (rules || status === "resolved")) {
        if (!h.satisfied) {
          notSatisfied.push(h.id);
          if (status === "resolved" || status === "closed") reopen();
        } else if (status === "resolved" && resolution === target) status = "closed";
      }
    } else if (h.kind === "reopen") {
      if (status === "resolved" || status === "closed") reopen();
    } else if (h.kind === "withdraw") {
      if (status !== "withdrawn" && (!rules || h.why)) {
        before = status;
        status = "withdrawn";
      }
    } else if (h.kind === "reinstate") {
      if (status === "withdrawn") status = before;
    } else if (h.kind === "actionDone") {
      if (isAction) done.add(h.actionId!);
    }
  }
  return status;
}

type RegisterStep = (doc: Y.Doc, m: Matter) => void;
const STEPS: Record<string, [MatterEventKind, RegisterStep]> = {
  start: ["start", (d, m) => M.startMatter(d, m.id, { owner: "王炎" })],
  unassign: ["assign", (d, m) => M.assignMatter(d, m.id, { owner: "" })],
  due: ["assign", (d, m) => M.assignMatter(d, m.id, { due: "2030-01-01" })],
  escalate: [
    "escalate",
    (d, m) =>
      M.escalateMatter(d, m.id, { departmentId: bureau(d), reason: "需电力局", deadline: "2099-01-01" }),
  ],
  acknowledge: [
    "acknowledge",
    (d, m) => M.acknowledgeMatter(d, m.id, { person: "赵工", commitment: "月底前", on: "2024-01-22" }),
  ],
  resolve: ["resolve", (d, m) => M.resolveMatter(d, m.id, { note: "已解决", on: "2024-01-23" })],
  satisfied: [
    "feedback",
    (d, m) => M.feedbackMatter(d, m.id, { how: "phone", on: "2024-01-24", satisfied: true }),
  ],
  notSatisfied: [
    "feedback",
    (d, m) => M.feedbackMatter(d, m.id, { how: "phone", on: "2024-01-24", satisfied: false }),
  ],
  reopen: ["reopen", (d, m) => M.reopenMatter(d, m.id, { reason: "还有问题" })],
  withdraw: ["withdraw", (d, m) => M.withdrawMatter(d, m.id, { why: "error" })],
  reinstate: ["reinstate", (d, m) => M.reinstateMatter(d, m.id)],
};

const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("issue"), t: fc.nat(4), anonymous: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteIssue"), t: fc.nat(4), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("anonymous"), t: fc.nat(4), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("rename"), t: fc.nat(4), pick: fc.nat(), name: fc.nat(1) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("followUp"), t: fc.nat(4), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteFollowUp"), t: fc.nat(4), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("settle"), t: fc.nat(4), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("link"), t: fc.nat(4), pick: fc.nat(), target: fc.nat() }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("carry"), t: fc.nat(4) }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("step"),
      t: fc.nat(4),
      pick: fc.nat(),
      step: fc.constantFrom(...Object.keys(STEPS)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("replay"), t: fc.nat(4), pick: fc.nat() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("deliverW"),
      pick: fc.nat(),
      duplicate: fc.boolean(),
      drop: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("deliverS"),
      pick: fc.nat(),
      duplicate: fc.boolean(),
      drop: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("partitionW"), mask: fc.nat(31) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("partitionS"), mask: fc.nat(31) }) },
);

function tablets(): { ws: Y.Doc[]; ss: Y.Doc[] } {
  const w0 = newWorkspace();
  const s0 = initSessionDoc(new Y.Doc(), {
    id: "s-0121",
    communityId: "c-laochenglu",
    timeZone: "Asia/Shanghai",
    talkPoint: { id: "tp-1", name: "有一说一", community: "老城路社区", location: "幸福路" },
    title: "1月21日议事",
    startsAt: "2024-01-21T10:00:00+08:00",
    facilitator: "王炎",
  });
  // Every tablet starts from a held session with two issues in the register, one with a follow-up.
  const meters = addIssue(s0, { text: "电表老化", raisedBy: "张三", urgent: true }, Date.UTC(2024, 0, 21, 2));
  addIssue(s0, { text: "路灯不亮", anonymous: true }, Date.UTC(2024, 0, 21, 2, 10));
  addFollowUp(s0, { action: "协调电力局", issueId: meters, owner: "王炎" });
  carry(w0, s0);
  const copy = (base: Y.Doc, client: number) => {
    const d = new Y.Doc();
    d.clientID = client;
    setActor(d, `tablet${client}`);
    Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
    return d;
  };
  return { ws: [1, 2, 3, 4, 5].map((c) => copy(w0, c)), ss: [1, 2, 3, 4, 5].map((c) => copy(s0, c + 10)) };
}

const carry = (w: Y.Doc, s: Y.Doc) =>
  syncSessionIntoWorkspace(w, sessionSource(s, snapshot(s)), "Asia/Shanghai", Date.UTC(2024, 0, 21, 3));

/** What every replica must show after any merge. */
function expectConsistent(w: Y.Doc): void {
  const matters = readMatters(w);
  expect(new Set(matters.map((m) => m.id)).size).toBe(matters.length);
  for (const m of matters) {
    expect(new Set(m.history.map((h) => h.id)).size).toBe(m.history.length);
    expect({ id: m.id, status: m.status }).toEqual({ id: m.id, status: referenceStatus(m) });
    if (m.anonymous) expect(m.raisedBy).toBe("");
    if (m.status === "resolved") expect(m.resolution).not.toBeNull();
    if (m.status === "acknowledged") expect(m.acknowledgement).not.toBeNull();
  }
}

/** Swallows the refusals a tablet's UI would show; anything else fails the test. */
function refused(fn: () => void): boolean {
  try {
    fn();
    return false;
  } catch (error) {
    if (!(error instanceof DocError)) throw error;
    return true;
  }
}

describe("five tablets working the register at once", () => {
  it("keep every rule, every applied step once, no name of an anonymous raiser, and one report", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 40, maxLength: 140 }), fc.nat(), (ops, seed) => {
        seedRandomness(seed);
        const { ws, ss } = tablets();
        const wnet = createChaosNet(ws, (i) => {
          repairWorkspace(ws[i]!);
          expectConsistent(ws[i]!);
        });
        const snet = createChaosNet(ss);
        const appliedSomewhere = new Set<string>();
        const issues = (s: Y.Doc) => snapshot(s).issues;
        for (const o of ops) {
          const w = "t" in o ? ws[o.t]! : ws[0]!;
          const s = "t" in o ? ss[o.t]! : ss[0]!;
          const pickIssue = (n: number) => issues(s)[n % Math.max(1, issues(s).length)];
          if (o.kind === "issue")
            addIssue(s, { text: `问题${o.t}`, raisedBy: o.anonymous ? "" : "张三", anonymous: o.anonymous });
          else if (o.kind === "deleteIssue") {
            const i = pickIssue(o.pick);
            if (i) refused(() => deleteRecord(s, "issues", i.id));
          } else if (o.kind === "anonymous") {
            const i = pickIssue(o.pick);
            if (i) refused(() => updateIssue(s, i.id, { anonymous: true }));
          } else if (o.kind === "rename") {
            const i = pickIssue(o.pick);
            if (i) refused(() => updateIssue(s, i.id, { raisedBy: NAMES[o.name]! }));
          } else if (o.kind === "followUp") {
            const i = pickIssue(o.pick);
            refused(() =>
              addFollowUp(s, { action: "跟进", issueId: i?.id ?? null, owner: o.pick % 2 ? "物业" : "" }),
            );
          } else if (o.kind === "deleteFollowUp") {
            const f = snapshot(s).followUps[o.pick % Math.max(1, snapshot(s).followUps.length)];
            if (f) refused(() => deleteRecord(s, "followUps", f.id));
          } else if (o.kind === "settle") {
            const i = pickIssue(o.pick);
            if (i) refused(() => settleIssue(s, i.id, "当场商定"));
          } else if (o.kind === "link") {
            const [i, target] = [pickIssue(o.pick), pickIssue(o.target)];
            if (i && target) refused(() => linkIssue(s, i.id, target.id));
          } else if (o.kind === "carry") carry(w, s);
          else if (o.kind === "step") {
            const list = readMatters(w);
            const m = list[o.pick % Math.max(1, list.length)];
            if (!m) continue;
            // Mostly a step the tablet's screen offers for this matter; sometimes any step (refused then).
            const offered = Object.keys(STEPS).filter((k) => canTake(m, STEPS[k]![0]));
            const name =
              o.pick % 4 === 0 || offered.length === 0 ? o.step : offered[o.pick % offered.length]!;
            const [kind, take] = STEPS[name]!;
            const before = new Set(
              w
                .getArray<{ id: string }>("steps")
                .toArray()
                .map((e) => e.id),
            );
            if (refused(() => take(w, m))) {
              expect(canTake(m, kind) && name !== "unassign" ? "allowed but refused" : "ok").toBe("ok");
            } else {
              const made = w
                .getArray<{ id: string }>("steps")
                .toArray()
                .find((e) => !before.has(e.id))!;
              const after = readMatters(w).find((x) => x.id === m.id)!;
              if (after.history.find((h) => h.id === made.id)?.applied) appliedSomewhere.add(made.id);
            }
            expectConsistent(w);
          } else if (o.kind === "replay") {
            const log = w.getArray<Record<string, unknown>>("steps");
            if (log.length > 0) log.push([{ ...log.get(o.pick % log.length) }]);
            expectConsistent(w);
          } else if (o.kind === "deliverW") wnet.step(o.pick, o);
          else if (o.kind === "deliverS") snet.step(o.pick, o);
          else if (o.kind === "partitionW") wnet.partition(o.mask);
          else snet.partition(o.mask);
        }
        snet.settle();
        wnet.settle();
        ws.forEach((w, i) => carry(w, ss[i]!));
        wnet.settle();

        const final = ws.map((w) => readMatters(w));
        for (const list of final) expect(list).toEqual(final[0]);
        const ids = final[0]!.flatMap((m) => m.history.map((h) => h.id));
        for (const id of appliedSomewhere) expect(ids.filter((x) => x === id)).toHaveLength(1);
        for (const w of ws) {
          expect(namedAnonymousMatters(w)).toEqual([]);
          const anonymous = new Set(final[0]!.filter((m) => m.anonymous).map((m) => m.id));
          for (const value of w.getMap("matters").values()) {
            const v = value as { id?: string; raisedBy?: string };
            if (v.id && anonymous.has(v.id)) expect(v.raisedBy ?? "").toBe("");
          }
          for (const [key, value] of w.getMap("fields").entries()) {
            const [, id, field] = key.split("\u001f");
            if (field === "raisedBy" && anonymous.has(id!)) expect(value).toBe("");
          }
        }
        const reports = ws.map((w) =>
          computeReport({
            communities: [reportCommunityOf(workspaceSnapshot(w))],
            period: { from: "2024-01-01", to: "2024-12-31" },
            scope: {},
            now: Date.UTC(2024, 5, 1),
          }),
        );
        for (const r of reports) expect(r).toEqual(reports[0]);
        vi.restoreAllMocks();
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
