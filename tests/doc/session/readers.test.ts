// Bad data from outside (a buggy or newer peer, a crafted archive) never makes a session unopenable:
// readers skip what is broken and fill defaults, mutators keep working, merged states keep the rules.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addAgendaItem,
  setAgendaStatus,
  setAgendaTimer,
  updateAgendaItem,
} from "../../../src/doc/session/agenda.ts";
import { addIssue, updateIssue } from "../../../src/doc/session/issues.ts";
import { lockMinutes } from "../../../src/doc/session/minutes.ts";
import { repairDoc } from "../../../src/doc/session/repair.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import { createVote, openVote, tapVote } from "../../../src/doc/session/votes.ts";
import { exportArchive } from "../../../src/export/archive.ts";
import { createPeers, expectConverged, newSessionDoc } from "../../helpers/peers.ts";
import { afterEach, vi } from "vitest";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Applies what a buggy peer wrote (raw Yjs, bypassing the mutators) to `doc`, as a remote update. */
function fromBadPeer(doc: Y.Doc, write: (peer: Y.Doc) => void): void {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  write(peer);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), "remote");
}

describe("readers clean what they read", () => {
  it("a null inside a vote's options or history is skipped; the session opens and later edits work", () => {
    const doc = newSessionDoc();
    const id = createVote(doc, { motion: "辦舞蹈班？" });
    openVote(doc, id, 1);
    fromBadPeer(doc, (peer) => {
      const vote = peer.getMap<Y.Map<unknown>>("votes").get(id)!;
      (vote.get("options") as Y.Map<unknown>).set("broken", null);
      (vote.get("history") as Y.Array<unknown>).push([null, 7, { kind: 3 }]);
    });
    const v = snapshot(doc).votes[0]!;
    expect(v.options).toHaveLength(3);
    expect(v.status).toBe("open");
    tapVote(doc, id, v.options[0]!.id, 1);
    addIssue(doc, { text: "之後的修改照常" });
    expect(snapshot(doc).votes[0]!.options[0]!.count).toBe(1);
  });

  it("a null in the lock log is skipped and the lock still works", () => {
    const doc = newSessionDoc();
    fromBadPeer(doc, (peer) => peer.getArray("lockLog").push([null, "lock", { kind: "lock" }]));
    expect(snapshot(doc).lockLog).toEqual([{ at: 0, by: "", kind: "lock" }]);
    expect(snapshot(doc).lock).toEqual({ at: 0, by: "" });
  });

  it("a record that is not a map does not break its collection, for readers or mutators", () => {
    const doc = newSessionDoc();
    addIssue(doc, { text: "第一件" });
    fromBadPeer(doc, (peer) => {
      peer.getMap("issues").set("garbage", "not a record");
      peer.getMap("agenda").set("nothing", null);
      peer.getMap("meta").set("talkPoint", "a string");
    });
    expect(snapshot(doc).issues.map((i) => i.text)).toEqual(["第一件"]);
    addIssue(doc, { text: "第二件" });
    addAgendaItem(doc, { title: "議題" });
    expect(snapshot(doc).issues.map((i) => i.text)).toEqual(["第一件", "第二件"]);
    expect(snapshot(doc).meta.talkPoint.name).toBe("");
  });

  it("fields of the wrong type get their defaults, and a newer peer's unknown fields are kept", () => {
    const doc = newSessionDoc();
    const id = createVote(doc, { motion: "m" });
    fromBadPeer(doc, (peer) => {
      const vote = peer.getMap<Y.Map<unknown>>("votes").get(id)!;
      vote.set("threshold", { kind: "custom", num: "x", den: -1 });
      vote.set("futureField", { a: 1 });
    });
    const v = snapshot(doc).votes[0]!;
    expect(v.threshold).toMatchObject({ kind: "custom", num: 1, den: 2 });
    expect((v as unknown as Record<string, unknown>).futureField).toEqual({ a: 1 });
  });
});

describe("merged states keep the rules the mutators keep", () => {
  it("anonymous ticked on one tablet while the name is typed on another: no name anywhere, none in archives", () => {
    const net = createPeers(2, 31, { setup: (base) => void addIssue(base, { text: "夜裡裝修噪音" }) });
    const [a, b] = net.peers as [Y.Doc, Y.Doc];
    const id = snapshot(a).issues[0]!.id;
    updateIssue(a, id, { anonymous: true });
    updateIssue(b, id, { raisedBy: "張阿姨" });
    net.deliverAll();
    for (const doc of net.peers)
      expect(snapshot(doc).issues[0]).toMatchObject({ anonymous: true, raisedBy: "" });
    repairDoc(a);
    net.deliverAll();
    expectConverged(net.peers);
    for (const doc of net.peers) {
      expect(doc.getMap<Y.Map<unknown>>("issues").get(id)!.get("raisedBy")).toBe("");
      expect(exportArchive(doc)).not.toContain(
        btoa(String.fromCharCode(...new TextEncoder().encode("張阿姨"))),
      );
      expect(Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from("張阿姨"))).toBe(false);
    }
  });

  it("a done item never shows a running countdown, nor an item without a time box", () => {
    const net = createPeers(2, 32, {
      setup: (base) => void addAgendaItem(base, { title: "電表", timeboxMin: 10 }),
    });
    const [a, b] = net.peers as [Y.Doc, Y.Doc];
    const id = snapshot(a).agenda[0]!.id;
    setAgendaStatus(a, id, "done");
    setAgendaTimer(b, id, true, 5);
    net.deliverAll();
    for (const doc of net.peers)
      expect(snapshot(doc).agenda[0]).toMatchObject({ status: "done", timerStartedAt: null });
    setAgendaStatus(a, id, "discussing");
    net.deliverAll();
    expect(snapshot(b).agenda[0]!.timerStartedAt).toBeNull();
    setAgendaTimer(a, id, true, 6);
    updateAgendaItem(b, id, { timeboxMin: null });
    net.deliverAll();
    for (const doc of net.peers) expect(snapshot(doc).agenda[0]!.timerStartedAt).toBeNull();
  });

  it("repairs reach a locked session too (privacy outranks the lock), and change nothing the minutes show", () => {
    const doc = newSessionDoc();
    const id = addIssue(doc, { text: "x" });
    lockMinutes(doc);
    fromBadPeer(doc, (peer) => {
      const issue = peer.getMap<Y.Map<unknown>>("issues").get(id)!;
      issue.set("anonymous", true);
      issue.set("raisedBy", "李大爺");
    });
    expect(repairDoc(doc)).toBe(true);
    expect(doc.getMap<Y.Map<unknown>>("issues").get(id)!.get("raisedBy")).toBe("");
    expect(repairDoc(doc)).toBe(false);
  });
});
