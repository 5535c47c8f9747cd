// A message of over 20 MB (a large workspace's first sync) between two Chromium processes over a real data
// channel, through the app's chunked sender: Chromium's send throws once 16 MiB are queued on a channel, so
// the sender must wait for the channel to drain. It arrives whole, in order with what was sent after it.
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { serveBuiltPage, type ServedPage } from "../helpers/benchPage.ts";

const TIMEOUT = 120_000;
const BYTES = 21 * 1024 * 1024;

interface PageState {
  connected: boolean;
  received: { length: number; hash: number }[];
  errors: string[];
}
const state = (page: Page) => page.evaluate(() => (window as unknown as { state(): PageState }).state());

let served: ServedPage;
let a: LaunchedBrowser;
let b: LaunchedBrowser;

beforeAll(async () => {
  served = await serveBuiltPage(resolve("tests/e2e/bigMessage"));
  [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
  await Promise.all([a.page.goto(served.url), b.page.goto(served.url)]);
}, TIMEOUT);
afterAll(async () => {
  await Promise.all([a, b].map((t) => t?.close()));
  await served?.close();
}, TIMEOUT);

/** Carries the signalling between the two pages until both are connected. */
async function connect(): Promise<void> {
  type Signalling = { start(i: boolean): void; takeSignals(): string[]; signal(s: string): void };
  await a.page.evaluate(() => (window as unknown as Signalling).start(true));
  await b.page.evaluate(() => (window as unknown as Signalling).start(false));
  const end = Date.now() + 30_000;
  while (!((await state(a.page)).connected && (await state(b.page)).connected)) {
    if (Date.now() > end) throw new Error("the pages did not connect");
    for (const [from, to] of [
      [a.page, b.page],
      [b.page, a.page],
    ] as const) {
      const signals = await from.evaluate(() => (window as unknown as Signalling).takeSignals());
      for (const s of signals) await to.evaluate((x) => (window as unknown as Signalling).signal(x), s);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the chunked sender over a real data channel", () => {
  it(
    "sends 21 MiB without throwing, and it arrives whole before the message sent after it",
    async () => {
      await connect();
      type Sender = { sendBig(n: number): { sent?: PageState["received"]; thrown?: string } };
      const result = await a.page.evaluate((n) => (window as unknown as Sender).sendBig(n), BYTES);
      expect(result.thrown).toBeUndefined();
      await expect.poll(async () => (await state(b.page)).received.length, { timeout: 60_000 }).toBe(2);
      const got = await state(b.page);
      expect(got.received).toEqual(result.sent);
      expect(got.errors).toEqual([]);
      expect((await state(a.page)).errors).toEqual([]);
    },
    TIMEOUT,
  );
});
