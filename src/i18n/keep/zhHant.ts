// Keeping data safe, in Traditional Chinese (typed against the master).
import type { KeepMessages } from "./zh.ts";

export const keepZhHant: KeepMessages = {
  "keep.onlyCopy.heading": "只有這台平板存有本社區",
  "keep.onlyCopy.explain":
    "本社區沒有設定中繼伺服器，{days, plural, other {# 天}}內也沒有見到本社區的其他平板。這台平板遺失或損壞，社區的全部內容就沒有了。請匯出備份，存放到別處。",
  "keep.export": "匯出備份",
  "keep.exportOf": "匯出「{name}」的備份",
  "keep.exporting": "正在匯出…",
  "keep.imported": "已匯入「{name}」的備份。",
  "keep.tooLarge": "檔案太大（超過 200 MB），不是議事封存檔或社區備份。沒有匯入任何內容。",
  "keep.importHint": "社區的備份檔案也在這裡匯入。",
  "keep.persisted.yes": "瀏覽器保留本機儲存空間：是",
  "keep.persisted.no": "瀏覽器保留本機儲存空間：否（儲存空間緊張時，瀏覽器可能清除它）",
  "keep.askAgain": "再問一次",
  "keep.persistAgain": "再次請求瀏覽器保留本機儲存空間",
};
