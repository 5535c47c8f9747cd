// Messages of the subdistrict office's relay: connecting a community to it, its status, pairing a tablet
// through it, and switching peer-to-peer sync off on a tablet.
// Chinese: the master; English and Uyghur (loaded with their dictionaries) are typed against its keys.
export const relayZh = {
  "sync.p2pOff": "点对点同步已关闭",
  "device.peerToPeer": "与附近的平板直接同步（点对点）",
  "device.peerToPeerHint": "关闭后，这台平板只通过社区设置的街道中继同步。重新打开页面后生效。",
  "relay.heading": "街道中继",
  "relay.explain":
    "街道办可以运行一个中继，让不在同一个网络里的平板也能同步，街道办也能看到各社区的台账。填写中继的地址和管理员为本社区发的令牌。",
  "relay.communityId": "交给中继管理员的社区编号：{id}",
  "relay.url": "中继地址（ws:// 或 wss://）",
  "relay.token": "本社区的中继令牌",
  "relay.connect": "连接中继",
  "relay.disconnect": "这台平板不再使用中继",
  "relay.using": "中继地址：{url}",
  "relay.readOnly": "这台平板是展示屏：只读连接，不会改动中继上的资料。",
  "relay.state.connecting": "中继：正在连接…",
  "relay.state.connected": "中继：已连接",
  "relay.state.unreachable": "中继：连不上（恢复后自动重连，资料都保存在这台平板上）",
  "relay.state.refused": "中继：拒绝连接（令牌不对，或本社区没有登记在这个中继上）",
  "relay.links.connecting": "连上中继后，这里会给出配对其他平板的链接。",
  "relay.links.unreachable": "中继连不上，所以不给配对链接：请检查中继地址和网络，连上后链接会出现在这里。",
  "relay.links.refused":
    "中继拒绝了本平板的令牌，所以不给配对链接：请向中继管理员要本社区现在的令牌（--rotate-token 会发新令牌），先点“不再使用中继”，再输入新令牌。",
  "relay.pairHeading": "通过中继配对另一台平板",
  "relay.pairExplain": "在另一台平板上打开链接或扫码。链接里有令牌，只交给本社区的工作人员。",
  "relay.linkStaff": "工作人员平板的链接",
  "relay.linkDisplay": "展示屏的链接（只读）",
  "relay.qrStaff": "工作人员平板链接的二维码",
  "relay.qrDisplay": "展示屏链接的二维码",
  "relay.offer":
    "已配对的平板使用街道中继 {url}。这台平板也使用吗？使用后本社区的全部内容都会发送到这个地址。",
  "relay.offerAccept": "使用中继 {url}",
  "relay.offerDecline": "不使用中继 {url}",
  "relay.insecure": "ws:// 地址不加密，只能用于本机上的中继。请使用中继的 wss:// 地址。",
  "relay.received": "已从配对的平板收到中继设置：{url}",
  "relay.badUrl": "中继地址要以 ws://、wss://、http:// 或 https:// 开头。",
  "relay.badToken": "请填写中继令牌。",
  "relayPair.heading": "通过中继加入社区",
  "relayPair.explain": "这个链接让这台平板通过街道中继加入社区 {community}。",
  "relayPair.action": "加入",
  "relayPair.connecting": "正在连接中继…",
  "relayPair.receiving": "已连接：正在接收社区资料…",
  "relayPair.badLink": "这个链接不完整或已损坏：请重新扫码。",
  "relayPair.refused": "中继拒绝了这个链接：令牌不对，或社区没有登记在这个中继上。",
  "relayPair.unreachable": "连不上中继：请检查网络后再试。",
};

export type RelayMessages = Record<keyof typeof relayZh, string>;
