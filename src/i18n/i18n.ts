// Translation: the active language as a signal, `t(key, params)` with {name} placeholders, and date formatting.
import { createSignal } from "solid-js";
import { zh, type Messages } from "./zh.ts";

/**
 * The UI languages, in the order the language switch shows them: Simplified Chinese, Traditional Chinese
 * (`zh-Hant`, also the `?lang=` value), English, Uyghur.
 */
export const LANGS = ["zh", "zh-Hant", "en", "ug"] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof Messages;

/**
 * The dictionaries loaded so far. Simplified Chinese is always here; the others are loaded when first used
 * (`loadLang`), so the start-up bundle carries one language. Until a dictionary is loaded, its language
 * reads Chinese.
 */
const loaded: Partial<Record<Lang, Messages>> = { zh };
const [dictionaries, setDictionaries] = createSignal(0);

/** The dictionary of `language` (Chinese until it is loaded); reactive when read inside JSX or an effect. */
export function dictionary(language: Lang): Messages {
  dictionaries();
  return loaded[language] ?? zh;
}

/** Loads the dictionary of `language` (once); resolves when t() and the minutes can use it. */
export async function loadLang(language: Lang): Promise<void> {
  if (loaded[language]) return;
  loaded[language] =
    language === "en"
      ? (await import("./en.ts")).en
      : language === "ug"
        ? (await import("./ug.ts")).ug
        : (await import("./zhHant.ts")).zhHant;
  setDictionaries((n) => n + 1);
}

/** Every UI dictionary, for checks that compare them (tests): loads them all first. */
export async function allDictionaries(): Promise<Record<Lang, Messages>> {
  await Promise.all(LANGS.map(loadLang));
  return loaded as Record<Lang, Messages>;
}

/** The Chinese dictionary: the master every other one has the keys of. */
export const MASTER: Messages = zh;
/**
 * BCP 47 tags, for `lang` attributes, Intl and Word. Traditional Chinese is "zh-TW": Intl reads it as
 * zh-Hant-TW (dates as a Taiwanese reader writes them, 2024年1月21日 上午10:00), Chromium picks Traditional
 * glyphs for it, and unlike "zh-Hant-TW" it is a language Word and screen readers' voices know by that name.
 */
export const LOCALES: Record<Lang, string> = { zh: "zh-CN", "zh-Hant": "zh-TW", en: "en-GB", ug: "ug-CN" };
const STORAGE_KEY = "yishi.lang";

/** Writing direction of a language: Uyghur is written right to left. */
export function dirOf(language: Lang): "ltr" | "rtl" {
  return language === "ug" ? "rtl" : "ltr";
}

function isLang(value: string | null): value is Lang {
  return (LANGS as readonly (string | null)[]).includes(value);
}

/**
 * The Chinese the browser asks for: Traditional for a zh-Hant* tag or, without a script, for Taiwan, Hong
 * Kong or Macao; Simplified for any other Chinese. The first Chinese tag in the list decides; none: undefined.
 * @example chineseOf(["en-US", "zh-TW", "zh-CN"]) // "zh-Hant"
 */
export function chineseOf(tags: readonly string[]): "zh" | "zh-Hant" | undefined {
  for (const tag of tags) {
    const [language, next] = tag.toLowerCase().split(/[-_]/);
    if (language !== "zh") continue;
    return next === "hant" || next === "tw" || next === "hk" || next === "mo" ? "zh-Hant" : "zh";
  }
  return undefined;
}

/** The language to open in: `?lang=`, else the one chosen on this device, else the browser's Chinese. */
function initialLang(): Lang {
  if (typeof location !== "undefined") {
    const fromUrl = new URLSearchParams(location.search).get("lang");
    if (isLang(fromUrl)) return fromUrl;
  }
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  if (isLang(saved)) return saved;
  const browser = typeof navigator !== "undefined" ? (navigator.languages ?? [navigator.language]) : [];
  return chineseOf(browser) ?? "zh";
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());
export { lang };

/**
 * Switches the UI language (and the page's writing direction) and remembers it on this device. The switch
 * happens once the language's dictionary is loaded (at once for Chinese or a language loaded before).
 */
