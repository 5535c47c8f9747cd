// Randomized, seeded convergence: several replicas edit concurrently, messages arrive in random order (and
// peers drop off and come back), and afterwards every replica must hold exactly the same session.
import * as prng from "lib0/prng";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  addAgendaItem,
  setAgendaNotes,
  setAgendaStatus,
  setAgendaTimer,
  updateAgendaItem,
} from "../../../src/doc/session/agenda.ts";
import { addFollowUp } from "../../../src/doc/session/followUps.ts";
import { addIssue, issueText, updateIssue } from "../../../src/doc/session/issues.ts";
import { deleteRecord, moveRecord } from "../../../src/doc/session/records.ts";
import { setHeadcount, setSessionNotes, tapHeadcount, updateMeta } from "../../../src/doc/session/session.ts";
import { readHeadcount, snapshot } from "../../../src/doc/session/snapshot.ts";
import { createVote, openVote, optionCount, setVoteCount, tapVote } from "../../../src/doc/session/votes.ts";
import { createPeers, expectConverged, newSessionDoc, type Peers } from "../../helpers/peers.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const MOTION = "在社區院子辦舞蹈班，每晚8點";

/** Delivers a random part of what is queued and, when `drops` is set, takes a random peer off or puts it back. */
function chaos(net: Peers, drops: boolean): void {
  const g = net.prng;
  net.deliverRandom(g, prng.int32(g, 0, net.pending()));
  if (!drops) return;
  const i = prng.int32(g, 0, net.peers.length - 1);
  if (net.isConnected(i)) {
    if (prng.int32(g, 0, 2) === 0) net.disconnect(i);
  } else if (prng.bool(g)) {
    net.reconnect(i);
  }
}

function openVoteSetup(base: Y.Doc): void {
  const voteId = createVote(base, { motion: MOTION });
  openVote(base, voteId, 1);
}

function firstVote(doc: Y.Doc) {
  const vote = snapshot(doc).votes[0]!;
  return { voteId: vote.id, forId: vote.options[0]!.id, againstId: vote.options[1]!.id };
}

describe("the network helper", () => {
  it("holds a disconnected peer's edits until it reconnects, then exchanges state both ways", () => {
    const net = createPeers(3, 7);
    const [a, b, c] = net.peers as [Y.Doc, Y.Doc, Y.Doc];
    net.disconnect(0);
    addAgendaItem(a, { title: "離線時加的" });
    addAgendaItem(b, { title: "在線時加的" });
    net.deliverAll();
    expect(snapshot(b).agenda.map((x) => x.title)).toEqual(["在線時加的"]);
    expect(snapshot(c).agenda.map((x) => x.title)).toEqual(["在線時加的"]);
    expect(snapshot(a).agenda.map((x) => x.title)).toEqual(["離線時加的"]);
    net.reconnect(0);
    expect(net.pending()).toBe(4);
    net.deliverAll();
    expect(net.pending()).toBe(0);
    expectConverged(net.peers);
    expect(snapshot(c).agenda).toHaveLength(2);
  });

  it("delivers one message per step", () => {
    const net = createPeers(3, 8);
    addAgendaItem(net.peers[0]!, { title: "一" });
    expect(net.pending()).toBe(2);
    expect(net.deliverRandom(net.prng, 1)).toBe(1);
    expect(net.pending()).toBe(1);
    expect(net.deliverRandom(net.prng)).toBe(1);
  });

  it("expectConverged fails for replicas that have not exchanged their edits", () => {
    const net = createPeers(2, 9);
    setSessionNotes(net.peers[0]!, "甲");
    expect(() => expectConverged(net.peers)).toThrow();
    net.deliverAll();
    expectConverged(net.peers);
  });
});

