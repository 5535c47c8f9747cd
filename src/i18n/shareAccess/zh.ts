// Messages of a session shared by its code: the staff code (may change the session) and the display code
// (shows only). Chinese: the master; English, Traditional Chinese and Uyghur are typed against its keys.
export const shareAccessZh = {
  "shareAccess.staffHeading": "给另一台工作平板",
  "shareAccess.staffExplain": "持有这个码的平板可以修改这次议事，只交给工作人员。",
  "shareAccess.displayHeading": "给群众看的展示屏",
  "shareAccess.displayExplain": "这个码只能用来查看：持有它的设备所做的修改，其他平板一律不接受。",
  "shareAccess.staffCode": "工作平板加入码",
  "shareAccess.displayCode": "展示屏加入码",
  "shareAccess.staffLink": "工作平板的加入链接",
  "shareAccess.displayLink": "展示屏的加入链接",
  "shareAccess.staffQr": "工作平板加入链接的二维码",
  "shareAccess.displayQr": "展示屏加入链接的二维码",
  "shareAccess.upgraded": "这次议事有了新的工作平板加入码：其他工作平板须用新码重新加入。",
  "shareAccess.displayOnly": "这是展示屏加入码：本机将作为展示屏加入，只能查看。",
  "join.badCode": "加入码无效：应为 16 位或 26 位字母和数字。",
};

export type ShareAccessMessages = Record<keyof typeof shareAccessZh, string>;
