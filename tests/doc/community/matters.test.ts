// The register's lifecycle through the real mutators: every allowed and refused step, required notes and
// dates, reopening; refused input changes nothing.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addDirectoryEntry } from "../../../src/doc/community/directory.ts";
import {
  acknowledgeMatter,
  assignMatter,
  escalateMatter,
  feedbackMatter,
  reopenMatter,
  resolveMatter,
  startMatter,
  updateMatterCopy,
} from "../../../src/doc/community/matters.ts";
import { readMatters } from "../../../src/doc/community/readers.ts";
import { expectDocError } from "../../helpers/peers.ts";
import { bureau, meters, newWorkspace } from "../../helpers/workspace.ts";

const RAISED = Date.UTC(2023, 3, 28, 2, 0);
const DAY = 86_400_000;
const matter = (doc: Y.Doc) => readMatters(doc)[0]!;

describe("a matter's life", () => {
  it("goes open → in progress → escalated → acknowledged → resolved → fed back, each step recorded", () => {
    const doc = newWorkspace();
    meters(doc);
    expect(matter(doc)).toMatchObject({
      status: "open",
      urgent: true,
      raisedBy: "张阿姨",
      sessions: ["s-0428"],
    });
    startMatter(doc, "m1", { owner: "王炎", due: "2023-06-30" }, RAISED + DAY);
    expect(matter(doc)).toMatchObject({ status: "inProgress", owner: "王炎", due: "2023-06-30" });
    escalateMatter(
      doc,
      "m1",
      { departmentId: bureau(doc), reason: "电表需整体更换", deadline: "2023-05-15" },
      RAISED + 2 * DAY,
    );
    expect(matter(doc).escalation).toMatchObject({ department: "电力局", deadline: "2023-05-15" });
    acknowledgeMatter(
      doc,
      "m1",
      { person: "电力局 赵工", commitment: "6月底前全部更换", on: "2023-05-10" },
      RAISED + 12 * DAY,
    );
    expect(matter(doc)).toMatchObject({
      status: "acknowledged",
      acknowledgement: { person: "电力局 赵工", on: "2023-05-10" },
    });
    resolveMatter(doc, "m1", { note: "电表已全部更换" }, RAISED + 60 * DAY);
    feedbackMatter(doc, "m1", { how: "session", on: "2023-07-01", satisfied: true }, RAISED + 64 * DAY);
    const m = matter(doc);
    expect(m.status).toBe("closed");
    expect(m.history.map((h) => [h.kind, h.by, h.applied])).toEqual([
      ["created", "网格员 李", true],
      ["created", "网格员 李", true],
      ["start", "网格员 李", true],
      ["escalate", "网格员 李", true],
      ["acknowledge", "网格员 李", true],
      ["resolve", "网格员 李", true],
      ["feedback", "网格员 李", true],
    ]);
  });

  it("not satisfied reopens it; resolved again and satisfied closes it", () => {
    const doc = newWorkspace();
    meters(doc);
    resolveMatter(doc, "m1", { note: "已协调" }, RAISED + DAY);
    feedbackMatter(
      doc,
      "m1",
      { how: "phone", on: "2023-04-30", satisfied: false, note: "电表还没换" },
      RAISED + 2 * DAY,
    );
    expect(matter(doc)).toMatchObject({ status: "open", reopened: 1, resolution: null });
    resolveMatter(doc, "m1", { note: "电表已全部更换" }, RAISED + 3 * DAY);
    feedbackMatter(doc, "m1", { how: "inPerson", on: "2023-05-02", satisfied: true }, RAISED + 4 * DAY);
    expect(matter(doc)).toMatchObject({ status: "closed", reopened: 1, feedback: { satisfied: true } });
  });

  it("reopens a resolved or closed matter with a reason, back to its owner", () => {
    const doc = newWorkspace();
    meters(doc);
    startMatter(doc, "m1", { owner: "王炎" });
    resolveMatter(doc, "m1", { note: "已更换" });
    reopenMatter(doc, "m1", { reason: "3号楼还有两块表没换" });
    expect(matter(doc)).toMatchObject({ status: "inProgress", owner: "王炎", reopened: 1 });
  });

  it("owner and due date can change at any time, and each change is a step", () => {
    const doc = newWorkspace();
    meters(doc);
    resolveMatter(doc, "m1", { note: "已更换" });
    assignMatter(doc, "m1", { owner: "物业公司", ownerKind: "unit", due: "2023-08-01" });
    expect(matter(doc)).toMatchObject({ status: "resolved", owner: "物业公司", ownerKind: "unit" });
    expect(matter(doc).history.at(-1)).toMatchObject({ kind: "assign", applied: true });
  });

  it("never keeps the name of an anonymous raiser, also when the session's copy changes", () => {
    const doc = newWorkspace();
    meters(doc);
    updateMatterCopy(doc, "m1", { anonymous: true, raisedBy: "张阿姨" });
    expect(matter(doc)).toMatchObject({ anonymous: true, raisedBy: "" });
    expect((doc.getMap("matters").get("m1") as { raisedBy: string }).raisedBy).toBe("");
    expect([...doc.getMap("fields").values()]).not.toContain("张阿姨");
  });
});