describe("concurrent taps on one tally", () => {
  it.each(SEEDS)("seed %i: every replica counts every tap exactly once", (seed) => {
    const n = 3 + (seed % 3);
    const net = createPeers(n, seed, { setup: openVoteSetup, anyOrder: seed % 4 === 0 });
    const g = net.prng;
    const { voteId, forId } = firstVote(net.peers[0]!);
    // Each replica's own contribution never goes below zero, so −1 is always allowed where it is tapped
    // and no total is ever clamped: the final count must be the exact sum.
    const ownVotes = new Array<number>(n).fill(0);
    const ownHeads = new Array<number>(n).fill(0);
    for (let round = 0; round < 8; round++) {
      net.peers.forEach((doc, i) => {
        for (let t = prng.int32(g, 0, 4); t > 0; t--) {
          if (ownVotes[i]! > 0 && prng.int32(g, 0, 3) === 0) {
            tapVote(doc, voteId, forId, -1);
            ownVotes[i]!--;
          } else {
            tapVote(doc, voteId, forId, 1);
            ownVotes[i]!++;
          }
          if (ownHeads[i]! > 0 && prng.int32(g, 0, 3) === 0) {
            tapHeadcount(doc, -1);
            ownHeads[i]!--;
          } else {
            tapHeadcount(doc, 1);
            ownHeads[i]!++;
          }
        }
      });
      chaos(net, seed % 2 === 0);
    }
    net.settle();
    expectConverged(net.peers);
    const votes = ownVotes.reduce((s, x) => s + x, 0);
    const heads = ownHeads.reduce((s, x) => s + x, 0);
    expect(votes).toBeGreaterThan(0);
    for (const doc of net.peers) {
      expect(optionCount(doc, voteId, forId)).toBe(votes);
      expect(readHeadcount(doc)).toBe(heads);
      expect(snapshot(doc).votes[0]!.options.map((o) => o.count)).toEqual([votes, 0, 0]);
    }
  });

  it.each(SEEDS)(
    "seed %i: a typed correction concurrent with taps elsewhere adds up the same everywhere",
    (seed) => {
      const net = createPeers(3, seed, { setup: openVoteSetup });
      const g = net.prng;
      const [a, b, c] = net.peers as [Y.Doc, Y.Doc, Y.Doc];
      const { voteId, forId } = firstVote(a);
      for (const doc of net.peers) {
        for (let t = prng.int32(g, 0, 3); t > 0; t--) {
          tapVote(doc, voteId, forId, 1);
          tapHeadcount(doc, 1);
        }
      }
      net.deliverAll();
      const seen = optionCount(a, voteId, forId);
      let total = prng.int32(g, 0, 30);
      if (total === seen) total++;
      const headTotal = prng.int32(g, 0, 50);
      // Concurrently: a corrects the vote, b corrects the head count, b and c keep tapping.
      setVoteCount(a, voteId, forId, total, 777);
      setHeadcount(b, headTotal);
      const tapsB = prng.int32(g, 1, 5);
      const tapsC = prng.int32(g, 1, 5);
      for (let t = 0; t < tapsB; t++) tapVote(b, voteId, forId, 1);
      for (let t = 0; t < tapsC; t++) {
        tapVote(c, voteId, forId, 1);
        tapHeadcount(c, 1);
      }
      if (seed % 2 === 0) net.disconnect(prng.int32(g, 0, 2));
      chaos(net, seed % 2 === 0);
      net.settle();
      expectConverged(net.peers);
      for (const doc of net.peers) {
        expect(optionCount(doc, voteId, forId)).toBe(total + tapsB + tapsC);
        expect(readHeadcount(doc)).toBe(headTotal + tapsC);
      }
      const sets = snapshot(c).votes[0]!.history.filter((h) => h.kind === "set");
      expect(sets).toEqual([
        {
          at: 777,
          by: "peer0",
          kind: "set",
          optionId: forId,
          from: seen,
          to: total,
          seen: expect.any(Object),
        },
      ]);
    },
  );
});

