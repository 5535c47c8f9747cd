// Two tablets in two Chromium processes with peer-to-peer sync switched off, so only the subdistrict relay
// (a real relay process, on a SQLite file of this test) can carry their edits: B pairs through the relay link
// A shows; a session and the register converge; each tablet goes offline, edits, comes back; the relay is
// killed (SIGKILL) in the middle of a burst of edits and restarted on the same file and port: the tablets
// reconnect by themselves, nothing is lost, and the relay's stored session equals what the tablets show. A
// tablet of another community given this community's token is told it is refused.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readIssues } from "../../src/doc/session/snapshot.ts";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import {
  addCommunity,
  freePort,
  killAllRelays,
  relayClient,
  sameState,
  spawnRelay,
  storedDoc,
  until,
  type RelayProcess,
} from "../helpers/relayProcess.ts";

let server: AppServer;
let relay: RelayProcess;
let a: LaunchedBrowser;
let b: LaunchedBrowser;
let dir = "";
let db = "";
let port = 0;
let communityId = "";
let sessionId = "";
/** The community's staff token, printed once by --add-community (the relay keeps only its hash). */
let staffToken = "";

const P2P_OFF = () => localStorage.setItem("yishi.peerToPeer", "off");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "yishi-relay-e2e-"));
  db = join(dir, "relay.sqlite");
  port = await freePort();
  [server, relay, a, b] = await Promise.all([
    startAppServer(),
    spawnRelay({ db, port }),
    launchBrowser(),
    launchBrowser(),
  ]);
  await Promise.all([a.context.addInitScript(P2P_OFF), b.context.addInitScript(P2P_OFF)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await killAllRelays();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const relayState = (page: Page, state: string) =>
  page.locator(`[data-relay-state="${state}"]`).first().waitFor({ timeout: 30_000 });
const issueItems = (page: Page) => page.locator(".issue-text");

async function raise(page: Page, text: string) {
  await page.getByRole("button", { name: "Raise an issue" }).click();
  await page.getByLabel("The issue").fill(text);
  await page.getByRole("button", { name: "Record" }).click();
  await page.getByText(text, { exact: true }).first().waitFor();
}

describe("two tablets synced only through the relay", () => {
  it("A connects the community to the relay; B pairs through the relay link", async () => {
    await a.page.goto(`${server.url}/?lang=en#/community/new`);
    const form = a.page.getByRole("form", { name: "New community" });
    await form.getByLabel("Community").fill("椿树路社区");
    await form.getByRole("button", { name: "Create community" }).click();
    await a.page.getByRole("heading", { level: 1, name: "椿树路社区" }).waitFor();
    communityId = decodeURIComponent(new URL(a.page.url()).hash.split("/")[2]!);
    const token = (staffToken = await addCommunity(db, communityId));

    const panel = a.page.locator(".relay");
    await panel.getByText(`This community's id, for the relay's admin: ${communityId}`).waitFor();
    await panel.getByLabel("Relay address (ws:// or wss://)").fill(`ws://127.0.0.1:${port}`);
    await panel.getByLabel("This community's relay token").fill(token);
    await panel.getByRole("button", { name: "Connect to the relay" }).click();
    await relayState(a.page, "connected");
    const link = await panel.getByRole("link", { name: "Link for a staff tablet" }).getAttribute("href");
    expect(link).toContain(`#/relay/${communityId}?`);

    await b.page.goto(`${server.url}/?lang=en`);
    await b.page.goto(link!.replace(/^https?:\/\/[^/]+\//, `${server.url}/`).replace("#/", "?lang=en#/"));
    await b.page.getByLabel("Grid worker").check();
    await b.page.getByRole("button", { name: "Join", exact: true }).click();
    await b.page.getByRole("heading", { level: 1, name: "椿树路社区" }).waitFor({ timeout: 30_000 });
    await relayState(b.page, "connected");
  });

  it("a session made on A, with a follow-up, reaches B's register; B's step reaches A", async () => {
    await a.page.goto(`${server.url}/?lang=en#/talk-point/new`);
    await a.page.getByLabel("Talk point name").fill("椿树路说事点");
    await a.page.getByLabel("Community").fill("椿树路社区");
    await a.page.getByRole("button", { name: "Save" }).click();
    await a.page.getByRole("listitem").filter({ hasText: "椿树路说事点" }).first().waitFor();
    await a.page
      .getByRole("listitem")
      .filter({ hasText: "椿树路说事点" })
      .getByRole("button", { name: "Start session" })
      .click();
    await a.page
      .getByRole("form", { name: "Start session" })
      .getByRole("button", { name: "Start session" })
      .click();
    await a.page.getByRole("heading", { name: "Agenda" }).waitFor();
    sessionId = decodeURIComponent(new URL(a.page.url()).hash.split("/")[2]!);
    await raise(a.page, "路灯不亮");
    await a.page.getByRole("tab", { name: /Follow-ups/ }).click();
    await a.page.getByLabel("Action", { exact: true }).fill("联系城管修路灯");
    await a.page.getByLabel("Linked issue").selectOption({ label: "路灯不亮" });
    await a.page.getByRole("button", { name: "Add follow-up" }).click();

    await b.page.goto(`${server.url}/?lang=en#/register/${encodeURIComponent(communityId)}`);
    // The matter is the issue raised; the follow-up is its action.
    const row = b.page.getByRole("link", { name: /路灯不亮.*: Open/ });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await b.page
      .getByRole("button", { name: /^Escalate / })
      .first()
      .click();
    const form = b.page.getByRole("form", { name: /^Escalate / }).first();
    await form.getByLabel("Department", { exact: true }).fill("电力局");
    await form.getByLabel("Reason", { exact: true }).fill("路灯线路归电力局");
    await form.getByLabel("Response deadline", { exact: true }).fill("2099-03-01");
    await form.getByRole("button", { name: /^Confirm: Escalate / }).click();
    await b.page.locator("#matter-status").getByText("Escalated").waitFor();
    await a.page.locator(".follow-up").getByText("Escalated to 电力局").first().waitFor({ timeout: 30_000 });
  });

  it("each tablet goes offline, edits, and comes back: both converge with nothing lost", async () => {
    await b.page.goto(`${server.url}/?lang=en#/session/${encodeURIComponent(sessionId)}`);
    await b.page.getByText("路灯不亮", { exact: true }).first().waitFor({ timeout: 30_000 });
    await a.page.getByRole("tab", { name: /Issues/ }).click();

    // Each edits while one is offline: neither sees the other's edit until it is back.
    for (const [away, here] of [
      [a, b],
      [b, a],
    ] as const) {
      const awayText = `${away === a ? "A" : "B"} 离线时记下的问题`;
      const hereText = `${here === a ? "A" : "B"} 在线时记下的问题`;
      await away.context.setOffline(true);
      await raise(away.page, awayText);
      await raise(here.page, hereText);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await here.page.getByText(awayText, { exact: true }).count()).toBe(0);
      expect(await away.page.getByText(hereText, { exact: true }).count()).toBe(0);
      await away.context.setOffline(false);
      await away.page.getByText(hereText, { exact: true }).first().waitFor({ timeout: 30_000 });
      await here.page.getByText(awayText, { exact: true }).first().waitFor({ timeout: 30_000 });
    }
    for (const page of [a.page, b.page])
      for (const text of [
        "A 离线时记下的问题",
        "B 离线时记下的问题",
        "A 在线时记下的问题",
        "B 在线时记下的问题",
      ])
        await page.getByText(text, { exact: true }).first().waitFor({ timeout: 30_000 });
  });

  it("the relay killed mid-burst and restarted on its file: tablets reconnect, nothing is lost", async () => {
    const burst = Array.from({ length: 8 }, (_, i) => `连发第${i + 1}条`);
    for (const [i, text] of burst.entries()) {
      if (i === 4) await relay.kill("SIGKILL");
      await raise(a.page, text);
    }
    relay = await spawnRelay({ db, port });
    for (const text of burst)
      await b.page.getByText(text, { exact: true }).first().waitFor({ timeout: 45_000 });

    const expected = await issueItems(a.page).allTextContents();
    expect(await issueItems(b.page).allTextContents()).toEqual(expected);
    expect(expected.length).toBe(13);

    // What the relay holds, read by a fresh client, and what it stored in SQLite once stopped.
    const token = staffToken;
    const client = relayClient(relay.url, `${communityId}/session/${sessionId}`, token);
    await until(
      () => readIssues(client.doc).length === expected.length,
      "the relay to hold every issue",
      30_000,
    );
    client.destroy();
    await relay.kill("SIGTERM");
    const stored = storedDoc(db, `${communityId}/session/${sessionId}`);
    expect(
      readIssues(stored)
        .map((i) => i.text)
        .sort(),
    ).toEqual([...expected].sort());
    expect(sameState(stored, client.doc, (d) => readIssues(d).map((i) => i.text))).toBe(true);
  });

  it("a session deleted on B stays deleted there while A and the relay keep it", async () => {
    relay = await spawnRelay({ db, port });
    await b.page.goto(`${server.url}/?lang=en`);
    const row = b.page.locator(".session-row").filter({ hasText: "椿树路说事点" });
    await row.getByRole("button", { name: /^Delete session/ }).click();
    const notice = b.page.locator(".notice").filter({ hasText: "Removed from this tablet only" });
    await notice.waitFor();
    await notice.waitFor({ state: "detached", timeout: 20_000 });
    await b.page.goto(`${server.url}/?lang=en#/community/${encodeURIComponent(communityId)}`);
    await relayState(b.page, "connected");
    // A keeps editing the session; B's sync (a full pass at connection, notices of changes) must not fetch it.
    await raise(a.page, "删除之后A又记下的问题");
    await b.page.reload();
    await b.page.getByRole("heading", { name: "Talk points" }).waitFor();
    await new Promise((r) => setTimeout(r, 3000));
    expect(await b.page.locator(".session-row").count()).toBe(0);
    const rows = await b.page.evaluate(async (id) => {
      const req = indexedDB.open("yishi");
      const idb: IDBDatabase = await new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
      const count: number = await new Promise((resolve) => {
        const r = idb.transaction("updates").objectStore("updates").index("bySession").count(id);
        r.onsuccess = () => resolve(r.result);
      });
      idb.close();
      return count;
    }, sessionId);
    expect(rows).toBe(0);
  });

  it("a tablet of another community, given this community's token, is told it is refused", async () => {
    const c = await launchBrowser();
    try {
      await c.page.goto(`${server.url}/?lang=en#/community/new`);
      const form = c.page.getByRole("form", { name: "New community" });
      await form.getByLabel("Community").fill("别的社区");
      await form.getByRole("button", { name: "Create community" }).click();
      await c.page.getByRole("heading", { level: 1, name: "别的社区" }).waitFor();
      const panel = c.page.locator(".relay");
      await panel.getByLabel("Relay address (ws:// or wss://)").fill(`ws://127.0.0.1:${port}`);
      await panel.getByLabel("This community's relay token").fill(staffToken);
      await panel.getByRole("button", { name: "Connect to the relay" }).click();
      await relayState(c.page, "refused");
      await panel
        .getByText("Relay: refused (a wrong token, or this community is not registered on this relay)")
        .waitFor();
    } finally {
      await c.close();
    }
  });
});
