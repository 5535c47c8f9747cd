import type { RelayMessages } from "./zh.ts";

export const relayEn: RelayMessages = {
  "sync.p2pOff": "Peer to peer is off",
  "device.peerToPeer": "Sync directly with nearby tablets (peer to peer)",
  "device.peerToPeerHint":
    "Off: this tablet syncs only through its communities' relay. Takes effect when the page is opened again.",
  "relay.heading": "Subdistrict relay",
  "relay.explain":
    "The subdistrict office can run a relay so tablets that are never on the same network still sync, and the office sees every community's register. Enter the relay's address and the token its admin issued for this community.",
  "relay.communityId": "This community's id, for the relay's admin: {id}",
  "relay.url": "Relay address (ws:// or wss://)",
  "relay.token": "This community's relay token",
  "relay.connect": "Connect to the relay",
  "relay.disconnect": "Stop using the relay on this tablet",
  "relay.using": "Relay: {url}",
  "relay.readOnly": "This tablet is a display: its connection is read-only and changes nothing on the relay.",
  "relay.state.connecting": "Relay: connecting…",
  "relay.state.connected": "Relay: connected",
  "relay.state.unreachable":
    "Relay: unreachable (reconnects by itself; everything is kept on this tablet meanwhile)",
  "relay.state.refused": "Relay: refused (a wrong token, or this community is not registered on this relay)",
  "relay.links.connecting": "Once the relay is connected, the links to pair other tablets appear here.",
  "relay.links.unreachable":
    "The relay cannot be reached, so no pairing links are offered: check the relay's address and the network; the links appear here once it connects.",
  "relay.links.refused":
    "The relay refused this tablet's token, so no pairing links are offered: ask the relay's administrator for the community's current token (--rotate-token issues new ones), stop using the relay here and enter the new token.",
  "relay.pairHeading": "Pair another tablet through the relay",
  "relay.pairExplain":
    "Open the link or scan the code on the other tablet. The link holds the token: give it only to this community's staff.",
  "relay.linkStaff": "Link for a staff tablet",
  "relay.linkDisplay": "Link for a display (read-only)",
  "relay.qrStaff": "QR code of the staff tablet's link",
  "relay.qrDisplay": "QR code of the display's link",
  "relay.offer":
    "A paired tablet uses the subdistrict relay at {url}. Use it on this tablet too? Everything of this community would then be sent to that address.",
  "relay.offerAccept": "Use the relay at {url}",
  "relay.offerDecline": "Not the relay at {url}",
  "relay.insecure":
    "A ws:// address is not encrypted: it is accepted only for a relay on this device. Use the relay's wss:// address.",
  "relay.received": "Relay settings received from a paired tablet: {url}",
  "relay.badUrl": "The relay's address starts with ws://, wss://, http:// or https://.",
  "relay.badToken": "Enter the relay token.",
  "relayPair.heading": "Join a community through its relay",
  "relayPair.explain":
    "This link joins this tablet to the community {community} through the subdistrict relay.",
  "relayPair.action": "Join",
  "relayPair.connecting": "Connecting to the relay…",
  "relayPair.receiving": "Connected: receiving the community…",
  "relayPair.badLink": "This link is incomplete or damaged: scan the code again.",
  "relayPair.refused":
    "The relay refused this link: a wrong token, or the community is not registered on this relay.",
  "relayPair.unreachable": "The relay cannot be reached: check the network and try again.",
};
