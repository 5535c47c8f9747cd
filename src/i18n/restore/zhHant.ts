import type { RestoreMessages } from "./zh.ts";

export const restoreZhHant: RestoreMessages = {
  "restore.done":
    "這台平板的瀏覽器遺失了儲存的資料；已從平板的備份副本還原全部內容：{talkPoints} 個說事點，{sessions} 次議事。",
  "restore.recovered": "已從平板的備份副本找回 {n} 個議事或台賬中資料庫沒有儲存下來的修改。",
  "restore.waiting": "仍在等待配對的平板或中繼傳回這些社區：{names}。",
  "restore.nothing":
    "這台平板的瀏覽器遺失了儲存的資料，也沒有找到備份副本。配對的平板和中繼會把社區的內容傳回來。",
  "restore.failed": "無法從備份副本還原：{error}",
  "backup.heading": "備份副本",
  "backup.on": "每次儲存同時寫入平板上的第二份副本（瀏覽器遺失資料庫時用它還原）。",
  "backup.unavailable": "此瀏覽器不能儲存第二份副本：請定期匯出備份。",
  "backup.starting": "正在檢查備份副本…",
};
