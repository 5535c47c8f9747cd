// The first steps of a two-tablet community test: tablet A makes a community, tablet B pairs with it.
import type { Page } from "playwright-core";

/**
 * A makes community `name` (English UI) and an invitation for a staff tablet; B pairs with it as a grid
 * worker named `deviceName` and opens the community. Resolves to the community's id and the invitation.
 */
export async function makeAndPairCommunity(
  baseUrl: string,
  a: Page,
  b: Page,
  name = "老城路社区",
  deviceName = "网格员平板",
): Promise<{ communityId: string; code: string }> {
  await a.goto(`${baseUrl}/?lang=en#/community/new`);
  const form = a.getByRole("form", { name: "New community" });
  await form.getByLabel("Community").fill(name);
  await form.getByRole("button", { name: "Create community" }).click();
  await a.getByRole("heading", { level: 1, name }).waitFor();
  const communityId = decodeURIComponent(new URL(a.url()).hash.split("/")[2]!);
  await a.getByRole("button", { name: "Pair another tablet" }).click();
  const code = await invite(a, "staff");
  await b.goto(`${baseUrl}/?lang=en#/pair/${code}`);
  await b.getByLabel("Grid worker").check();
  await b.getByLabel("Device name").fill(deviceName);
  await b.getByRole("button", { name: "Pair", exact: true }).click();
  await b.getByRole("heading", { level: 1, name }).waitFor({ timeout: 30_000 });
  return { communityId, code };
}

/** On A's community page (pairing started): makes an invitation for a `role` tablet and returns its code. */
export async function invite(a: Page, role: "staff" | "display"): Promise<string> {
  await a
    .getByRole("button", { name: role === "staff" ? "Invite a staff tablet" : "Invite a display" })
    .click();
  const shown = a.locator(".pairing .share-code");
  await shown.waitFor();
  return (await shown.textContent())!.replace("Invitation code", "").trim();
}
