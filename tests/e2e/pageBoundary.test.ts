// A page that fails to render shows a translated message, never a blank screen, and still gives the session's
// archive: here a stored view damaged on disk (it passes the cheap shape check but breaks the agenda).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";
import { openSampleSession } from "../helpers/sample.ts";
import { loadArchive } from "../../src/export/archive.ts";

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

it("shows a message with retry, home and the session's archive when the session page throws", async () => {
  const page = tablet.page;
  const id = await openSampleSession(page, server.url);
  await page.getByRole("status").filter({ hasText: "Saved on this device" }).waitFor();
  await page.getByRole("button", { name: "Home" }).click();
  // Damage the stored view: the right keys and shape for the cheap check, a null where an agenda item goes.
  await page.evaluate(
    (id) =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open("yishi");
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(["views"], "readwrite");
          const views = tx.objectStore("views");
          const get = views.get(id);
          get.onsuccess = () => {
            const view = get.result as { data: { agenda: unknown[] } };
            view.data.agenda = [null];
            views.put(view);
          };
          tx.oncomplete = () => {
            req.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    id,
  );
  await page.goto(`${server.url}/?lang=en#/session/${encodeURIComponent(id)}`);
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be shown" });
  await alert.waitFor();
  await page.getByText("Nothing saved on this tablet is lost.", { exact: false }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export this session's archive" }).click(),
  ]);
  const loaded = loadArchive(readFileSync((await download.path())!, "utf8"));
  expect(loaded.ok).toBe(true);
  if (loaded.ok) expect(loaded.session.meta.id).toBe(id);

  await page.getByRole("button", { name: "Home" }).click();
  await page
    .getByRole("button", { name: "Try with sample data" })
    .or(page.locator(".session-link"))
    .first()
    .waitFor();
});
