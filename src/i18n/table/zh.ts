// Messages of the session table's screens: buttons named for the record they act on, editing a motion or a
// follow-up, deleting sessions and talk points with undo, the device's name, copying the minutes as text.
// Chinese: the master; English and Uyghur (loaded with their dictionaries) are typed against its keys.
export const tableZh = {
  "issue.toVoteOf": "发起表决：{text}",
  "issue.toFollowUpOf": "转为跟进事项：{text}",
  "issue.editOf": "编辑问题：{text}",
  "issue.deleteOf": "删除问题：{text}",
  "vote.openOf": "开始举手表决：{motion}",
  "vote.closeOf": "结束表决：{motion}",
  "vote.reopenOf": "重新开启表决：{motion}",
  "vote.toFollowUpOf": "转为跟进事项：{motion}",
  "vote.motionOf": "表决事项（草稿，可修改）",
  "vote.typeTotalFor": "直接输入总数：{option}",
  "followUp.statusOf": "状态：{action}",
  "followUp.escalateOf": "网格吹哨：{action}",
  "followUp.editOf": "编辑跟进事项：{action}",
  "followUp.deleteOf": "删除跟进事项：{action}",
  "followUp.editForm": "编辑跟进事项",
  "agenda.makeCurrentOf": "把“{title}”设为当前议题",
  "agenda.deleteOf": "删除议题：{title}",
  "sync.statusShown": "同步：{status}",
  "share.codeIntro": "加入码：",
  "session.deviceName": "这台平板的名称",
  "session.deviceNameHint": "其他平板上显示这个名称，例如“主持人平板”。",
  "session.deleteOf": "删除会议：{title}",
  "notice.sessionDeleted": "已删除会议：{what}",
  "notice.sessionRemovedHere": "已从这台平板删除：{what}。已配对或共享的其他平板仍保留各自的副本。",
  "talkPoint.delete": "删除说事点",
  "talkPoint.editOf": "编辑说事点：{name}",
  "notice.talkPointDeleted": "已删除说事点：{what}",
  "minutes.copyText": "复制为文字",
  "notice.copied": "纪要已复制为文字，可以粘贴到聊天中。",
  "notice.copyFailed": "无法复制到剪贴板：请在下方选中文字后手动复制。",
  "minutes.textCopy": "纪要文字（可选中复制）",
};

export type TableMessages = Record<keyof typeof tableZh, string>;
