// Crash safety: Chromium is SIGKILLed at random moments during bursts of edits, then relaunched on the same
// profile. Every edit the UI had reported as saved must be there, none twice, and the session must open.
// Replay a failure with CRASH_SEED=<printed seed> (and CRASH_ROUNDS=<n>).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { waitForServiceWorker } from "../helpers/browser.ts";
import { launchKillable, type KillableBrowser } from "../helpers/killableBrowser.ts";
import { openSampleSession } from "../helpers/sample.ts";

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 24);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));

/** mulberry32: a small seeded PRNG, so a failing run's kill moments and edits can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
/** Mostly 0–400 ms into the burst (mid-write); one round in four 400–1500 ms (summary and view writes). */
const killDelay = () => Math.round(random() < 0.75 ? random() * 400 : 400 + random() * 1100);
/**
 * One round in four idles 1–1.6 s after opening first, the kill drawn from 300 ms before the burst to
 * 400 ms into it: the store rewrites its view about 1 s after opening, so some kills land around that
 * write, and a kill before the first edit makes the next launch open from the view.
 */
const idleBefore = () => (random() < 0.25 ? Math.round(1000 + random() * 600) : 0);
/** Rapid bursts add agenda items from a script, a few ms apart, so edits arrive while a write is in flight. */
const RAPID_MAX = 300;

type Kind = "agenda" | "issue";
const TOKEN = /crash-(?:agenda|issue)-r\d+e\d+/;
const title = (kind: Kind, round: number, i: number) => `crash-${kind}-r${round}e${i}`;

let server: AppServer;
let tablet: KillableBrowser | undefined;
let profile: string;
let sessionId: string;
/** Every edit tried, in order (the app lists agenda items and issues oldest first). */
const made: { token: string; kind: Kind; round: number }[] = [];
/** Edits that must be there after every relaunch: reported saved, or read back from storage once. */
const durable = new Set<string>();