describe("concurrent reorders", () => {
  it.each(SEEDS)("seed %i: every item ends up exactly once, in the same order everywhere", (seed) => {
    const n = 3 + (seed % 2);
    const net = createPeers(n, seed, {
      setup: (base) => {
        for (let i = 0; i < 8; i++) addAgendaItem(base, { title: `議題${i}` });
      },
    });
    const g = net.prng;
    const added = new Set(snapshot(net.peers[0]!).agenda.map((x) => x.id));
    let moves = 0;
    for (let round = 0; round < 12; round++) {
      net.peers.forEach((doc, i) => {
        for (let m = prng.int32(g, 0, 3); m > 0; m--) {
          const agenda = snapshot(doc).agenda;
          moveRecord(doc, "agenda", prng.oneOf(g, agenda).id, prng.int32(g, 0, agenda.length - 1));
          moves++;
        }
        if (prng.int32(g, 0, 5) === 0) added.add(addAgendaItem(doc, { title: `第${round}輪 ${i}號板加` }));
      });
      chaos(net, seed % 2 === 1);
    }
    net.settle();
    expectConverged(net.peers);
    const ids = snapshot(net.peers[0]!).agenda.map((x) => x.id);
    expect(moves).toBeGreaterThan(0);
    expect(ids).toHaveLength(added.size);
    expect(new Set(ids)).toEqual(added);
  });

  it.each(SEEDS)("seed %i: items inserted at the same place on several replicas are all kept", (seed) => {
    const n = 3 + (seed % 3);
    const net = createPeers(n, seed, {
      setup: (base) => {
        addAgendaItem(base, { title: "開場" });
        addAgendaItem(base, { title: "散會" });
      },
    });
    const g = net.prng;
    const [head, tail] = snapshot(net.peers[0]!).agenda.map((x) => x.id);
    const byPeer: string[][] = net.peers.map((doc, i) => {
      const mine: string[] = [];
      for (let k = prng.int32(g, 1, 3); k > 0; k--) {
        const id = addAgendaItem(doc, { title: `${i}號板插入` });
        moveRecord(doc, "agenda", id, 1);
        mine.push(id);
      }
      return mine;
    });
    chaos(net, seed % 2 === 0);
    net.settle();
    expectConverged(net.peers);
    const ids = snapshot(net.peers[0]!).agenda.map((x) => x.id);
    const inserted = byPeer.flat();
    expect(ids).toHaveLength(inserted.length + 2);
    expect(ids[0]).toBe(head);
    expect(ids.at(-1)).toBe(tail);
    expect(ids.slice(1, -1).sort()).toEqual([...inserted].sort());
    // Each replica put its later insert before its earlier one; that survives the merge.
    for (const mine of byPeer) {
      const positions = mine.map((id) => ids.indexOf(id));
      expect(positions).toEqual([...positions].sort((x, y) => y - x));
    }
  });
});

describe("updates that arrive before their causes", () => {
  // Regression (src/doc/records.ts orderOf → src/doc/order.ts keyAt), fixed: Yjs applies an update's deletions at once even
  // when its insertions must wait for an earlier update, so a moved record can briefly have no order key.
  // orderOf turns that into "" and generateKeyBetween("") throws a TypeError, so every append or move in
  // that collection crashes until the missing update arrives.
  it("adding and moving agenda items still work while a move waits for an earlier update", () => {
    const a = newSessionDoc();
    const [x, y] = ["物業", "電錶"].map((title) => addAgendaItem(a, { title })) as [string, string];
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const sent: Uint8Array[] = [];
    a.on("update", (u: Uint8Array) => sent.push(u));
    tapHeadcount(a, 1);
    moveRecord(a, "agenda", x, 1);
    const [earlier, move] = sent as [Uint8Array, Uint8Array];
    Y.applyUpdate(b, move);
    expect(
      snapshot(b)
        .agenda.map((item) => item.id)
        .sort(),
    ).toEqual([x, y].sort());
    const added = addAgendaItem(b, { title: "乙板新加" });
    moveRecord(b, "agenda", y, 0);
    Y.applyUpdate(b, earlier);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expectConverged([a, b]);
    const ids = snapshot(a).agenda.map((item) => item.id);
    expect(ids[0]).toBe(y);
    expect(ids.slice(1).sort()).toEqual([x, added].sort());
  });

  it.each(SEEDS.slice(0, 5))(
    "seed %i: concurrent moves converge with updates delivered in any order",
    (seed) => {
      const net = createPeers(3, seed, {
        anyOrder: true,
        setup: (base) => {
          for (let i = 0; i < 6; i++) addAgendaItem(base, { title: `議題${i}` });
        },
      });
      const g = net.prng;
      for (let round = 0; round < 10; round++) {
        for (const doc of net.peers) {
          const agenda = snapshot(doc).agenda;
          moveRecord(doc, "agenda", prng.oneOf(g, agenda).id, prng.int32(g, 0, agenda.length - 1));
        }
        chaos(net, false);
      }
      net.settle();
      expectConverged(net.peers);
      expect(snapshot(net.peers[0]!).agenda).toHaveLength(6);
    },
  );
});

