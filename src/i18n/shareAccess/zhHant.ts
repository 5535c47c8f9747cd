import type { ShareAccessMessages } from "./zh.ts";

export const shareAccessZhHant: ShareAccessMessages = {
  "shareAccess.staffHeading": "給另一台工作平板",
  "shareAccess.staffExplain": "持有這個碼的平板可以修改這次議事，只交給工作人員。",
  "shareAccess.displayHeading": "給居民看的展示屏",
  "shareAccess.displayExplain": "這個碼只能用來檢視：持有它的裝置所做的修改，其他平板一律不接受。",
  "shareAccess.staffCode": "工作平板加入碼",
  "shareAccess.displayCode": "展示屏加入碼",
  "shareAccess.staffLink": "工作平板的加入連結",
  "shareAccess.displayLink": "展示屏的加入連結",
  "shareAccess.staffQr": "工作平板加入連結的 QR 碼",
  "shareAccess.displayQr": "展示屏加入連結的 QR 碼",
  "shareAccess.upgraded": "這次議事有了新的工作平板加入碼：其他工作平板須用新碼重新加入。",
  "shareAccess.displayOnly": "這是展示屏加入碼：本機將以展示屏身分加入，只能檢視。",
  "join.badCode": "加入碼無效：應為 16 位或 26 位英文字母和數字。",
};
