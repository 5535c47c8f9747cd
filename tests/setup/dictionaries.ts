// Unit tests read every language (minutes in English, Uyghur checks): load the dictionaries the app loads on
// demand before any test runs.
import { allDictionaries } from "../../src/i18n/i18n.ts";

await allDictionaries();
