import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { zh } from "../../src/i18n/zh.ts";
import { format, translate } from "../../src/i18n/i18n.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const uiFiles = [...files("src/ui"), "src/App.tsx"].filter((f) => f.endsWith(".tsx"));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("English has exactly the Chinese keys, each non-empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(translate("en", "vote.countOf", { option: "For", n: 3 })).toBe("For: 3");
    expect(translate("zh", "vote.countOf", { option: "赞成", n: 3 })).toBe("赞成：3 票");
  });

  it("every key the UI names literally exists", () => {
    const used = new Set<string>();
    for (const file of [...uiFiles, ...files("src/reactive")]) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\("([\w.]+)"|key: "([\w.]+)"/g))
        used.add(m[1] ?? m[2]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(zh, key).toHaveProperty([key]);
  });
});

describe("no hard-coded text in components", () => {
  // JSX text between tags may hold only symbols (×, ↑, −, +, ·); words must come from t().
  it.each(uiFiles)("%s", (file) => {
    const source = readFileSync(file, "utf8");
    const texts = [...source.matchAll(/>([^<>{}]*)</g)].map((m) => m[1]!.trim()).filter(Boolean);
    const words = texts.filter(
      (text) => /[A-Za-z\u3400-\u9fff\u0600-\u06ff]/.test(text) && !/[=;()]/.test(text),
    );
    expect(words).toEqual([]);
    // Attributes a user sees or hears.
    expect(source.match(/(aria-label|placeholder|title)="[^"]*[A-Za-z\u3400-\u9fff][^"]*"/g) ?? []).toEqual(
      [],
    );
  });
});
