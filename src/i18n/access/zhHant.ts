// The members' and invitations' messages in Traditional Chinese (typed against the master).
import type { AccessMessages } from "./zh.ts";

export const accessZhHant: AccessMessages = {
  "access.heading": "本社區的平板",
  "access.explain":
    "只有名單上的工作平板能修改社區的內容；展示屏只能顯示。移除一台平板後，其他平板不再向它發送任何內容，也不再接受它的修改。",
  "access.inviteStaff": "邀請一台工作平板",
  "access.inviteDisplay": "邀請一台展示屏",
  "access.invitation.staff": "工作平板的邀請（24 小時內有效，只能用一次）",
  "access.invitation.display": "展示屏的邀請（24 小時內有效，只能用一次）",
  "access.invitationInstructions": "在另一台平板上掃描 QR 碼，或在首頁「與社區配對」中輸入邀請碼：",
  "access.invitationCode": "邀請碼",
  "access.invitationQr": "邀請連結的 QR 碼",
  "access.expires": "有效至 {time}",
  "access.withdraw": "撤回邀請 {code}",
  "access.openInvitations": "{count, plural, other {還有 # 個邀請有效}}",
  "access.members": "名單",
  "access.role.staff": "工作平板",
  "access.role.display": "展示屏",
  "access.online": "在線",
  "access.notSeen": "本次未見",
  "access.lastSeen": "最後在線 {time}",
  "access.thisTablet": "本機",
  "access.removed": "已移除",
  "access.remove": "移除 {name}",
  "access.removeConfirm": "移除「{name}」？它將不能再收到或修改本社區的任何內容。此操作無法復原。",
  "access.unnamed": "未命名平板",
  "access.strangers": "請求加入的平板",
  "access.strangerExplain":
    "這些平板持有本社區的配對碼，但不在名單上（例如升級前配對的平板）。只接納你認得的平板。",
  "access.admitStaff": "接納 {name} 為工作平板",
  "access.admitDisplay": "接納 {name} 為展示屏",
  "access.turnAway": "拒絕 {name}",
  "access.displayNoInvite": "展示屏不能邀請其他平板。",
  "access.repairDisplay": "這台展示屏需要重新配對：請在工作平板上產生「展示屏的邀請」。",
  "access.oldCode": "這是舊版本的配對碼，已不能加入社區。請在社區的工作平板上產生一個邀請。",
};
