// @vitest-environment happy-dom
// The sample data, loaded as the home screen's button does on a fresh tablet, on several days of the year:
// its three sittings fall on the talk point's days before today (the last one within the last 11 days, one
// about a month before), its matters stand at every stage of the register, every step was applied (none
// refused by the rules), none lies after today, each is signed by a named sample tablet, and a second load
// makes nothing twice.
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { deleteDB } from "idb";
import { civilDate, daysBetween } from "../../src/doc/civilTime.ts";
import { isAckOverdue, isMatterOverdue } from "../../src/doc/community/registerQuery.ts";
import { SAMPLE_DEVICES } from "../../src/doc/sample/seedSession.ts";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";
import { listSessions } from "../../src/persistence/catalogue.ts";
import type { AppDb } from "../../src/reactive/appDb.ts";
import { createCommunities } from "../../src/reactive/communities.ts";
import { loadSample } from "../../src/reactive/loadSample.ts";

const TZ = "Asia/Shanghai";
let db: YishiDatabase | undefined;
let name = "";
afterEach(async () => {
  db?.close();
  await deleteDB(name);
});

async function loadOn(iso: string) {
  name = `yishi-sample-${crypto.randomUUID()}`;
  db = await openYishiDb(name);
  const appDb: AppDb = { current: db, onReplaced: () => () => {} };
  const communities = createCommunities(appDb);
  const now = Date.parse(iso);
  await loadSample(appDb, communities, now);
  const id = communities.list().find((c) => c.name === "老城路社区")!.id;
  const ws = await communities.open(id);
  return { now, communities, ws, appDb, today: civilDate(now, TZ) };
}

const SIGNERS: string[] = Object.values(SAMPLE_DEVICES);

describe("the sample data", () => {
  for (const iso of ["2026-12-07T12:00:00+08:00", "2027-01-01T08:00:00+08:00", "2028-03-01T23:30:00+08:00"]) {
    it(`on ${iso.slice(0, 10)}: three sittings before today, matters at every stage, named tablets`, async () => {
      const { now, ws, today, appDb, communities } = await loadOn(iso);
      const sessions = (await listSessions(db!)).map((s) => civilDate(s.startsAt, TZ)).sort();
      expect(sessions).toHaveLength(3);
      for (const day of sessions) {
        expect([1, 11, 21]).toContain(Number(day.slice(8)));
        expect(day < today).toBe(true);
      }
      expect(daysBetween(sessions[2]!, today)).toBeLessThanOrEqual(11);
      expect(daysBetween(sessions[0]!, today)).toBeGreaterThanOrEqual(28);
      expect(daysBetween(sessions[0]!, today)).toBeLessThanOrEqual(40);

      const matters = ws.matters();
      expect(matters).toHaveLength(10);
      const statuses = new Set(matters.map((m) => m.status));
      for (const s of ["open", "inProgress", "escalated", "acknowledged", "resolved", "closed"])
        expect(statuses).toContain(s);
      // Escalated past the department's deadline without 报到; past due; reopened after "not satisfied";
      // closed satisfied at the first feedback, and closed after a "not satisfied" first.
      expect(matters.some((m) => isAckOverdue(m, today))).toBe(true);
      expect(matters.some((m) => isMatterOverdue(m, today))).toBe(true);
      const notSatisfied = matters.filter((m) =>
        m.history.some((h) => h.kind === "feedback" && !h.satisfied),
      );
      expect(notSatisfied.map((m) => m.status).sort()).toEqual(["closed", "inProgress"]);
      expect(matters.filter((m) => m.status === "closed")).toHaveLength(3);

      for (const m of matters)
        for (const h of m.history) {
          expect(h.applied, `${m.text}: ${h.kind} ${h.refused ?? ""}`).toBe(true);
          expect(h.at).toBeLessThanOrEqual(now);
          if (h.on) expect(h.on <= today).toBe(true);
          // Signed by a sample tablet, or at the table by the session's recorder: never "Unnamed device".
          if (h.kind !== "discussed") expect(SIGNERS, `${m.text}: ${h.kind} by "${h.by}"`).toContain(h.by);
          else expect(h.by).toBe("网格员 张三");
        }

      // Loaded again (a second tap): nothing made twice.
      await loadSample(appDb, communities, now + 60_000);
      expect(await listSessions(db!)).toHaveLength(3);
      expect(ws.matters()).toHaveLength(10);
      expect(ws.matters().reduce((n, m) => n + m.history.length, 0)).toBe(
        matters.reduce((n, m) => n + m.history.length, 0),
      );
      await Promise.all(communities.list().map(async (c) => (await communities.open(c.id)).dispose()));
    });
  }
});
