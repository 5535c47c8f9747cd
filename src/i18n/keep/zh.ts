// Messages of keeping data safe: the only-copy warning, a community's backup, and whether the browser keeps
// this tablet's storage. Chinese: the master; English, Traditional Chinese and Uyghur are typed against it.
export const keepZh = {
  "keep.onlyCopy.heading": "只有这台平板保存着本社区",
  "keep.onlyCopy.explain":
    "本社区没有设置中转服务器，{days, plural, other {# 天}}内也没有见到本社区的其他平板。这台平板丢失或损坏，社区的全部内容就没有了。请导出备份，保存到别处。",
  "keep.export": "导出备份",
  "keep.exportOf": "导出「{name}」的备份",
  "keep.exporting": "正在导出…",
  "keep.imported": "已导入「{name}」的备份。",
  "keep.tooLarge": "文件太大（超过 200 MB），不是议事归档或社区备份。没有导入任何内容。",
  "keep.importHint": "社区的备份文件也在这里导入。",
  "keep.persisted.yes": "浏览器保留本机存储：是",
  "keep.persisted.no": "浏览器保留本机存储：否（存储空间紧张时，浏览器可能清除它）",
  "keep.askAgain": "再问一次",
  "keep.persistAgain": "再次请求浏览器保留本机存储",
} as const;

export type KeepMessages = Record<keyof typeof keepZh, string>;