beforeAll(async () => {
  server = await startAppServer();
  profile = mkdtempSync(join(tmpdir(), "yishi-crash-"));
});
afterAll(async () => {
  await tablet?.kill().catch(() => {});
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Relaunches the tablet on the same profile; `onSaved` hears what the screen showed at each "saved". */
async function relaunch(onSaved: (tokens: string[]) => void): Promise<Page> {
  tablet = await launchKillable(profile);
  // A restored tab from before the crash would be a second writer on the same session: close any.
  for (const extra of tablet.context.pages().slice(1)) await extra.close();
  const page = tablet.page;
  page.on("pageerror", (error) => console.error("[page error]", error.message));
  await page.exposeBinding("__crashTestSaved", (_source, tokens: string[]) => onSaved(tokens));
  return page;
}

/** The crash-test titles on screen: agenda items and issues, in screen order. */
const readTokens = (page: Page) =>
  page.evaluate((source) => {
    const re = new RegExp(source);
    const texts = [
      ...[...document.querySelectorAll(".agenda-list .agenda-title")].map((e) => e.textContent ?? ""),
      ...[...document.querySelectorAll(".issue .issue-text")].map((e) => e.textContent ?? ""),
    ];
    return texts.flatMap((text) => re.exec(text)?.[0] ?? []);
  }, TOKEN.source);

/** The session's rows in the `updates` store, and all rows in `quarantine`. */
const storedRows = (page: Page) =>
  page.evaluate(async (id) => {
    const req = indexedDB.open("yishi");
    const db: IDBDatabase = await new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
    const tx = db.transaction(["updates", "quarantine"]);
    const count = (r: IDBRequest<number>) =>
      new Promise<number>((resolve) => (r.onsuccess = () => resolve(r.result)));
    const [updates, quarantine] = await Promise.all([
      count(tx.objectStore("updates").index("bySession").count(id)),
      count(tx.objectStore("quarantine").count()),
    ]);
    db.close();
    return { updates, quarantine };
  }, sessionId);

/**
 * Opens the session after a crash and checks it: it opens with no error and nothing set aside, every
 * durable edit is there, no edit twice or out of order, nothing never made. Returns how it opened.
 */
async function openAndCheck(page: Page, round: number): Promise<{ present: string[]; from: string }> {
  await page.goto(`${server.url}/?lang=en#/session/${encodeURIComponent(sessionId)}`);
  await page.getByRole("heading", { name: "Agenda" }).waitFor();
  // "Saved" once the stored rows are in the doc and nothing waits to be written.
  await page.locator(".save-status.saved").waitFor();
  // Long lists render their first screenful first: wait for every issue card.
  const issueCount = async () => {
    const summary = (await page.locator(".panel-head .muted").first().textContent()) ?? "";
    return Number(/(\d+) raised/.exec(summary)?.[1]) === (await page.locator(".issue").count());
  };
  await expect.poll(issueCount, { message: `round ${round}: issue cards` }).toBe(true);
  const alerts = (await page.getByRole("alert").allTextContents()).filter((t) => t.trim() !== "");
  expect(alerts, `round ${round}: errors shown on open (e.g. damaged rows set aside)`).toEqual([]);
  const rows = await storedRows(page);
  expect(rows.quarantine, `round ${round}: rows in quarantine`).toBe(0);

  const present = await readTokens(page);
  const known = new Set(made.map((e) => e.token));
  expect(
    present.filter((t) => !known.has(t)),
    `round ${round}: never made`,
  ).toEqual([]);
  expect(present.length - new Set(present).size, `round ${round}: edits shown twice`).toBe(0);
  const lost = [...durable].filter((t) => !present.includes(t));
  expect(lost, `round ${round}: saved edits lost (seed ${SEED})`).toEqual([]);
  const order = made.filter((e) => present.includes(e.token));
  const inOrder = [
    ...order.filter((e) => e.kind === "agenda").map((e) => e.token),
    ...order.filter((e) => e.kind === "issue").map((e) => e.token),
  ];
  expect(present, `round ${round}: order of agenda items and issues`).toEqual(inOrder);
  for (const t of present) durable.add(t);
  const view = await page.evaluate(() => performance.getEntriesByName("yishi:session-view").length > 0);
  return { present, from: `${rows.updates} rows${view ? ", opened from the view" : ""}` };
}

/** Starts watching the save status: at every "saved", reports the titles then on screen. */
const watchSaves = (page: Page) =>
  page.evaluate((source) => {
    const re = new RegExp(source);
    const status = document.querySelector(".save-status")!;
    const report = () => {
      if (!status.classList.contains("saved")) return;
      const texts = [...document.querySelectorAll(".agenda-list .agenda-title, .issue .issue-text")];
      const w = window as unknown as { __crashTestSaved(tokens: string[]): void };
      w.__crashTestSaved(texts.flatMap((e) => re.exec(e.textContent ?? "")?.[0] ?? []));
    };
    new MutationObserver(report).observe(status, { attributes: true, attributeFilter: ["class"] });
    report();
  }, TOKEN.source);

/** One edit through the UI; resolves once the app has handled the input (so the edit is in the doc). */
async function edit(page: Page, kind: Kind, text: string): Promise<void> {
  if (kind === "agenda") {
    const input = page.getByLabel("New agenda item");
    await input.fill(text);
    await input.press("Enter");
  } else {
    await page.getByRole("button", { name: "Raise an issue" }).click();
    await page.getByLabel("The issue").fill(text);
    await page.getByRole("button", { name: "Record" }).click();
  }
}

/**
 * Agenda items typed by the script in the page through the form's own events (input, then submit), every
 * 0–8 ms: several edits queue up behind one write and are merged into one row, as on a fast tablet.
 */
const rapidBurst = (page: Page, tokens: string[], seed: number) =>
  page.evaluate(
    ({ tokens, seed }) => {
      const input = document.querySelector<HTMLInputElement>(".agenda-pane form input")!;
      let gap = seed;
      let i = 0;
      const step = () => {
        if (i >= tokens.length) return;
        input.value = tokens[i++]!;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.form!.requestSubmit();
        gap = (gap * 48271) % 2147483647;
        setTimeout(step, gap % 9);
      };
      step();
    },
    { tokens, seed },
  );

/** Playwright-driven edits (agenda items, one in five an issue) until the kill; returns those handled. */
async function driveBurst(
  page: Page,
  round: number,
  kinds: Kind[],
  saved: Set<string>,
  killed: () => boolean,
) {
  const handled: string[] = [];
  let polled = 0;
  try {
    for (let i = 0; !killed() && i < kinds.length; i++) {
      const kind = kinds[i]!;
      const token = title(kind, round, i);
      // Listed before it is tried: the kill may land after the app handled it, before we heard.
      made.push({ token, kind, round });
      await edit(page, kind, token);
      handled.push(token);
      // Polling between edits: "saved" now covers every edit handled so far.
      const status = await page.locator(".save-status").getAttribute("class", { timeout: 1_000 });
      if (status?.split(" ").includes("saved")) {
        handled.forEach((t) => saved.add(t));
        polled = handled.length;
      }
    }
  } catch {
    // The browser died under the edit: it may or may not have been handled.
  }
  return `${handled.length} handled, ${polled} seen saved by polling`;
}

describe("crash safety", () => {
  it(`keeps every edit reported saved across ${ROUNDS} SIGKILLs mid-edit (seed ${SEED})`, async () => {
    console.log(`crash test: seed ${SEED}, ${ROUNDS} rounds (replay: CRASH_SEED=${SEED})`);
    const started = performance.now();
    // Round 0: the sample session, saved and with the app's service worker in place, then a kill.
    let page = await relaunch(() => {});
    sessionId = await openSampleSession(page, server.url);
    await waitForServiceWorker(page);
    // Nearly DEFAULT_COMPACT_AFTER (500) rows, each its own write, so bursts soon trigger a compaction.
    await page.evaluate(async () => {
      for (let i = 0; i < 470; i++) {
        document.querySelector<HTMLButtonElement>(".agenda-list .status-chip")!.click();
        await new Promise((resolve) => setTimeout(resolve, 8));
      }
    });
    await page.locator(".save-status.saved").waitFor();
    console.log(`round 0: sample session, ${(await storedRows(page)).updates} rows`);
    await tablet!.kill();

    const stats: string[] = [];
    try {
      for (let round = 1; round <= ROUNDS + 1; round++) {
        const savedNow = new Set<string>();
        page = await relaunch((tokens) => tokens.forEach((t) => savedNow.add(t)));
        const { present, from } = await openAndCheck(page, round);
        if (round > 1) stats[stats.length - 1] += `; ${present.length} there after relaunch (from ${from})`;
        if (round > ROUNDS) {
          // The last relaunch only checks, once more after a pause: rows found damaged on load are set
          // aside (and said so) just after the status shows "saved". Earlier rounds: `quarantine` keeps them.
          await page.waitForTimeout(1_500);
          expect((await page.getByRole("alert").allTextContents()).join("")).toBe("");
          expect((await storedRows(page)).quarantine).toBe(0);
          break;
        }

        // The round's plan, drawn before anything timing-dependent, so a seed replays every round's plan.
        const idle = idleBefore();
        const rapid = random() < 0.35;
        const delay = idle > 0 ? idle - 300 + Math.round(random() * 700) : killDelay();
        const rapidSeed = 1 + Math.floor(random() * 1e6);
        const kinds = Array.from({ length: 200 }, (): Kind => (random() < 0.8 ? "agenda" : "issue"));
        await watchSaves(page);
        let killedAt = -1;
        const t0 = performance.now();
        const killing = new Promise<void>((resolve) =>
          setTimeout(() => {
            killedAt = performance.now() - t0;
            void tablet!.kill().then(resolve);
          }, delay),
        );
        if (idle > 0) await page.waitForTimeout(idle).catch(() => {});
        let detail: string;
        if (killedAt >= 0) detail = "killed while idle";
        else if (rapid) {
          const tokens = Array.from({ length: RAPID_MAX }, (_, i) => title("agenda", round, i));
          // All listed up front: the test cannot hear which ones the page got to before the kill.
          for (const token of tokens) made.push({ token, kind: "agenda", round });
          await rapidBurst(page, tokens, rapidSeed).catch(() => {});
          detail = "rapid";
        } else {
          detail = await driveBurst(page, round, kinds, savedNow, () => killedAt >= 0);
        }
        await killing;
        const saved = made.filter((e) => e.round === round && savedNow.has(e.token)).length;
        for (const t of savedNow) durable.add(t);
        stats.push(
          `round ${round}: ${idle ? `idle ${idle} ms then edits, ` : ""}kill at ${Math.round(killedAt)} ms ` +
            `(drawn ${delay}), ${detail}, ${saved} reported saved`,
        );
      }
    } finally {
      console.log(stats.join("\n"));
    }
    console.log(`crash test: ${durable.size} edits kept, ${Math.round(performance.now() - started)} ms`);
    await tablet!.close();
    tablet = undefined;
  }, 240_000);
});
