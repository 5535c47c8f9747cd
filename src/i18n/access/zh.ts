// Messages of the community's members and invitations: who may write, inviting a tablet, removing one.
// Chinese: the master; English, Traditional Chinese and Uyghur are typed against its keys.
export const accessZh = {
  "access.heading": "本社区的平板",
  "access.explain":
    "只有名单上的工作平板能修改社区的内容；展示屏只能显示。移除一台平板后，其他平板不再向它发送任何内容，也不再接受它的修改。",
  "access.inviteStaff": "邀请一台工作平板",
  "access.inviteDisplay": "邀请一台展示屏",
  "access.invitation.staff": "工作平板的邀请（24 小时内有效，只能用一次）",
  "access.invitation.display": "展示屏的邀请（24 小时内有效，只能用一次）",
  "access.invitationInstructions": "在另一台平板上扫描二维码，或在首页“与社区配对”中输入邀请码：",
  "access.invitationCode": "邀请码",
  "access.invitationQr": "邀请链接的二维码",
  "access.expires": "有效至 {time}",
  "access.withdraw": "撤回邀请 {code}",
  "access.openInvitations": "{count, plural, other {还有 # 个邀请有效}}",
  "access.members": "名单",
  "access.role.staff": "工作平板",
  "access.role.display": "展示屏",
  "access.online": "在线",
  "access.notSeen": "本次未见",
  "access.lastSeen": "最后在线 {time}",
  "access.thisTablet": "本机",
  "access.removed": "已移除",
  "access.remove": "移除 {name}",
  "access.removeConfirm": "移除“{name}”？它将不能再收到或修改本社区的任何内容。此操作不能撤销。",
  "access.unnamed": "未命名平板",
  "access.strangers": "请求加入的平板",
  "access.strangerExplain":
    "这些平板持有本社区的配对码，但不在名单上（例如升级前配对的平板）。只接纳你认得的平板。",
  "access.admitStaff": "接纳 {name} 为工作平板",
  "access.admitDisplay": "接纳 {name} 为展示屏",
  "access.turnAway": "拒绝 {name}",
  "access.displayNoInvite": "展示屏不能邀请其他平板。",
  "access.repairDisplay": "这台展示屏需要重新配对：请在工作平板上生成“展示屏的邀请”。",
  "access.oldCode": "这是旧版本的配对码，已不能加入社区。请在社区的工作平板上生成一个邀请。",
} as const;

export type AccessMessages = Record<keyof typeof accessZh, string>;