describe("concurrent typing in one text", () => {
  const ORIGINAL = "有一說一：電錶更換、停車難、廣場舞場地。";
  const MARKERS = ["【甲】", "【乙】", "【丙】", "【丁】"];

  it.each(SEEDS)("seed %i: every replica's insertion survives, where it was typed", (seed) => {
    const n = 2 + (seed % 3);
    const net = createPeers(n, seed, {
      anyOrder: seed % 4 === 0,
      setup: (base) => {
        const a = addAgendaItem(base, { title: "議題" });
        setAgendaNotes(base, a, ORIGINAL);
        setSessionNotes(base, ORIGINAL);
        addIssue(base, { text: ORIGINAL });
      },
    });
    const g = net.prng;
    const s0 = snapshot(net.peers[0]!);
    const agendaId = s0.agenda[0]!.id;
    const issueId = s0.issues[0]!.id;
    const fields = [
      {
        read: (d: Y.Doc) => snapshot(d).agenda[0]!.notes,
        write: (d: Y.Doc, t: string) => setAgendaNotes(d, agendaId, t),
      },
      { read: (d: Y.Doc) => snapshot(d).notes, write: (d: Y.Doc, t: string) => setSessionNotes(d, t) },
      {
        read: (d: Y.Doc) => issueText(d, issueId),
        write: (d: Y.Doc, t: string) => updateIssue(d, issueId, { text: t }),
      },
    ];
    const positions = fields.map(() =>
      net.peers.map((doc, i) => {
        const pos = prng.int32(g, 0, ORIGINAL.length);
        return { doc, marker: MARKERS[i]!, pos };
      }),
    );
    fields.forEach((field, f) => {
      for (const { doc, marker, pos } of positions[f]!) {
        const now = field.read(doc);
        field.write(doc, now.slice(0, pos) + marker + now.slice(pos));
      }
    });
    chaos(net, seed % 2 === 1);
    net.settle();
    expectConverged(net.peers);
    fields.forEach((field, f) => {
      const merged = field.read(net.peers[0]!);
      const used = positions[f]!.map((p) => p.marker);
      const strip = (text: string, keep?: string) =>
        used.filter((m) => m !== keep).reduce((t, m) => t.split(m).join(""), text);
      expect(strip(merged)).toBe(ORIGINAL);
      for (const { marker, pos } of positions[f]!) {
        expect(merged.split(marker)).toHaveLength(2);
        expect(strip(merged, marker).indexOf(marker), `${marker} at ${pos}`).toBe(pos);
      }
    });
  });

  it("a deletion on one replica and typing on another both apply", () => {
    const net = createPeers(3, 99, { setup: (base) => setSessionNotes(base, ORIGINAL) });
    const [a, b, c] = net.peers as [Y.Doc, Y.Doc, Y.Doc];
    setSessionNotes(a, ORIGINAL.replace("停車難、", ""));
    setSessionNotes(b, ORIGINAL.replace("電錶更換", "電錶更換（已登記12戶）"));
    setSessionNotes(c, ORIGINAL + "下次：4月21日");
    net.settle();
    expectConverged(net.peers);
    expect(snapshot(a).notes).toBe("有一說一：電錶更換（已登記12戶）、廣場舞場地。下次：4月21日");
  });
});

describe("concurrent delete and edit of one record", () => {
  it.each(SEEDS)("seed %i: the record stays deleted everywhere and nothing breaks", (seed) => {
    const net = createPeers(3, seed, {
      anyOrder: seed % 4 === 0,
      setup: (base) => {
        addAgendaItem(base, { title: "要刪的議題", timeboxMin: 10 });
        addAgendaItem(base, { title: "留下的議題" });
        addIssue(base, { text: "要刪的訴求" });
        openVoteSetup(base);
      },
    });
    const g = net.prng;
    const [a, b, c] = net.peers as [Y.Doc, Y.Doc, Y.Doc];
    const s = snapshot(a);
    const [doomed, kept] = s.agenda.map((x) => x.id) as [string, string];
    const issueId = s.issues[0]!.id;
    const { voteId, forId } = firstVote(a);
    // The three replicas act concurrently, each in a random order of its own steps.
    const steps: (() => void)[][] = [
      [
        () => deleteRecord(a, "agenda", doomed),
        () => deleteRecord(a, "issues", issueId),
        () => deleteRecord(a, "votes", voteId),
      ],
      [
        () => updateAgendaItem(b, doomed, { title: "改了標題" }),
        () => setAgendaNotes(b, doomed, "補充紀錄"),
        () => setAgendaTimer(b, doomed, true, 5),
        () => updateIssue(b, issueId, { text: "要刪的訴求（補充）", urgent: true }),
        () => tapVote(b, voteId, forId, 1),
      ],
      [
        () => moveRecord(c, "agenda", doomed, 1),
        () => setAgendaStatus(c, kept, "discussing"),
        () => addFollowUp(c, { action: "跟進", issueId }),
        () => tapVote(c, voteId, forId, 1),
      ],
    ];
    for (const list of steps) {
      for (let k = list.length - 1; k > 0; k--) {
        const j = prng.int32(g, 0, k);
        [list[k], list[j]] = [list[j]!, list[k]!];
      }
      list.forEach((step) => step());
    }
    chaos(net, seed % 2 === 0);
    net.settle();
    expectConverged(net.peers);
    const after = snapshot(c);
    expect(after.agenda.map((x) => x.id)).toEqual([kept]);
    expect(after.agenda[0]!.status).toBe("discussing");
    expect(after.issues).toEqual([]);
    expect(after.votes).toEqual([]);
    expect(after.followUps.map((f) => f.issueId)).toEqual([issueId]);
  });
});

