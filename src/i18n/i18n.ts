// Translation: the active language as a signal, `t(key, params)` with {name} placeholders, and date formatting.
import { createSignal } from "solid-js";
import { zh, type Messages } from "./zh.ts";
import { en } from "./en.ts";

export type Lang = "zh" | "en";
export type MessageKey = keyof Messages;

export const DICTIONARIES: Record<Lang, Messages> = { zh, en };
const LOCALES: Record<Lang, string> = { zh: "zh-CN", en: "en-GB" };
const STORAGE_KEY = "yishi.lang";

function initialLang(): Lang {
  if (typeof location !== "undefined") {
    const fromUrl = new URLSearchParams(location.search).get("lang");
    if (fromUrl === "zh" || fromUrl === "en") return fromUrl;
  }
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === "en" ? "en" : "zh";
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());
export { lang };

/** Switches the UI language and remembers it on this device. */
export function setLang(next: Lang): void {
  setLangSignal(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode or full storage: the choice lasts for this visit only.
  }
  if (typeof document !== "undefined") document.documentElement.lang = LOCALES[next];
}

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The message `key` in `language` (default: the UI language). */
export function translate(language: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return format(DICTIONARIES[language][key], params);
}

/**
 * The message `key` in the UI language; reactive when read inside JSX or an effect.
 * @example t("vote.count", { n: 3 })
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(lang(), key, params);
}

/** Dates and times in the UI language. */
export function formatDateTime(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(
    LOCALES[lang()],
    options ?? { dateStyle: "medium", timeStyle: "short" },
  ).format(d);
}

export function formatDate(value: Date | string | number): string {
  return formatDateTime(value, { dateStyle: "medium" });
}
