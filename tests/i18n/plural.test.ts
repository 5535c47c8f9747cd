// Plural forms chosen by each language's rules (Intl.PluralRules), not by "n === 1".
import { describe, expect, it } from "vitest";
import { format, selectPlurals } from "../../src/i18n/i18n.ts";

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
});
