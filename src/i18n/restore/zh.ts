// Messages of the tablet's backup copy: restoring after the browser lost its storage, and its state.
// Chinese: the master; English, Traditional Chinese and Uyghur are typed against its keys.
export const restoreZh = {
  "restore.done":
    "这台平板的浏览器丢失了存储的数据；已从平板的备份副本恢复全部内容：{talkPoints} 个说事点，{sessions} 次议事。",
  "restore.recovered": "已从平板的备份副本找回 {n} 个议事或台账中数据库没有保存下来的修改。",
  "restore.waiting": "仍在等待配对的平板或中继发回这些社区：{names}。",
  "restore.nothing":
    "这台平板的浏览器丢失了存储的数据，也没有找到备份副本。配对的平板和中继会把社区的内容发回来。",
  "restore.failed": "无法从备份副本恢复：{error}",
  "backup.heading": "备份副本",
  "backup.on": "每次保存同时写入平板上的第二份副本（浏览器丢失数据库时用它恢复）。",
  "backup.unavailable": "此浏览器不能保存第二份副本：请定期导出备份。",
  "backup.starting": "正在检查备份副本…",
} as const;

export type RestoreMessages = Record<keyof typeof restoreZh, string>;
