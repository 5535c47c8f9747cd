// Concurrent transitions from several tablets merge to a state the rules allow, with every step in the
// history: exhaustively over every delivery order for three tablets, and randomly for five.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { DocError } from "../../../src/doc/docError.ts";
import { setActor } from "../../../src/doc/device.ts";
import { canTake } from "../../../src/doc/community/lifecycle.ts";
import {
  acknowledgeMatter,
  assignMatter,
  escalateMatter,
  feedbackMatter,
  reopenMatter,
  resolveMatter,
  startMatter,
} from "../../../src/doc/community/matters.ts";
import { readMatters } from "../../../src/doc/community/readers.ts";
import { MATTER_STATUSES, type Matter } from "../../../src/doc/community/schema.ts";
import { createChaosNet } from "../../helpers/chaosNet.ts";
import { seedRandomness } from "../../helpers/peers.ts";
import { bureau, meters, newWorkspace } from "../../helpers/workspace.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

type Step = (doc: Y.Doc) => void;
const STEPS: Record<string, Step> = {
  start: (d) => startMatter(d, "m1", { owner: "王炎" }),
  escalate: (d) =>
    escalateMatter(d, "m1", { departmentId: bureau(d), reason: "需电力局", deadline: "2099-01-01" }),
  acknowledge: (d) =>
    acknowledgeMatter(d, "m1", { person: "赵工", commitment: "月底前更换", on: "2024-01-10" }),
  resolve: (d) => resolveMatter(d, "m1", { note: "已更换" }),
  feedbackYes: (d) => feedbackMatter(d, "m1", { how: "phone", on: "2024-01-20", satisfied: true }),
  feedbackNo: (d) => feedbackMatter(d, "m1", { how: "phone", on: "2024-01-20", satisfied: false }),
  reopen: (d) => reopenMatter(d, "m1", { reason: "还有问题" }),
  assign: (d) => assignMatter(d, "m1", { due: "2024-02-01" }),
};

/** The rules a matter's state keeps, whatever merged into it. */
function expectAllowed(m: Matter): void {
  expect(MATTER_STATUSES).toContain(m.status);
  if (m.status === "escalated") expect([m.escalation !== null, m.acknowledgement]).toEqual([true, null]);
  if (m.status === "acknowledged") expect(m.escalation !== null && m.acknowledgement !== null).toBe(true);
  if (m.status === "resolved") expect(m.resolution).not.toBeNull();
  if (m.status === "closed") expect(m.feedback?.satisfied).toBe(true);
  // Every step is in the history once.
  expect(new Set(m.history.map((h) => h.id)).size).toBe(m.history.length);
}