describe("merge in every delivery order", () => {
  function permutations<T>(items: readonly T[]): T[][] {
    if (items.length <= 1) return [[...items]];
    return items.flatMap((item, i) =>
      permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
    );
  }

  it("three replicas' updates give the same session whatever order they arrive in", () => {
    const base = newSessionDoc();
    base.clientID = 100;
    const [p, q, r] = ["物業", "電錶", "停車"].map((title) => addAgendaItem(base, { title })) as [
      string,
      string,
      string,
    ];
    setSessionNotes(base, "紀要：");
    openVoteSetup(base);
    const { voteId, forId, againstId } = firstVote(base);
    const baseUpdate = Y.encodeStateAsUpdate(base);

    const replicas = [0, 1, 2].map((i) => {
      const doc = new Y.Doc();
      doc.clientID = 200 + i;
      Y.applyUpdate(doc, baseUpdate);
      return doc;
    }) as [Y.Doc, Y.Doc, Y.Doc];
    const produced: Uint8Array[][] = [[], [], []];
    replicas.forEach((doc, i) => doc.on("update", (u: Uint8Array) => produced[i]!.push(u)));

    const [x, y, z] = replicas;
    moveRecord(x, "agenda", p, 2);
    tapVote(x, voteId, forId, 1);
    tapVote(x, voteId, forId, 1);
    setSessionNotes(x, "紀要：【甲】");
    updateMeta(x, { title: "甲改的標題" });

    deleteRecord(y, "agenda", q);
    tapVote(y, voteId, forId, 1);
    tapVote(y, voteId, againstId, 1);
    setSessionNotes(y, "【乙】紀要：");
    updateMeta(y, { title: "乙改的標題" });

    const issueId = addIssue(z, { text: "晚上噪音", agendaId: r });
    setAgendaNotes(z, r, "車位不足");
    tapHeadcount(z, 1);
    tapHeadcount(z, 1);
    tapHeadcount(z, 1);
    moveRecord(z, "agenda", r, 0);

    // One update per replica, as a peer would send after being offline.
    const updates = produced.map((list) => Y.mergeUpdates(list));
    const docs = permutations([baseUpdate, ...updates]).map((order) => {
      const doc = new Y.Doc();
      for (const u of order) Y.applyUpdate(doc, u);
      return doc;
    });
    expect(docs).toHaveLength(24);
    expectConverged(docs);

    const merged = snapshot(docs[0]!);
    expect(merged.agenda.map((a) => a.id)).toEqual([r, p]);
    expect(merged.agenda[0]!.notes).toBe("車位不足");
    expect(merged.issues.map((i) => [i.id, i.agendaId])).toEqual([[issueId, r]]);
    expect(merged.votes[0]!.options.map((o) => o.count)).toEqual([3, 1, 0]);
    expect(merged.headcount).toBe(3);
    expect(merged.notes).toBe("【乙】紀要：【甲】");
    expect(["甲改的標題", "乙改的標題"]).toContain(merged.meta.title);

    // The replicas themselves, receiving the others' updates in opposite orders, reach the same session.
    Y.applyUpdate(x, updates[1]!);
    Y.applyUpdate(x, updates[2]!);
    Y.applyUpdate(y, updates[2]!);
    Y.applyUpdate(y, updates[0]!);
    Y.applyUpdate(z, updates[1]!);
    Y.applyUpdate(z, updates[0]!);
    expectConverged([...replicas, docs[0]!]);
    expect(snapshot(x)).toEqual(merged);
  });
});
