// A community workspace as tests start from: 老城路社区 with the seed's 鸿雁小区 meters as its first matter.
import * as Y from "yjs";
import { setActor } from "../../src/doc/device.ts";
import { createAction, createMatter } from "../../src/doc/community/matters.ts";
import { readDirectory } from "../../src/doc/community/readers.ts";
import { initWorkspace } from "../../src/doc/community/workspaceDoc.ts";

/** 2023-04-28 10:00 in Shanghai. */
const RAISED = Date.UTC(2023, 3, 28, 2, 0);

/** A fresh workspace of 老城路社区, signed by a grid worker. */
export function newWorkspace(): Y.Doc {
  const doc = initWorkspace(new Y.Doc(), { id: "c-laochenglu", name: "老城路社区", createdAt: RAISED });
  setActor(doc, "网格员 李");
  return doc;
}

/** Puts the seed's meters matter (raised 2023-04-28, urgent) into `doc`, with its action (`${id}-a`). */
export function meters(doc: Y.Doc, id = "m1"): string {
  createMatter(
    doc,
    {
      id,
      sessionId: "s-0428",
      talkPointId: "tp-1",
      issueId: id,
      raisedOn: "2023-04-28",
      text: "鸿雁小区电表老化需更换",
      categoryId: "utilities",
      urgent: true,
      raisedBy: "张阿姨",
    },
    RAISED,
  );
  createAction(doc, { id: `${id}-a`, matter: id, sessionId: "s-0428", action: "协调电力局更换电表" }, RAISED);
  return id;
}

/** The directory id of 电力局. */
export const bureau = (doc: Y.Doc) => readDirectory(doc).find((d) => d.name === "电力局")!.id;
