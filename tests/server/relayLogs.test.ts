// What a real relay process prints, when Hocuspocus itself logs an exception: never a document's name (it
// names a community and a session), a community id or anything a client sent.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addCommunity, relayClient, spawnRelay, until, type RelayProcess } from "../helpers/relayProcess.ts";

const COMMUNITY = "alpha-community";
const NAME = `${COMMUNITY}/session/s-private-1`;
let dir: string;
let relay: RelayProcess;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "yishi-relay-logs-"));
  const db = join(dir, "relay.sqlite");
  token = await addCommunity(db, COMMUNITY);
  relay = await spawnRelay({ db });
}, 60_000);
afterAll(async () => {
  await relay?.kill();
  rmSync(dir, { recursive: true, force: true });
});

it(
  "Hocuspocus's own error log names no document and shows nothing a client sent",
  { timeout: 60_000 },
  async () => {
    const staff = relayClient(relay.url, NAME, token);
    try {
      await until(() => staff.syncs() > 0, "synced");
      // A sync message of a type Yjs does not know: Hocuspocus logs the exception and closes the connection.
      const e = encoding.createEncoder();
      encoding.writeVarString(e, NAME);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 97);
      encoding.writeVarString(e, "secret-x");
      (staff.socket as unknown as { webSocket: { send(d: Uint8Array): void } }).webSocket.send(
        encoding.toUint8Array(e),
      );
      await until(() => relay.output().includes("closing connection"), "Hocuspocus logged the exception");
    } finally {
      staff.destroy();
    }
    const printed = relay.output();
    for (const secret of [NAME, COMMUNITY, "s-private-1", "secret-x", token])
      expect(printed).not.toContain(secret);
  },
);
