// The link that pairs a tablet with a community through its relay: #/relay/<communityId>?url=…&token=…
// (&ro=1 for a display, whose token is then the read-only one). The fragment never reaches a server.
import { cleanRelaySetting, type RelaySetting } from "../persistence/communities.ts";

export interface RelayPairing {
  communityId: string;
  /** The community's name, shown before the workspace arrives. */
  name: string;
  setting: RelaySetting;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The pairing link of `pairing` (on this page's origin). */
export function relayPairLink(p: {
  communityId: string;
  name: string;
  url: string;
  token: string;
  readOnly: boolean;
}): string {
  const query = new URLSearchParams({ url: p.url, token: p.token, name: p.name.slice(0, 60) });
  if (p.readOnly) query.set("ro", "1");
  return `${location.origin}${location.pathname}#/relay/${encodeURIComponent(p.communityId)}?${query.toString()}`;
}

/** What a relay pairing link asks for (`search`: its query, without "?"), or null when it is incomplete. */
export function parseRelayPairing(communityId: string, search: string): RelayPairing | null {
  if (!ID.test(communityId)) return null;
  const query = new URLSearchParams(search);
  const setting = cleanRelaySetting({
    url: query.get("url") ?? "",
    token: query.get("token") ?? "",
    readOnly: query.get("ro") === "1",
  });
  return setting ? { communityId, name: (query.get("name") ?? "").slice(0, 60), setting } : null;
}