describe("refused steps change nothing and say why", () => {
  it("refuses steps the status does not allow", () => {
    const doc = newWorkspace();
    meters(doc);
    expectDocError(
      () => acknowledgeMatter(doc, "m1", { person: "x", commitment: "y", on: "2023-05-01" }),
      "transition",
      {
        params: { from: "open", step: "acknowledge" },
        doc,
      },
    );
    expectDocError(
      () => feedbackMatter(doc, "m1", { how: "phone", on: "2023-05-01", satisfied: true }),
      "transition",
      { doc },
    );
    expectDocError(() => reopenMatter(doc, "m1", { reason: "x" }), "transition", { doc });
    resolveMatter(doc, "m1", { note: "已更换" });
    expectDocError(() => resolveMatter(doc, "m1", { note: "again" }), "transition", { doc });
    expectDocError(() => startMatter(doc, "m1", { owner: "王炎" }), "transition", { doc });
    expectDocError(
      () => escalateMatter(doc, "m1", { departmentId: bureau(doc), reason: "r", deadline: "2099-01-01" }),
      "transition",
      { doc },
    );
  });

  it("refuses a transition without its required note, person, reason or owner", () => {
    const doc = newWorkspace();
    meters(doc);
    expectDocError(() => resolveMatter(doc, "m1", { note: "  " }), "required", {
      params: { field: "resolution" },
      doc,
    });
    expectDocError(() => startMatter(doc, "m1", { owner: "" }), "required", { doc });
    expectDocError(
      () => escalateMatter(doc, "m1", { departmentId: bureau(doc), reason: "", deadline: "2099-01-01" }),
      "required",
      { doc },
    );
    resolveMatter(doc, "m1", { note: "ok" });
    expectDocError(() => reopenMatter(doc, "m1", { reason: "" }), "required", { doc });
  });

  it("refuses a deadline before the escalation (in the community's time zone) and a date that is no date", () => {
    const doc = newWorkspace();
    meters(doc);
    // 2023-05-01 00:30 in Shanghai is still 30 April in UTC: the 30th is already past there.
    const now = Date.UTC(2023, 3, 30, 16, 30);
    expectDocError(
      () =>
        escalateMatter(doc, "m1", { departmentId: bureau(doc), reason: "r", deadline: "2023-04-30" }, now),
      "deadlineBeforeEscalation",
      { params: { deadline: "2023-04-30", today: "2023-05-01" }, doc },
    );
    expectDocError(
      () =>
        escalateMatter(doc, "m1", { departmentId: bureau(doc), reason: "r", deadline: "2023-02-30" }, now),
      "outOfRange",
      { doc },
    );
    escalateMatter(doc, "m1", { departmentId: bureau(doc), reason: "r", deadline: "2023-05-01" }, now);
    expect(matter(doc).status).toBe("escalated");
  });

  it("refuses a department that is not in the directory (the UI then offers to add it)", () => {
    const doc = newWorkspace();
    meters(doc);
    expectDocError(
      () => escalateMatter(doc, "m1", { departmentId: "水务局", reason: "漏水", deadline: "2099-01-01" }),
      "notInDirectory",
      { params: { department: "水务局" }, doc },
    );
    const water = addDirectoryEntry(doc, { name: "水务局", kind: "department" });
    escalateMatter(doc, "m1", { departmentId: water, reason: "漏水", deadline: "2099-01-01" });
    expect(matter(doc).escalation?.department).toBe("水务局");
  });

  it("refuses a 1 MB resolution note and keeps the matter as it was", () => {
    const doc = newWorkspace();
    meters(doc);
    expectDocError(() => resolveMatter(doc, "m1", { note: "电".repeat(1_000_000) }), "tooLong", {
      params: { field: "resolution", max: 5000, length: 1_000_000 },
      doc,
    });
    expect(matter(doc).status).toBe("open");
  });
});
