// UI tests in English on happy-dom: each test's mounted screens are disposed and the page emptied after it,
// and the app's language goes back to Chinese.
import { afterEach, beforeEach } from "vitest";
import { setLang } from "../../src/i18n/i18n.ts";

/** Registers the hooks; push each `render(...)` disposer onto the returned list. */
export function englishDom(): (() => void)[] {
  const cleanups: (() => void)[] = [];
  beforeEach(() => setLang("en"));
  afterEach(() => {
    cleanups.splice(0).forEach((c) => c());
    document.body.innerHTML = "";
    setLang("zh");
  });
  return cleanups;
}
