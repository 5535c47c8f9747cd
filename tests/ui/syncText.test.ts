// What a session's header says about sharing: its own code's status, else how its community carries it
// (tablets online, the relay, peer to peer off), else "not shared".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLang } from "../../src/i18n/i18n.ts";
import { communityCarried, sessionSyncText } from "../../src/ui/syncText.ts";

beforeEach(() => setLang("en"));
afterEach(() => setLang("zh"));

describe("the session header's sharing state", () => {
  const connected = (peers: number) => ({ state: "connected" as const, peers });

  it("a guest session without a code is not shared; with one, its own status", () => {
    expect(sessionSyncText(null, null)).toBe("Not shared");
    expect(sessionSyncText(connected(2), null)).toBe("Connected to 2 devices");
  });

  it("a community's session says how the community carries it", () => {
    expect(sessionSyncText(null, { peers: connected(2), relay: null })).toBe(
      "Shared with the community: 2 tablets online",
    );
    expect(sessionSyncText(null, { peers: connected(1), relay: "connected" })).toBe(
      "Shared with the community: 1 tablet online, and through the relay",
    );
    expect(sessionSyncText(null, { peers: { state: "off", peers: 0 }, relay: "connected" })).toBe(
      "Shared with the community through the relay",
    );
    expect(sessionSyncText(null, { peers: { state: "off", peers: 0 }, relay: "refused" })).toBe(
      "Community session: peer to peer is off and no relay is connected",
    );
    expect(sessionSyncText(null, { peers: { state: "searching", peers: 0 }, relay: null })).toBe(
      "Shared with the community: no other tablet online now",
    );
    expect(communityCarried({ peers: { state: "searching", peers: 0 }, relay: "unreachable" })).toBe(false);
    expect(communityCarried({ peers: null, relay: "connected" })).toBe(true);
  });
});