/** Three tablets holding the same workspace, each a step along `setup`. */
function threeTablets(setup: string[]): Y.Doc[] {
  const base = newWorkspace();
  meters(base);
  for (const name of setup) STEPS[name]!(base);
  return [1, 2, 3].map((client) => {
    const doc = new Y.Doc();
    doc.clientID = client;
    setActor(doc, `tablet${client}`);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    return doc;
  });
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

const SCENARIOS: { setup: string[]; steps: [string, string, string] }[] = [
  { setup: [], steps: ["resolve", "escalate", "start"] },
  { setup: ["escalate"], steps: ["acknowledge", "resolve", "escalate"] },
  { setup: ["resolve"], steps: ["feedbackYes", "feedbackNo", "reopen"] },
  { setup: ["start", "resolve"], steps: ["reopen", "feedbackYes", "assign"] },
];

describe("three tablets, one step each, every delivery order", () => {
  it.each(SCENARIOS)(
    "after $setup: $steps",
    ({ setup, steps }) => {
      const tablets = threeTablets(setup);
      const updates = tablets.map((doc, i) => {
        const before = Y.encodeStateVector(doc);
        STEPS[steps[i]!]!(doc);
        return Y.encodeStateAsUpdate(doc, before);
      });
      // Six messages: each tablet's step to each other tablet; 720 orders.
      const messages = [0, 1, 2].flatMap((from) =>
        [0, 1, 2].filter((to) => to !== from).map((to) => ({ from, to })),
      );
      let orders = 0;
      for (const order of permutations(messages)) {
        const docs = tablets.map((t) => {
          const d = new Y.Doc();
          Y.applyUpdate(d, Y.encodeStateAsUpdate(t));
          return d;
        });
        // Each copy starts as its tablet after its own step.
        for (const { from, to } of order) {
          Y.applyUpdate(docs[to]!, updates[from]!);
          expectAllowed(readMatters(docs[to]!)[0]!);
        }
        const final = docs.map((d) => readMatters(d)[0]!);
        expect(final[1]).toEqual(final[0]);
        expect(final[2]).toEqual(final[0]);
        expect(
          final[0]!.history
            .slice(-3)
            .map((h) => h.kind)
            .sort(),
        ).toEqual(steps.map((name) => name.replace(/^feedback.*/, "feedback")).sort());
        orders++;
      }
      expect(orders).toBe(720);
    },
    120_000,
  );
});

describe("five tablets, random steps, partitions, drops and duplicates", () => {
  it("always end in an allowed state with every step in the history", () => {
    const names = Object.keys(STEPS);
    const action = fc.oneof(
      fc.record({ kind: fc.constant("step" as const), tablet: fc.nat(4), step: fc.constantFrom(...names) }),
      fc.record({
        kind: fc.constant("deliver" as const),
        pick: fc.nat(),
        duplicate: fc.boolean(),
        drop: fc.boolean(),
      }),
      fc.record({ kind: fc.constant("partition" as const), mask: fc.nat(31) }),
    );
    fc.assert(
      fc.property(fc.array(action, { minLength: 20, maxLength: 80 }), fc.nat(), (actions, seed) => {
        seedRandomness(seed);
        const base = newWorkspace();
        meters(base);
        const docs = [1, 2, 3, 4, 5].map((client) => {
          const d = new Y.Doc();
          d.clientID = client;
          Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
          return d;
        });
        const net = createChaosNet(docs, (i) => expectAllowed(readMatters(docs[i]!)[0]!));
        // The matter and its action were made.
        let made = 2;
        for (const a of actions) {
          if (a.kind === "step") {
            const doc = docs[a.tablet]!;
            const before = readMatters(doc)[0]!;
            try {
              STEPS[a.step]!(doc);
              made++;
            } catch (error) {
              if (!(error instanceof DocError)) throw error;
              // Refused exactly when this tablet's state does not allow the step.
              expect(error.code).toBe("transition");
              expect(canTake(before, a.step.replace(/^feedback.*/, "feedback") as never)).toBe(false);
            }
            expectAllowed(readMatters(doc)[0]!);
          } else if (a.kind === "deliver") net.step(a.pick, a);
          else net.partition(a.mask);
        }
        net.settle();
        const final = docs.map((d) => readMatters(d)[0]!);
        for (const m of final) expect(m).toEqual(final[0]);
        expect(final[0]!.history).toHaveLength(made);
        vi.restoreAllMocks();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe("two tablets making the same matter at once", () => {
  it("keep every step either took on it (nothing nested is lost to the other's copy)", () => {
    const [a, b] = [1, 2].map((client) => {
      const d = newWorkspace();
      d.clientID = client;
      return d;
    }) as [Y.Doc, Y.Doc];
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    meters(a);
    meters(b);
    resolveMatter(a, "m1", { note: "电表已更换" });
    assignMatter(b, "m1", { owner: "王炎" });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const [ma, mb] = [readMatters(a), readMatters(b)];
    expect(ma).toEqual(mb);
    expect(ma).toHaveLength(1);
    expect(ma[0]!.history.map((h) => h.kind).sort()).toEqual(["assign", "created", "created", "resolve"]);
    expect(ma[0]).toMatchObject({ status: "resolved", owner: "王炎" });
  });
});
