// Chinese input through a real IME protocol (Chromium's CDP): the pinyin shown while composing is never
// written to the document or stored, only the characters chosen at the end.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CDPSession, Page } from "playwright-core";
import * as Y from "yjs";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { openSampleSession } from "../helpers/sample.ts";

let server: AppServer;
let tablet: LaunchedBrowser;
let secretary: LaunchedBrowser | undefined;
beforeAll(async () => {
  server = await startAppServer();
  tablet = await launchBrowser();
});
afterAll(async () => {
  await Promise.all([tablet?.close(), secretary?.close()]);
  await server?.close();
});

/** Session `id`'s stored update rows after key `after`, oldest first. */
const rowsAfter = async (page: Page, id: string, after: number) =>
  (
    await page.evaluate(
      (id) =>
        new Promise<[number, number[]][]>((ok, fail) => {
          const req = indexedDB.open("yishi");
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const index = req.result.transaction("updates").objectStore("updates").index("bySession");
            const keys = index.getAllKeys(id);
            const rows = index.getAll(id);
            rows.onsuccess = () => {
              req.result.close();
              const updates = (rows.result as { update: Uint8Array }[]).map((r) => [...r.update]);
              ok((keys.result as number[]).map((key, i) => [key, updates[i]!]));
            };
          };
        }),
      id,
    )
  )
    .filter(([key]) => key > after)
    .map(([key, bytes]) => ({ key, update: Uint8Array.from(bytes) }));

/** Every string the rows insert, deleted since or not (a row keeps what its edit inserted). */
const insertedStrings = (rows: { update: Uint8Array }[]) =>
  rows.flatMap(({ update }) =>
    Y.decodeUpdate(update).structs.flatMap((s) =>
      s instanceof Y.Item && s.content instanceof Y.ContentString ? [s.content.str] : [],
    ),
  );

/** Types `pinyin` letter by letter as an IME composition, then commits `chosen`. */
async function compose(cdp: CDPSession, pinyin: string, chosen: string) {
  for (let n = 1; n <= pinyin.length; n++) {
    const text = pinyin.slice(0, n);
    await cdp.send("Input.imeSetComposition", { text, selectionStart: n, selectionEnd: n });
  }
  await cdp.send("Input.insertText", { text: chosen });
}

it("stores the chosen characters and none of the pinyin typed on the way", async () => {
  const page = tablet.page;
  const id = await openSampleSession(page, server.url);
  await page.getByRole("tab", { name: /Notes/ }).click();
  const notes = page.getByRole("textbox", { name: "Session notes" });
  await notes.fill("会议记录：");
  await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();
  const last = Math.max(...(await rowsAfter(page, id, -1)).map((r) => r.key));

  await notes.focus();
  await notes.press("End");
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, "zhong", "中");
  await compose(cdp, "wen", "文");
  await expect.poll(() => notes.inputValue()).toBe("会议记录：中文");
  await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();
  await expect.poll(async () => insertedStrings(await rowsAfter(page, id, last)).join("")).toBe("中文");

  // What was stored is what a reload shows.
  await page.reload();
  await page.getByRole("tab", { name: /Notes/ }).click();
  await expect
    .poll(() => page.getByRole("textbox", { name: "Session notes" }).inputValue())
    .toBe("会议记录：中文");
});

it("keeps a composition on screen while a peer types, and keeps both once it ends", async () => {
  const page = tablet.page;
  const id = decodeURIComponent(new URL(page.url()).hash.split("/")[2]!);
  await page.getByRole("button", { name: /Not shared/ }).click();
  await page.locator(".share-code").waitFor();
  const code = (await page.locator(".share-code").textContent())!.trim();
  secretary = await launchBrowser();
  const other = secretary.page;
  await other.goto(`${server.url}/?lang=en#/join/${code}`);
  await other.getByRole("radio", { name: /^Secretary/ }).check();
  await other.getByLabel("Device name").fill("书记平板");
  await other.getByRole("button", { name: "Join", exact: true }).click();
  await other.getByRole("tab", { name: /Notes/ }).click({ timeout: 20_000 });
  const theirs = other.getByRole("textbox", { name: "Session notes" });
  await expect.poll(() => theirs.inputValue(), { timeout: 20_000 }).toBe("会议记录：中文");

  await page.getByRole("tab", { name: /Notes/ }).click();
  const notes = page.getByRole("textbox", { name: "Session notes" });
  await notes.focus();
  await notes.press("End");
  const last = Math.max(...(await rowsAfter(page, id, -1)).map((r) => r.key));
  const cdp = await page.context().newCDPSession(page);
  for (const text of ["z", "zh"])
    await cdp.send("Input.imeSetComposition", { text, selectionStart: 2, selectionEnd: 2 });

  // The peer writes at the start while this tablet is composing at the end; its edit arrives and is stored.
  await theirs.press("Control+Home");
  await theirs.pressSequentially("AB");
  await expect
    .poll(async () => insertedStrings(await rowsAfter(page, id, last)).join(""), { timeout: 20_000 })
    .toBe("AB");
  expect(await notes.inputValue()).toBe("会议记录：中文zh");

  await cdp.send("Input.insertText", { text: "国" });
  await expect.poll(() => notes.inputValue()).toBe("AB会议记录：中文国");
  expect(await notes.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
    "AB会议记录：中文国".length,
  );
  await expect.poll(() => theirs.inputValue()).toBe("AB会议记录：中文国");
  expect(insertedStrings(await rowsAfter(page, id, last)).join("")).toBe("AB国");
});
