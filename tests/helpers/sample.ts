// The usual first steps of a browser test: the English home screen, the sample data, its session.
import type { Page } from "playwright-core";

/** Loads the sample data on a fresh tablet and opens its session; resolves to the session's id. */
export async function openSampleSession(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/?lang=en`);
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await page.locator(".session-link").first().click();
  await page.getByRole("heading", { name: "Agenda" }).waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split("/")[2]!);
}