export function setLang(next: Lang): void {
  if (!loaded[next]) {
    void loadLang(next).then(() => setLang(next));
    return;
  }
  setLangSignal(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode or full storage: the choice lasts for this visit only.
  }
  if (typeof document !== "undefined") {
    document.documentElement.lang = LOCALES[next];
    document.documentElement.dir = dirOf(next);
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();
const PLURAL =
  /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

/**
 * Chooses the plural form of each `{n, plural, one {# issue} other {# issues}}` by the language's plural
 * rules (Intl.PluralRules; `=0` matches exactly); `#` in the chosen form is the number.
 */
export function selectPlurals(
  template: string,
  params: Record<string, string | number>,
  locale: string,
): string {
  if (!template.includes(", plural,")) return template;
  return template.replace(PLURAL, (whole, name: string, branches: string) => {
    const n = Number(params[name]);
    if (!Number.isFinite(n)) return whole;
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1]!, m[2]!]));
    const form = forms.get(`=${n}`) ?? forms.get(rules.select(n)) ?? forms.get("other") ?? "";
    return form.replace(/#/g, `{${name}}`);
  });
}

/** Fills {name} placeholders (after choosing plural forms for `locale`, when given). */
export function format(
  template: string,
  params: Record<string, string | number> = {},
  locale?: string,
): string {
  const chosen = locale ? selectPlurals(template, params, locale) : template;
  return chosen.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * The message `key` in `language` (default: the UI language). In a right-to-left language each value is
 * isolated (FSI…PDI), so a date, code or Chinese name inside Uyghur text keeps its own order.
 */
export function translate(language: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = selectPlurals(dictionary(language)[key], params ?? {}, LOCALES[language]);
  const values =
    params && dirOf(language) === "rtl"
      ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, `\u2068${v}\u2069`]))
      : params;
  return format(template, values);
}

/**
 * The message `key` in the UI language; reactive when read inside JSX or an effect.
 * @example t("vote.count", { n: 3 })
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(lang(), key, params);
}

const formatters = new Map<string, (d: Date) => string>();

/**
 * A date formatter for `language`, in `options.timeZone` (the community's zone; default: the device's). Where
 * the browser has no calendar data for the language (Chromium has none for Uyghur) dates are written as
 * numbers, 2024-01-21 14:00, rather than in another language, read in the same zone.
 */
export function dateFormatter(language: Lang, options: Intl.DateTimeFormatOptions): (d: Date) => string {
  const cacheKey = `${language} ${options.timeZone ?? ""} ${JSON.stringify(options)}`;
  let fmt = formatters.get(cacheKey);
  if (!fmt) {
    const locale = LOCALES[language];
    if (Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0) {
      const intl = new Intl.DateTimeFormat(locale, options);
      fmt = (d) => intl.format(d);
    } else {
      const withTime = options.timeStyle !== undefined;
      // en-CA only supplies the numbers (year, 2-digit month and day, 24-hour time) in the zone.
      const numeric = new Intl.DateTimeFormat("en-CA", {
        timeZone: options.timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
      });
      fmt = (d) => {
        const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
        for (const part of numeric.formatToParts(d)) p[part.type] = part.value;
        const date = `${p.year}-${p.month}-${p.day}`;
        return withTime ? `${date} ${p.hour === "24" ? "00" : p.hour}:${p.minute}` : date;
      };
    }
    formatters.set(cacheKey, fmt);
  }
  return fmt;
}

/**
 * Dates and times in the UI language, in `options.timeZone` when given (the community's zone). Options that
 * name only a zone keep the default style (medium date, short time).
 * @example formatDateTime("2024-01-21T10:00:00+08:00", { timeZone: "Asia/Shanghai" }) // "2024年1月21日 10:00"
 */
export function formatDateTime(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  const styled = options && Object.keys(options).some((k) => k !== "timeZone");
  return dateFormatter(lang(), styled ? options : { dateStyle: "medium", timeStyle: "short", ...options })(d);
}

/** A date in the UI language, in `timeZone` when given (the community's zone). */
export function formatDate(value: Date | string | number, timeZone?: string): string {
  return formatDateTime(
    value,
    timeZone === undefined ? { dateStyle: "medium" } : { dateStyle: "medium", timeZone },
  );
}
