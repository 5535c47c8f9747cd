// A relay a paired tablet tells the room about is offered, never used until a staff user says yes; a
// display never takes one; a declined address is not offered again; ws:// to another device is refused.
import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { isInsecureRelay, type CommunityRole, type RelaySetting } from "../../src/persistence/communities.ts";
import { createRelayOffers } from "../../src/reactive/relayOffers.ts";

const TOKEN = "A".repeat(43);

function harness(role: CommunityRole = "facilitator") {
  const rows = new Map<string, { role: CommunityRole; relay?: RelaySetting | null; relayIgnored?: string }>([
    ["c1", { role }],
  ]);
  const adopted: string[] = [];
  const offers = createRoot(() =>
    createRelayOffers({
      row: (id) => rows.get(id),
      adopt: async (id, setting) => {
        adopted.push(setting.url);
        rows.set(id, { ...rows.get(id)!, relay: setting });
      },
      ignore: async (id, url) => void rows.set(id, { ...rows.get(id)!, relayIgnored: url }),
    }),
  );
  return { offers, adopted };
}

describe("relays heard from paired tablets", () => {
  it("are offered, and used only once a staff user accepts", async () => {
    const { offers, adopted } = harness();
    offers.hear("c1", { url: "wss://relay.example:4500", token: TOKEN });
    expect(adopted).toEqual([]);
    expect(offers.offer("c1")?.url).toBe("wss://relay.example:4500");
    await offers.answer("c1", true);
    expect(adopted).toEqual(["wss://relay.example:4500"]);
    expect(offers.offer("c1")).toBeNull();
  });

  it("once declined, are not offered again", async () => {
    const { offers, adopted } = harness();
    offers.hear("c1", { url: "wss://relay.example:4500", token: TOKEN });
    await offers.answer("c1", false);
    offers.hear("c1", { url: "wss://relay.example:4500", token: TOKEN });
    expect(offers.offer("c1")).toBeNull();
    expect(adopted).toEqual([]);
  });

  it("are never offered to a display, nor as ws:// to another device, nor when malformed", () => {
    const display = harness("display");
    display.offers.hear("c1", { url: "wss://relay.example:4500", token: TOKEN });
    expect(display.offers.offer("c1")).toBeNull();
    const staff = harness();
    staff.offers.hear("c1", { url: "ws://192.168.1.20:4500", token: TOKEN });
    expect(staff.offers.offer("c1")).toBeNull();
    staff.offers.hear("c1", { url: "javascript:alert(1)", token: TOKEN });
    staff.offers.hear("c1", "wss://x");
    expect(staff.offers.offer("c1")).toBeNull();
  });

  it("tells an unencrypted address of another device from one on this device", () => {
    expect(isInsecureRelay("ws://192.168.1.20:4500")).toBe(true);
    expect(isInsecureRelay("http://relay.example")).toBe(true);
    expect(isInsecureRelay("ws://localhost:4500")).toBe(false);
    expect(isInsecureRelay("ws://127.0.0.1:4500/")).toBe(false);
    expect(isInsecureRelay("ws://[::1]:4500")).toBe(false);
    expect(isInsecureRelay("wss://192.168.1.20:4500")).toBe(false);
    expect(isInsecureRelay("ws://127.0.0.1.evil.example")).toBe(true);
  });
});
