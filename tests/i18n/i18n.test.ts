import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { zh } from "../../src/i18n/zh.ts";
import { ug } from "../../src/i18n/ug.ts";
import { zhHant } from "../../src/i18n/zhHant.ts";
import { dateFormatter, dirOf, format, LANGS, translate } from "../../src/i18n/i18n.ts";
import { MINUTES_STRINGS } from "../../src/export/minutesStrings.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const uiFiles = [...files("src/ui"), "src/App.tsx"].filter((f) => f.endsWith(".tsx"));
/** The values a message uses: {name} and the count of a {n, plural, …} (whichever forms a language has). */
const placeholders = (s: string) =>
  [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe("dictionaries", () => {
  it.each([
    ["Traditional Chinese", zhHant],
    ["English", en],
    ["Uyghur", ug],
  ])("%s has exactly the Chinese keys, each non-empty, with the same placeholders", (_, dict) => {
    expect(Object.keys(dict).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(dict[key].trim(), key).not.toBe("");
      expect(placeholders(dict[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it("the minutes' wording has the same keys and placeholders in every language", () => {
    for (const lang of LANGS) {
      expect(Object.keys(MINUTES_STRINGS[lang]).sort(), lang).toEqual(Object.keys(MINUTES_STRINGS.zh).sort());
      for (const [key, text] of Object.entries(MINUTES_STRINGS[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe("");
        expect(placeholders(text), `${lang} ${key}`).toEqual(
          placeholders(MINUTES_STRINGS.zh[key as keyof typeof MINUTES_STRINGS.zh]),
        );
      }
    }
  });

  it("Uyghur is written right to left, in Arabic script, with each value isolated", () => {
    expect(LANGS.map(dirOf)).toEqual(["ltr", "ltr", "ltr", "rtl"]);
    // A date inside Uyghur text would otherwise be reordered (2024-01-26 shown as 26-01-2024).
    expect(translate("ug", "vote.countOf", { option: "赞成", n: 3 })).toContain("\u2068赞成\u2069");
    expect(translate("ug", "vote.countOf", { option: "赞成", n: 3 })).toContain("\u20683\u2069");
    expect(translate("en", "vote.countOf", { option: "For", n: 3 })).toBe("For: 3");
    // Uyghur is written in Arabic script, not transliterated.
    expect(Object.values(ug).filter((text) => /[\u0600-\u06ff]/.test(text)).length).toBeGreaterThan(
      Object.keys(ug).length * 0.9,
    );
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

describe("dates", () => {
  it("are formatted per language, cached, and numeric where Intl has no data for the language", () => {
    const d = new Date(2024, 0, 21, 14, 5);
    expect(dateFormatter("zh", { dateStyle: "medium" })(d)).toBe("2024年1月21日");
    expect(dateFormatter("en", { dateStyle: "medium" })).toBe(dateFormatter("en", { dateStyle: "medium" }));
    const supported = Intl.DateTimeFormat.supportedLocalesOf;
    Intl.DateTimeFormat.supportedLocalesOf = () => []; // as in Chromium, which has no Uyghur data
    try {
      expect(dateFormatter("ug", { dateStyle: "short", timeStyle: "short" })(d)).toBe("2024-01-21 14:05");
      expect(dateFormatter("ug", { dateStyle: "full" })(d)).toBe("2024-01-21");
    } finally {
      Intl.DateTimeFormat.supportedLocalesOf = supported;
    }
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
