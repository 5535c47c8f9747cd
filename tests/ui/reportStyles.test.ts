import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the report's styles work right to left", () => {
  it("use logical properties only (no left/right), so the Uyghur layout mirrors", () => {
    const css = readFileSync("src/ui/report.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const physical = css.match(
      /(?:margin|padding|border|inset)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|(?:float|text-align|clear)\s*:\s*(?:left|right)/gm,
    );
    expect(physical ?? []).toEqual([]);
  });
});
