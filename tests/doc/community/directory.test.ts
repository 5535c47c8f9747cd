// The directory holds one entry per department, whatever the number of tablets that made the community or
// typed the department, and an entry added after a session's free text gets a valid place in the order.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addDirectoryEntry, ensureDepartment } from "../../../src/doc/community/directory.ts";
import { readDirectory, workspaceSnapshot } from "../../../src/doc/community/readers.ts";
import { computeReport, reportCommunityOf } from "../../../src/doc/community/report.ts";
import { renameCommunityCategory } from "../../../src/doc/community/directory.ts";
import { initWorkspace } from "../../../src/doc/community/workspaceDoc.ts";
import { createMatter } from "../../../src/doc/community/matters.ts";
import { addTalkPoint, setTalkPointDeleted } from "../../../src/doc/community/talkPoints.ts";
import { isOrderKey } from "../../../src/doc/order.ts";

const made = (client: number) => {
  const d = initWorkspace(new Y.Doc(), { id: "c-same", name: "老城路社区", createdAt: 0 });
  d.clientID = client;
  return d;
};
const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe("one directory entry per department", () => {
  it("two tablets that each made the same community hold the default directory once after pairing", () => {
    const [a, b] = [made(1), made(2)];
    exchange(a, b);
    const names = readDirectory(a).map((d) => d.name);
    expect(names).toEqual(["电力局", "物业公司", "街道党工委", "后盾单位", "共建单位", "小区业委会"]);
    expect(a.getMap("directory").size).toBe(6);
  });

  it("an older version's random ids for the same departments are read as one entry per name", () => {
    const a = made(1);
    const b = made(2);
    // As an older version made them: the same names under other ids.
    for (const [id, rec] of [...b.getMap<Y.Map<unknown>>("directory").entries()]) {
      const copy = new Y.Map<unknown>();
      for (const [k, v] of rec.entries()) copy.set(k, k === "id" ? `old-${id}` : v);
      b.getMap<Y.Map<unknown>>("directory").set(`old-${id}`, copy);
    }
    exchange(a, b);
    expect(readDirectory(a).map((d) => d.name)).toHaveLength(6);
  });

  it("a department typed on two tablets at once is one entry, and the next one added gets a valid key", () => {
    const [a, b] = [made(1), made(2)];
    exchange(a, b);
    ensureDepartment(a, "水务局");
    ensureDepartment(b, " 水务局 ");
    exchange(a, b);
    expect(readDirectory(a).filter((d) => d.name === "水务局")).toHaveLength(1);
    // An older version gave such entries a key that is no key ("z…"): adding after one still works.
    a.getMap<Y.Map<unknown>>("directory")
      .get(readDirectory(a).find((d) => d.name === "水务局")!.id)!
      .set("order", "zbroken");
    const id = addDirectoryEntry(a, { name: "燃气公司", kind: "department" });
    expect(isOrderKey(String(a.getMap<Y.Map<unknown>>("directory").get(id)!.get("order")))).toBe(true);
    expect(addDirectoryEntry(a, { name: "燃气公司", kind: "department" })).toBe(id);
  });
});

describe("categories are compared by name across communities", () => {
  it("a default category one community renamed is not borrowed by another", () => {
    const community = (id: string, rename?: string) => {
      const d = initWorkspace(new Y.Doc(), { id, name: id, createdAt: 0 });
      if (rename) renameCommunityCategory(d, "parking", rename);
      createMatter(d, {
        id: `${id}-m`,
        sessionId: "s",
        talkPointId: "tp",
        raisedOn: "2024-03-01",
        text: "停车",
        categoryId: "parking",
      });
      return reportCommunityOf(workspaceSnapshot(d));
    };
    const r = computeReport({
      communities: [community("a", "停车难"), community("b")],
      period: { from: "2024-03-01", to: "2024-03-31" },
      scope: {},
      now: Date.UTC(2024, 3, 1),
    });
    const rows = r.byCategory.filter((c) => c.raised.value > 0).map((c) => [c.key, c.label, c.raised.ids]);
    expect(rows).toEqual([
      ["停车难", "停车难", ["a-m"]],
      ["parking", "", ["b-m"]],
    ]);
  });

  it("never counts an id twice across communities (a talk point moved with its matters)", () => {
    const schedule = { kind: "monthDays" as const, days: [1], time: "10:00" };
    const tp = { name: "说事点", location: "", facilitator: "", schedule };
    const one = initWorkspace(new Y.Doc(), { id: "a", name: "a", createdAt: 0 });
    addTalkPoint(one, tp, "tp");
    createMatter(one, { id: "m", sessionId: "s", talkPointId: "tp", raisedOn: "2024-03-01", text: "x" });
    // Moved to community b: deleted in a, made in b, and an older version copied its matters along.
    setTalkPointDeleted(one, "tp", true);
    const two = initWorkspace(new Y.Doc(), { id: "b", name: "b", createdAt: 0 });
    addTalkPoint(two, tp, "tp");
    createMatter(two, { id: "m", sessionId: "s", talkPointId: "tp", raisedOn: "2024-03-01", text: "x" });
    const r = computeReport({
      communities: [one, two].map((d) => reportCommunityOf(workspaceSnapshot(d))),
      period: { from: "2024-03-01", to: "2024-03-31" },
      scope: {},
      now: Date.UTC(2024, 3, 1),
    });
    expect(r.figures.raised.ids).toEqual(["m"]);
  });
});
