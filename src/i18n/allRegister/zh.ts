// Messages of the combined register (every community on this tablet, the subdistrict office's view) and of
// the links to it from the home screen and the report.
// Chinese: the master; English and Uyghur (loaded with their dictionaries) are typed against its keys.
export const allRegisterZh = {
  "allRegister.link": "所有社区的台账",
  "allRegister.heading": "所有社区的台账",
  "allRegister.scope": "本平板上的 {n, plural, other {# 个社区}}",
  "allRegister.listLabel": "所有社区的台账事项",
  "allRegister.zones": "今天和逾期按各社区自己的时区计算。",
  "allRegister.talkPointOf": "{community} · {name}",
  "allRegister.noCommunities": "这台平板上还没有社区。",
  "allRegister.figureLink": "{figure}：在所有社区的台账中查看这 {n, plural, other {# 件事项}}",
  "allRegister.figureLinkShort": "在所有社区的台账中查看",
};

export type AllRegisterMessages = Record<keyof typeof allRegisterZh, string>;
