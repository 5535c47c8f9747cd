// Sessions open from a stored copy of their SessionSnapshot (src/persistence: views). A copy of an older
// shape must not be shown by a newer app, so VIEW_VERSION has to change whenever the shape does: this
// test records the shape of a full snapshot and fails until both are updated together.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildSampleSession, sampleTalkPoints } from "../../../src/doc/sample/seedSession.ts";
import { lockMinutes } from "../../../src/doc/session/minutes.ts";
import { startQuickPoll } from "../../../src/doc/session/quickPoll.ts";
import { snapshot } from "../../../src/doc/session/snapshot.ts";
import { VIEW_VERSION } from "../../../src/doc/session/schema.ts";
import { checksum } from "../../../src/persistence/db.ts";

/** Every path to a plain value in `value` ("votes[].options[].count"). */
function shape(value: unknown, path = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => shape(v, `${path}[]`, out));
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) shape(v, path ? `${path}.${key}` : key, out);
  } else out.add(path);
  return out;
}

describe("VIEW_VERSION", () => {
  it("changes with the shape of SessionSnapshot", () => {
    const doc = buildSampleSession(new Y.Doc(), sampleTalkPoints(0)[0]!);
    startQuickPoll(doc, "休息一下？");
    lockMinutes(doc, 1);
    const paths = [...shape(snapshot(doc))].sort().join("\n");
    const signature = checksum(new TextEncoder().encode(paths)).toString(16);
    // On a failure: bump VIEW_VERSION in src/doc/schema.ts, then record the new pair here.
    expect({ VIEW_VERSION, signature }).toEqual({ VIEW_VERSION: 6, signature: "270c29ec" });
  });
});
