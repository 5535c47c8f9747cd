import { For } from "solid-js";
import { lang, LANGS, LOCALES, setLang, t } from "../../i18n/i18n.ts";

/** The UI language, switchable at any time; each language is named in itself. */
export function LangSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t("lang.choose")}>
      <For each={LANGS}>
        {(l) => (
          <button type="button" lang={LOCALES[l]} aria-pressed={lang() === l} onClick={() => setLang(l)}>
            {t(`lang.${l}`)}
          </button>
        )}
      </For>
    </div>
  );
}
