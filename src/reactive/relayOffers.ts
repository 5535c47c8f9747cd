// A relay a paired tablet tells the room about is only offered: a staff user confirms it on screen (its
// address shown) before this tablet streams anything to it; a display never takes one; an unencrypted
// ws:// address that is not this device is refused.
import { createSignal } from "solid-js";
import { cleanRelaySetting, isInsecureRelay, type RelaySetting } from "../persistence/communities.ts";
import type { CommunityRole } from "../persistence/communities.ts";

export interface RelayOfferHost {
  /** This tablet's role in the community, its relay now, and the relay address it was told to ignore. */
  row(id: string): { role: CommunityRole; relay?: RelaySetting | null; relayIgnored?: string } | undefined;
  /** Keeps `setting` as this tablet's relay. */
  adopt(id: string, setting: RelaySetting): Promise<void>;
  /** Remembers not to offer `url` again. */
  ignore(id: string, url: string): Promise<void>;
}

export interface RelayOffers {
  /** A relay setting a paired tablet told (raw, to be cleaned): offered when this tablet may take it. */
  hear(id: string, raw: unknown): void;
  /** The relay offered for community `id`, if any. */
  offer(id: string): RelaySetting | null;
  /** The staff user's answer: use the offered relay, or never offer it again. */
  answer(id: string, accept: boolean): Promise<void>;
}

/** Offers of relays heard from paired tablets, per community. */
export function createRelayOffers(host: RelayOfferHost): RelayOffers {
  const [offers, setOffers] = createSignal<ReadonlyMap<string, RelaySetting>>(new Map());
  const without = (id: string) => new Map([...offers()].filter(([key]) => key !== id));
  return {
    hear(id, raw) {
      const setting = typeof raw === "object" && raw ? cleanRelaySetting({ ...raw, readOnly: false }) : null;
      const row = host.row(id);
      if (!setting || !row || row.role === "display" || row.relay || row.relayIgnored === setting.url) return;
      if (isInsecureRelay(setting.url) || offers().get(id)?.url === setting.url) return;
      setOffers(new Map([...offers(), [id, setting]]));
    },
    offer: (id) => offers().get(id) ?? null,
    async answer(id, accept) {
      const setting = offers().get(id);
      if (!setting) return;
      setOffers(without(id));
      if (accept) await host.adopt(id, setting);
      else await host.ignore(id, setting.url);
    },
  };
}
