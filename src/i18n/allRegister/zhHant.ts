// The combined register's messages in Traditional Chinese (loaded with its dictionary, typed against the master).
import type { AllRegisterMessages } from "./zh.ts";

export const allRegisterZhHant: AllRegisterMessages = {
  "allRegister.link": "所有社區的台帳",
  "allRegister.heading": "所有社區的台帳",
  "allRegister.scope": "本平板上的 {n, plural, other {# 個社區}}",
  "allRegister.listLabel": "所有社區的台帳事項",
  "allRegister.zones": "今天和逾期按各社區自己的時區計算。",
  "allRegister.talkPointOf": "{community} · {name}",
  "allRegister.noCommunities": "這台平板上還沒有社區。",
  "allRegister.figureLink": "{figure}：在所有社區的台帳中查看這 {n, plural, other {# 件事項}}",
  "allRegister.figureLinkShort": "在所有社區的台帳中查看",
};
