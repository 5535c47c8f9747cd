// Opening a session from its stored view, in real Chromium with real IndexedDB: the first paint shows the
// view, the Yjs state loaded after it shows the same, and an edit made at once is kept.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { openSampleSession } from "../helpers/sample.ts";

let server: AppServer;
let tablet: LaunchedBrowser;
beforeAll(async () => {
  server = await startAppServer();
  tablet = await launchBrowser();
});
afterAll(async () => {
  await tablet?.close();
  await server?.close();
});

/** Agenda titles in the stored view of session `id` (null when there is none). */
const storedViewAgenda = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      new Promise<string[] | null>((ok, fail) => {
        const req = indexedDB.open("yishi");
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction("views").objectStore("views").get(id);
          get.onsuccess = () => {
            req.result.close();
            const data = get.result?.data as { agenda: { title: string }[] } | undefined;
            ok(data ? data.agenda.map((a) => a.title) : null);
          };
        };
      }),
    id,
  );

const marks = (page: Page) => page.evaluate(() => performance.getEntriesByType("mark").map((m) => m.name));

it("paints the stored view first, loads the same state after it, and keeps an edit made at once", async () => {
  const page = tablet.page;
  const id = await openSampleSession(page, server.url);
  await page.getByLabel("New agenda item").fill("视图之后的议题");
  await page.getByRole("button", { name: "Add", exact: true }).first().click();
  await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();
  // The view follows the rows a moment after the write.
  await expect.poll(() => storedViewAgenda(page, id)).toContain("视图之后的议题");

  // The agenda as the first frame that shows it has it, recorded by a probe that runs before the app.
  await page.addInitScript(`window.firstAgenda = new Promise((resolve) => {
    const check = () => {
      const items = document.querySelectorAll(".agenda-list > li .agenda-title");
      if (items.length > 0) resolve([...items].map((b) => b.textContent));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });`);
  await page.reload();
  const first = await page.evaluate(
    () => (window as unknown as { firstAgenda: Promise<string[]> }).firstAgenda,
  );
  expect(first.some((title) => title.includes("视图之后的议题"))).toBe(true);
  expect(await marks(page)).toContain("yishi:session-view");

  // An edit straight away: it lands on the loaded session, after the sample's agenda.
  await page.getByLabel("New agenda item").fill("马上加的议题");
  await page.getByRole("button", { name: "Add", exact: true }).first().click();
  await expect.poll(() => marks(page)).toContain("yishi:session-loaded");
  const titles = () => page.locator(".agenda-list .agenda-title").allTextContents();
  await expect.poll(titles).toEqual([...first, `${first.length + 1}. 马上加的议题`]);
  await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();

  // Both edits are stored: a reload (from the view or not) shows them in the same order.
  await page.reload();
  await expect.poll(titles).toEqual([...first, `${first.length + 1}. 马上加的议题`]);
  await expect.poll(() => marks(page)).toContain("yishi:session-loaded");
  expect(await titles()).toEqual([...first, `${first.length + 1}. 马上加的议题`]);
});
