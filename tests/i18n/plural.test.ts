// Plural forms chosen by each language's rules (Intl.PluralRules), not by "n === 1".
import { describe, expect, it } from "vitest";
import { format, selectPlurals, translate } from "../../src/i18n/i18n.ts";

const MESSAGE = "{n, plural, =0 {no issues} one {# issue} other {# issues}} raised at {place}";

describe("plural forms", () => {
  it("choose one / other in English, with =0 exact and # as the number", () => {
    const f = (n: number) => format(MESSAGE, { n, place: "鴻雁小區" }, "en-GB");
    expect([f(0), f(1), f(2), f(21)]).toEqual([
      "no issues raised at 鴻雁小區",
      "1 issue raised at 鴻雁小區",
      "2 issues raised at 鴻雁小區",
      "21 issues raised at 鴻雁小區",
    ]);
  });

  it("use the other form where a language has no singular (Chinese)", () => {
    const zh = "{n, plural, other {# 件}}";
    expect(format(zh, { n: 1 }, "zh-CN")).toBe("1 件");
  });

  it("leave the template alone when the count is missing or not a number", () => {
    expect(selectPlurals(MESSAGE, { n: "x" }, "en-GB")).toBe(MESSAGE);
  });

  it("are used for counts in the English UI: one vote, one device, one saved change", () => {
    expect(translate("en", "vote.count", { n: 1 })).toBe("1 vote");
    expect(translate("en", "vote.count", { n: 3 })).toBe("3 votes");
    expect(translate("en", "sync.connected", { n: 1 })).toBe("Connected to 1 device");
    expect(translate("en", "error.storage.corrupt", { count: 1 })).toMatch(/^1 saved change could/);
  });
});
