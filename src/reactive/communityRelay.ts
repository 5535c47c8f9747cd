// A community's sync through the subdistrict relay, as a Solid signal of its state. Its code (Hocuspocus's
// provider) loads only for a community with a relay set on this tablet.
import * as Y from "yjs";
import { createSignal, type Accessor } from "solid-js";
import type { RelaySetting } from "../persistence/communities.ts";
import type { RelayState, RelaySessions } from "../sync/relaySync.ts";
import type { CommunityDocs } from "./communityDocs.ts";
import { sessionDocName } from "./communityDocs.ts";
import type { CommunityHandle } from "./communityHandle.ts";
import { onOpenDocs, openDocs } from "./openDocs.ts";
import { reportError } from "./notices.ts";
import { workspaceRoots } from "../doc/community/workspaceDoc.ts";
import { isSessionRemovedHere } from "../sync/deviceSettings.ts";
import { onSessionRemoved } from "./removeSession.ts";

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CommunityRelay {
  state: Accessor<RelayState>;
  setting: RelaySetting;
  stop(): void;
}

/** The community's sessions as the relay sync reaches them: through the same source as the peers' mux. */
function relaySessions(community: CommunityHandle, docs: CommunityDocs): RelaySessions {
  // From the document, not the store: asked inside Yjs observers, before the store has caught up.
  const ids = () =>
    [...workspaceRoots(community.doc).sessions.keys()].filter(
      (id) => SESSION_ID.test(id) && !isSessionRemovedHere(id),
    );
  return {
    ids,
    has: (id) => !isSessionRemovedHere(id) && workspaceRoots(community.doc).sessions.has(id),
    withDoc: (id, fn) => docs.withDoc(sessionDocName(id), fn),
    open() {
      const mine = new Set(ids());
      const out = new Map<string, Y.Doc>();
      for (const [id, doc] of openDocs()) if (mine.has(id)) out.set(id, doc);
      return out;
    },
    onChange(fn) {
      const offOpen = onOpenDocs(() => fn());
      const offIndex = docs.onNewSessions(fn);
      // A visit under way of a session removed here ends at once (before its copy is dropped).
      const offRemoved = onSessionRemoved(() => fn());
      return () => {
        offOpen();
        offIndex();
        offRemoved();
      };
    },
  };
}

/** Connects the community to its relay with `setting` until stopped. */
export function startCommunityRelay(
  community: CommunityHandle,
  docs: CommunityDocs,
  setting: RelaySetting,
): CommunityRelay {
  const [state, setState] = createSignal<RelayState>("connecting");
  let stopped = false;
  let sync: { destroy(): void } | null = null;
  void import("../sync/relaySync.ts")
    .then(({ RelaySync }) => {
      if (stopped) return;
      community.load();
      const relay = new RelaySync({
        url: setting.url,
        token: setting.token,
        readOnly: setting.readOnly,
        communityId: community.id,
        workspace: community.doc,
        sessions: relaySessions(community, docs),
      });
      relay.on("status", setState);
      setState(relay.state);
      sync = relay;
    })
    .catch(reportError);
  return {
    state,
    setting,
    stop() {
      stopped = true;
      sync?.destroy();
      sync = null;
    },
  };
}
