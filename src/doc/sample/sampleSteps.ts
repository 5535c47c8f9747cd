// What the sample's grid worker did in the register after each sitting: the steps of its matters, taken with
// the register's own mutators (so the sample obeys every rule a person's steps do), each on its day after the
// sitting and never later than now, signed by the sample's grid tablet.
import type * as Y from "yjs";
import { addDays, civilDate, DEFAULT_TIME_ZONE } from "../civilTime.ts";
import { actorOf, setActor } from "../device.ts";
import { ensureDepartment } from "../community/directory.ts";
import {
  acknowledgeMatter,
  escalateMatter,
  feedbackMatter,
  resolveMatter,
  startMatter,
} from "../community/matters.ts";
import type { FeedbackHow } from "../community/schema.ts";
import { sampleInstant } from "./sampleCalendar.ts";
import { SAMPLE_DEVICES } from "./seedSession.ts";

/** A step, `after` days after the sitting. */
export type SampleStep = { after: number } & (
  | { kind: "start"; owner: string }
  | { kind: "escalate"; department: string; reason: string; deadlineAfter: number }
  | { kind: "acknowledge"; person: string; commitment: string }
  | { kind: "resolve"; note: string }
  | { kind: "feedback"; how: FeedbackHow; satisfied: boolean; note: string }
);

/** The steps of each matter, with the day of the sitting it was raised at. */
export type SamplePlan = { matter: string; day: string; steps: SampleStep[] }[];

/** Takes every step of `plan` in the workspace `ws`, in order. */
export function applySamplePlan(ws: Y.Doc, plan: SamplePlan, now: number): void {
  const tz = DEFAULT_TIME_ZONE;
  const signedBefore = actorOf(ws);
  setActor(ws, SAMPLE_DEVICES.grid);
  try {
    for (const { matter, day, steps } of plan) {
      steps.forEach((s, i) => {
        // Afternoons, a minute apart, so the history reads in the order the steps were taken.
        const at = sampleInstant(day, s.after, "15:00", tz, now - (steps.length - i) * 60_000);
        const on = civilDate(at, tz);
        take(ws, matter, s, at, on, addDays(day, s.kind === "escalate" ? s.deadlineAfter : 0));
      });
    }
  } finally {
    setActor(ws, signedBefore);
  }
}

function take(ws: Y.Doc, id: string, s: SampleStep, at: number, on: string, deadline: string): void {
  switch (s.kind) {
    case "start":
      return startMatter(ws, id, { owner: s.owner }, at);
    case "escalate":
      return escalateMatter(
        ws,
        id,
        { departmentId: ensureDepartment(ws, s.department), reason: s.reason, deadline },
        at,
      );
    case "acknowledge":
      return acknowledgeMatter(ws, id, { person: s.person, commitment: s.commitment, on }, at);
    case "resolve":
      return resolveMatter(ws, id, { note: s.note, on }, at);
    case "feedback":
      return feedbackMatter(ws, id, { how: s.how, on, satisfied: s.satisfied, note: s.note }, at);
  }
}
