// The community backup: the workspace's whole state and every session's archive in one file, read back whole
// (the hash, Yjs missing nothing, the community and each session being what they say) before anything is kept.
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { readCommunityMeta, readMatters } from "../../src/doc/community/readers.ts";
import { readMeta } from "../../src/doc/session/snapshot.ts";
import { exportArchive } from "../../src/export/archive.ts";
import {
  BACKUP_TYPE,
  exportCommunityBackup,
  loadCommunityBackup,
  type CommunityBackup,
} from "../../src/export/communityBackup.ts";
import { newSessionDoc } from "../helpers/peers.ts";
import { meters, newWorkspace } from "../helpers/workspace.ts";

const NOW = new Date("2024-04-21T02:00:00Z");

function sample(): string {
  const workspace = newWorkspace();
  meters(workspace);
  const sessions = ["s-1", "s-2"].map((id) =>
    exportArchive(newSessionDoc({ id, communityId: "c-laochenglu", title: `说事 ${id}` })),
  );
  return exportCommunityBackup(workspace, sessions, NOW);
}
const parse = (text: string) => JSON.parse(text) as CommunityBackup;

describe("community backup", () => {
  it("round-trips the workspace and every session", () => {
    const text = sample();
    expect(parse(text)).toMatchObject({
      type: BACKUP_TYPE,
      version: 1,
      source: "yishi",
      data: { id: "c-laochenglu", name: "老城路社区", exportedAt: NOW.toISOString() },
    });
    const loaded = loadCommunityBackup(text);
    if (!loaded.ok) throw new Error(loaded.error);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.update);
    expect(readCommunityMeta(doc).name).toBe("老城路社区");
    expect(readMatters(doc).map((m) => m.id)).toEqual(["m1"]);
    expect(loaded.sessions.map((s) => s.id)).toEqual(["s-1", "s-2"]);
    const session = new Y.Doc();
    Y.applyUpdate(session, loaded.sessions[1]!.update);
    expect(readMeta(session).title).toBe("说事 s-2");
  });

  it("refuses a changed workspace update (hash) and a broken session archive", () => {
    const b = parse(sample());
    const changed = { ...b, data: { ...b.data, update: b.data.update.replace(/^..../, "AAAA") } };
    expect(loadCommunityBackup(JSON.stringify(changed))).toEqual({ ok: false, error: "damaged" });
    const broken = { ...b, data: { ...b.data, sessions: [{ ...b.data.sessions[0]!, type: "x" }] } };
    expect(loadCommunityBackup(JSON.stringify(broken))).toEqual({ ok: false, error: "malformed" });
  });

  it("refuses a session of another community, another file type, a newer version and junk", () => {
    const workspace = newWorkspace();
    const stranger = exportArchive(newSessionDoc({ id: "s-x", communityId: "c-other" }));
    const text = exportCommunityBackup(workspace, [stranger], NOW);
    expect(loadCommunityBackup(text)).toEqual({ ok: false, error: "malformed" });
    const b = parse(exportCommunityBackup(workspace, [], NOW));
    expect(loadCommunityBackup(JSON.stringify({ ...b, version: 9 }))).toEqual({
      ok: false,
      error: "newerVersion",
    });
    expect(loadCommunityBackup(exportArchive(newSessionDoc()))).toEqual({ ok: false, error: "wrongType" });
    expect(loadCommunityBackup("{")).toEqual({ ok: false, error: "notJson" });
  });

  it("refuses a workspace that is not the community it names", () => {
    const b = parse(exportCommunityBackup(newWorkspace(), [], NOW));
    const renamed = { ...b, data: { ...b.data, id: "c-other" } };
    expect(loadCommunityBackup(JSON.stringify(renamed))).toEqual({ ok: false, error: "badUpdate" });
  });
});
