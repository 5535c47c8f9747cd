// The built app served by the real server: the page loads and the signalling endpoint answers on the same origin.
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.ts";
import { startAppServer, type AppServer } from "../helpers/appServer.ts";

let server: AppServer;
let browser: LaunchedBrowser;
beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("loads the app and reaches the signalling endpoint over WebSocket", async () => {
  const response = await browser.page.goto(server.url);
  expect(response?.status()).toBe(200);
  expect(await browser.page.title()).toContain("Yishi");
  await browser.page.getByRole("button", { name: "用示例数据试一试" }).waitFor();
  const pong = await browser.page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const ws = new WebSocket(location.origin.replace("http", "ws") + "/signal");
        ws.onopen = () => ws.send(JSON.stringify({ type: "ping" }));
        ws.onmessage = (e) => resolve(String(e.data));
        ws.onerror = () => reject(new Error("websocket failed"));
      }),
  );
  expect(JSON.parse(pong)).toEqual({ type: "pong" });
});
